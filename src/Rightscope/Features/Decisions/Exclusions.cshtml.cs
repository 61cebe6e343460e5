using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Accounts;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Decisions;

/// <summary>The exclusion list: companies whose current approved decision is to exclude, with downloads for order-management systems.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ExclusionsModel(OrganizationContext context, ExclusionList list) : PageModel
{
    public string Slug => context.Current.Slug;

    public ExclusionListDocument Document { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Document = await list.LoadAsync(Slug, cancellationToken);
}
