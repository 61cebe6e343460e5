using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rightscope.Core.Accounts;
using Rightscope.Core.Charts;
using Rightscope.Core.Companies;
using Rightscope.Core.Money;
using Rightscope.Core.Portfolios.Screening;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Portfolios;

/// <summary>
/// The screening dashboard of a portfolio snapshot (default: the latest): holdings and weight and market value at risk
/// per tier, exposure type × tier, technology category × tier, unassessed holdings, overdue reviews, changes since the
/// previous snapshot, and the holdings. Filters are plain GET parameters so the page works without script; an invalid
/// filter is named in a message and ignored (HTTP 400). Aggregates cover every holding that passes the filters; only
/// the holdings table is paged.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ScreeningDashboardModel(
    RightscopeDbContext db,
    OrganizationContext context,
    MethodologyRegistry registry,
    TimeProvider clock,
    IOptions<ScreeningSettings> settings,
    ScreeningCache cache,
    IStringLocalizer<ScreeningText> text,
    IStringLocalizer<CompaniesText> companyText) : PageModel
{
    public const int PageSize = 100;

    public static readonly IReadOnlyList<string> Sorts = ["weight", "weight-asc", "line"];

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public Portfolio Portfolio { get; private set; } = null!;

    public IReadOnlyList<HoldingsSnapshot> Snapshots { get; private set; } = [];

    public HoldingsSnapshot? Snapshot { get; private set; }

    public HoldingsSnapshot? Previous { get; private set; }

    public ScreeningFilter Filter { get; private set; } = ScreeningFilter.None;

    public ScreeningOptions Options { get; private set; } = null!;

    public ScreeningSummary Summary { get; private set; } = null!;

    /// <summary>Changes of the holdings that pass the filters in either snapshot; null without a previous snapshot.</summary>
    public SnapshotChanges? Changes { get; private set; }

    public IReadOnlyDictionary<Guid, ScreenedCompany> Companies { get; private set; } = new Dictionary<Guid, ScreenedCompany>();

    public IReadOnlyList<ScreeningHolding> PageOfHoldings { get; private set; } = [];

    public int HoldingsCount { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (HoldingsCount + PageSize - 1) / PageSize);

    public string Sort { get; private set; } = "weight";

    /// <summary>Technology categories to filter by: the catalog's, in its order.</summary>
    public IReadOnlyList<(string Key, string Title)> Technologies { get; private set; } = [];

    /// <summary>Countries of the snapshot's holdings, to filter by.</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];

    // Raw query values, echoed back into the filter form.
    [FromQuery(Name = "asOf")] public string? AsOfValue { get; set; }
    [FromQuery(Name = "tier")] public string? TierValue { get; set; }
    [FromQuery(Name = "exposure")] public string? ExposureValue { get; set; }
    [FromQuery(Name = "technology")] public string? TechnologyValue { get; set; }
    [FromQuery(Name = "country")] public string? CountryValue { get; set; }
    [FromQuery(Name = "unassessed")] public string? UnassessedValue { get; set; }
    [FromQuery(Name = "overdue")] public string? OverdueValue { get; set; }
    [FromQuery(Name = "sort")] public string? SortValue { get; set; }
    [FromQuery(Name = "page")] public string? PageValue { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portfolio is null)
        {
            return NotFound();
        }

        Portfolio = portfolio;
        var lang = MethodologyLanguage.Current;
        var catalog = registry.Shipped.Reference(CompanyCommands.TechnologiesCatalog);
        Technologies = catalog?.Entries.Select(e => (e.Key, e.Title.In(lang))).ToList() ?? [];
        Options = new ScreeningOptions(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), settings.Value.ReviewAfterMonths);
        Snapshots = await db.HoldingsSnapshots.AsNoTracking().Where(s => s.PortfolioId == id).OrderByDescending(s => s.AsOf).ToListAsync(cancellationToken);
        Snapshot = Snapshots.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(AsOfValue))
        {
            var chosen = DateOnly.TryParseExact(AsOfValue.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? Snapshots.FirstOrDefault(s => s.AsOf == day)
                : null;
            if (chosen is null)
            {
                ModelState.AddModelError("asOf", text["Filter.AsOfInvalid"]);
            }
            else
            {
                Snapshot = chosen;
            }
        }

        Filter = ParseFilter();
        Sort = SortValue is null ? "weight" : Sorts.Contains(SortValue, StringComparer.Ordinal) ? SortValue : Invalid("sort", "weight");
        PageNumber = PageValue is null ? 1 : int.TryParse(PageValue, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : Invalid("page", 1);
        if (Snapshot is null)
        {
            Summary = ScreeningSummary.Of([], Options);
            return Answer();
        }

        Previous = Snapshots.FirstOrDefault(s => s.AsOf < Snapshot.AsOf);
        var organizationId = context.Current.Id;
        var chain = Audit.AuditTrail.ChainOf(organizationId);
        var position = await db.AuditEntries.AsNoTracking().Where(e => e.Chain == chain).MaxAsync(e => (long?)e.Sequence, cancellationToken);
        var key = new ScreeningCache.DataKey(organizationId, Snapshot.Id, Previous?.Id, position);
        var (current, previous) = (Snapshot, Previous);
        // Shared loads run to completion even if the request that started them goes away: other requests wait on them.
        var data = await cache.DataAsync(key, () => new ScreeningQuery(db).LoadAsync(current, previous, CancellationToken.None));
        var view = await cache.ViewAsync(key, Filter, Sort, Options, () => Task.FromResult(Compute(data, Filter, Sort, Options)));
        Summary = view.Summary;
        Changes = view.Changes;
        Companies = view.Companies;
        Countries = view.Countries;
        HoldingsCount = view.Sorted.Count;
        PageNumber = Math.Min(PageNumber, PageCount);
        PageOfHoldings = [.. view.Sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Answer();
    }

    /// <summary>The summary, changes and sorted holdings of <paramref name="data"/> under a filter; pure, so it can be shared.</summary>
    public static ScreeningView Compute(ScreeningData data, ScreeningFilter filter, string sort, ScreeningOptions options)
    {
        var filtered = filter.Apply(data.Current, options).ToList();
        SnapshotChanges? changes = null;
        if (data.Previous is { } previous)
        {
            var all = SnapshotChanges.Compare(previous, data.Current);
            var shown = filter.Apply(previous, options).Concat(filtered).Select(h => h.Identity).ToHashSet(StringComparer.Ordinal);
            changes = new SnapshotChanges(
                [.. all.Added.Where(c => shown.Contains(c.Identity))],
                [.. all.Removed.Where(c => shown.Contains(c.Identity))],
                [.. all.WeightChanged.Where(c => shown.Contains(c.Identity))],
                [.. all.TierChanged.Where(c => shown.Contains(c.Identity))]);
        }

        IEnumerable<ScreeningHolding> sorted = sort switch
        {
            "weight-asc" => filtered.OrderBy(h => h.WeightOrZero).ThenBy(h => h.Line),
            "line" => filtered.OrderBy(h => h.Line),
            _ => filtered.OrderByDescending(h => h.WeightOrZero).ThenBy(h => h.Line),
        };
        var countries = data.Current.Select(h => h.Country).OfType<string>().Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new ScreeningView(ScreeningSummary.Of(filtered, options), changes, [.. sorted], countries, data.Companies);
    }

    private IActionResult Answer()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private T Invalid<T>(string field, T fallback)
    {
        ModelState.AddModelError(field, text["Filter.Invalid", text[$"Filter.{field}"]]);
        return fallback;
    }

    private ScreeningFilter ParseFilter()
    {
        TierBucket? tier = TierValue switch
        {
            null or "" => null,
            "1" => TierBucket.Tier1,
            "2" => TierBucket.Tier2,
            "3" => TierBucket.Tier3,
            "unassessed" => TierBucket.Unassessed,
            _ => Invalid<TierBucket?>("tier", null),
        };
        int? exposure = ExposureValue switch
        {
            null or "" => null,
            "1" or "2" or "3" => int.Parse(ExposureValue, CultureInfo.InvariantCulture),
            _ => Invalid<int?>("exposure", null),
        };
        var technology = string.IsNullOrEmpty(TechnologyValue) ? null
            : Technologies.Any(t => t.Key == TechnologyValue) ? TechnologyValue
            : Invalid<string?>("technology", null);
        var country = string.IsNullOrEmpty(CountryValue) ? null
            : Country.TryParse(CountryValue, out var found) ? found.Alpha2
            : Invalid<string?>("country", null);
        return new ScreeningFilter(tier, exposure, technology, country, Flag(UnassessedValue, "unassessed"), Flag(OverdueValue, "overdue"));
    }

    private bool Flag(string? value, string field) => value switch
    {
        null or "" or "false" => false,
        "true" or "on" => true,
        _ => Invalid(field, false),
    };

    /// <summary>The query string of this view with some parameters replaced (null removes one), for links that keep the filters.</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var values = new List<(string Key, string? Value)>
        {
            ("asOf", Snapshot is null ? null : Day(Snapshot.AsOf)),
            ("tier", TierValue), ("exposure", ExposureValue), ("technology", TechnologyValue), ("country", CountryValue),
            ("unassessed", UnassessedValue), ("overdue", OverdueValue), ("sort", SortValue), ("page", PageValue),
        };
        foreach (var (key, value) in changes)
        {
            values.RemoveAll(v => v.Key == key);
            values.Add((key, value));
        }

        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return $"/o/{Slug}/portfolios/{Portfolio.Id}/dashboard" + (query.Length == 0 ? "" : "?" + query);
    }

    public static ChartStyle StyleOf(TierBucket tier) => tier switch
    {
        TierBucket.Tier1 => new ChartStyle("tier-1"),
        TierBucket.Tier2 => new ChartStyle("tier-2", ChartPattern.Diagonal),
        TierBucket.Tier3 => new ChartStyle("tier-3", ChartPattern.CrossHatch),
        _ => new ChartStyle("unassessed", ChartPattern.Dots),
    };

    public string TierName(TierBucket tier) => text[$"Tier.{tier}"];

    public string TierName(TierBucket? tier) => tier is { } t ? TierName(t) : "—";

    public string ExposureName(int? type) => companyText[type is { } t ? $"Exposure.{t}" : "Exposure.unknown"];

    public string TechnologyName(string? key) =>
        key is null ? text["Heat.NoTechnology"] : Technologies.FirstOrDefault(t => t.Key == key).Title ?? key;

    /// <summary>Weight per tier as bars; the table beside it has the counts and market values too.</summary>
    public string TierChart() => BarChart.Render(
        new ChartText("tier-chart", text["Tiers.Title"], text["Tiers.ChartDescription"]),
        [.. ScreeningSummary.Tiers.Select(t => new Bar(TierName(t), Summary.ByTier[t].Weight, Percent(Summary.ByTier[t].Weight), StyleOf(t)))]);

    /// <summary>Weight per exposure type, stacked by tier.</summary>
    public string ExposureChart() => StackedBarChart.Render(
        new ChartText("exposure-chart", text["Exposure.Title"], text["Exposure.ChartDescription"]),
        [.. ScreeningSummary.Tiers.Select(t => new StackSeries(TierName(t), StyleOf(t)))],
        [.. Summary.ByExposure.Select(e => new StackRow(ExposureName(e.Key), [.. ScreeningSummary.Tiers.Select(t => e[t].Weight)], Percent(e.ByTier.Values.Sum(v => v.Weight))))]);

    /// <summary>Technology category × tier, shaded by weight, each cell showing its count and weight.</summary>
    public string HeatChart() => HeatMap.Render(
        new ChartText("heat-chart", text["Heat.Title"], text["Heat.ChartDescription"]),
        [.. Summary.ByTechnology.Select(r => TechnologyName(r.Key))],
        [.. ScreeningSummary.Tiers.Select(TierName)],
        [.. Summary.ByTechnology.Select(r => (IReadOnlyList<HeatCell>)[.. ScreeningSummary.Tiers.Select(t => new HeatCell(r[t].Weight, r[t].Count == 0 ? "0" : $"{r[t].Count} · {Percent(r[t].Weight)}"))])]);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(double weight) => weight.ToString("0.##", CultureInfo.CurrentCulture) + " %";

    /// <summary>An amount of summed minor units, in the currency's own decimals and the reader's number format.</summary>
    public static string Amount(decimal minor, string code)
    {
        var units = Currency.TryParse(code, out var currency) ? currency.MinorUnits : 2;
        var amount = minor / (decimal)Math.Pow(10, units);
        return $"{amount.ToString("N" + units.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture)} {code}";
    }

    public static string Amount(long? minor, string? code) => minor is { } m && code is not null ? Amount((decimal)m, code) : "—";
}
