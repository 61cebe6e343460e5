using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Transparency;

/// <summary>
/// The register of government requests, newest first, filtered by period, country, request type and decision. Filters
/// are links and a GET form: an unknown value is ignored and said so, not an error page.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class GovernmentRequestsModel(RightscopeDbContext db, OrganizationContext context, AggregateCache aggregates) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Decision { get; set; }

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public IReadOnlyList<GovernmentRequest> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<string> Countries { get; private set; } = [];

    /// <summary>The filter fields whose value was not understood (ignored).</summary>
    public List<string> IgnoredFilters { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.GovernmentRequests.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (TransparencyPeriod.TryParse(Period, out var period))
            {
                query = query.Where(r => r.ReceivedOn >= period.From && r.ReceivedOn <= period.To);
            }
            else
            {
                IgnoredFilters.Add("period");
            }
        }

        if (!string.IsNullOrWhiteSpace(Country))
        {
            var resolved = CountryCodes.Resolve(Country, CountryMap.Empty);
            if (resolved.Status == CountryStatus.Valid)
            {
                query = query.Where(r => r.CountryCode == resolved.Code);
            }
            else
            {
                IgnoredFilters.Add("country");
            }
        }

        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (TransparencyCodes.TryParse<RequestType>(Type, out var type))
            {
                query = query.Where(r => r.Type == type);
            }
            else
            {
                IgnoredFilters.Add("type");
            }
        }

        if (!string.IsNullOrWhiteSpace(Decision))
        {
            if (TransparencyCodes.TryParse<RequestDecision>(Decision, out var decision))
            {
                query = query.Where(r => r.Decision == decision);
            }
            else
            {
                IgnoredFilters.Add("decision");
            }
        }

        // The total and the country list read every request of the filter; they are kept until the register changes.
        var filters = string.Join('|', Period, Country, Type, Decision, string.Join(',', IgnoredFilters));
        Total = await aggregates.GetOrComputeAsync(db, AggregateArea.Transparency, "register-total|" + filters, query.CountAsync, cancellationToken);
        Rows = await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.CreatedAt).Take(PageSize).ToListAsync(cancellationToken);
        Countries = await aggregates.GetOrComputeAsync<IReadOnlyList<string>>(
            db,
            AggregateArea.Transparency,
            "register-countries",
            async token => await db.GovernmentRequests.AsNoTracking().Select(r => r.CountryCode).Distinct().ToListAsync(token),
            cancellationToken);
    }
}
