using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>The organization's HRIA projects: planned and in progress first, then the completed ones.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class HriaListModel(RightscopeDbContext db, OrganizationContext context) : PageModel
{
    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public IReadOnlyList<(HriaProject Project, int Assessments, string Lead)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var projects = await db.HriaProjects.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.HriaAssessments.AsNoTracking().GroupBy(l => l.HriaProjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var members = await HrddMembers.ListAsync(db, cancellationToken);
        Rows = [.. projects
            .OrderBy(p => p.Status == HriaStatus.Completed)
            .ThenByDescending(p => p.StartsOn)
            .ThenByDescending(p => p.CreatedAt)
            .Select(p => (p, counts.GetValueOrDefault(p.Id), HrddMembers.NameOf(members, p.LeadUserId)))];
    }
}
