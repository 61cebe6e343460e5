using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Companies;

/// <summary>The registry, searched by name (either language, normalized) or exact identifier, 50 a page.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class CompanyListModel(RightscopeDbContext db, OrganizationContext context) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // From the query only: Razor Pages has a route value named "page" (the page's path), which would win otherwise.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public IReadOnlyList<Company> Companies { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var companies = db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            companies = companies.Matching(Query);
        }

        Total = await companies.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Companies = await companies
            .OrderBy(c => c.NormalizedName).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
    }
}
