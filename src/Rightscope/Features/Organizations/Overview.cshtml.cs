using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Organizations;

/// <summary>The organization's home page, open to every member.</summary>
[RequirePermission(Permission.ViewOrganization)]
public sealed class OverviewModel(RightscopeDbContext db, OrganizationContext context) : PageModel
{
    public Organization Organization => context.Current;

    public Role Role => context.Role;

    public int MemberCount { get; private set; }

    public IReadOnlyList<Permission> Permissions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MemberCount = await db.Memberships.CountAsync(cancellationToken);
        Permissions = RolePermissions.Of(Role).Order().ToList();
    }
}
