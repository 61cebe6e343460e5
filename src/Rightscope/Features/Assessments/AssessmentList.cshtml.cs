using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>The organization's assessments, most recently changed first.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentListModel(RightscopeDbContext db, OrganizationContext context) : PageModel
{
    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public IReadOnlyList<Assessment> Assessments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Assessments = await db.Assessments.AsNoTracking()
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
}
