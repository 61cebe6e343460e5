using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Data;

namespace Rightscope.Features.Organizations;

/// <summary>The organizations the signed-in user belongs to: the organization switcher.</summary>
public sealed class MyOrganizationsModel(RightscopeDbContext db) : PageModel
{
    public sealed record Item(string Slug, string Name, OrganizationKind Kind, Role Role);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        // Crossing organizations on purpose: these are the user's own memberships.
        Items = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organization!.Name)
            .Select(m => new Item(m.Organization!.Slug, m.Organization.Name, m.Organization.Kind, m.Role))
            .ToListAsync(cancellationToken);
        return Items.Count == 1 ? Redirect($"/o/{Items[0].Slug}") : Page();
    }
}
