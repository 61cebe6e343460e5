using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Companies;
using Rightscope.Core.Exports;
using Rightscope.Core.Indicators;
using Rightscope.Data;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Indicators;

/// <summary>
/// Everything the organization knows about one country: the latest value of each indicator with its gaps by sex and
/// location, the country's value and rank in each composite index, the grievance and defender-incident statistics of
/// cases from that country by violation type, perpetrator type, victim's sex and age band and group (suppressed like
/// the statistics page, each table as CSV too; only for members who may see case metrics), the salient issues that arise
/// there and the assessments of companies based there. Used as end-user country context from HRIA and investor work.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class CountryContextModel(
    RightscopeDbContext db,
    OrganizationContext context,
    IndicatorCatalog catalog,
    IndicatorDatasets datasets,
    RemedyStatisticsQuery statistics,
    MethodologyRegistry registry,
    IStringLocalizer<IndicatorsText> text) : PageModel
{
    public static readonly IReadOnlyList<StatisticsDimension> Dimensions =
    [
        StatisticsDimension.ViolationType,
        StatisticsDimension.Perpetrator,
        StatisticsDimension.Sex,
        StatisticsDimension.AgeBand,
        StatisticsDimension.Group,
    ];

    public sealed record IndicatorLine(IndicatorDefinition Indicator, CountryValues Values);

    public sealed record IndexLine(CompositeIndexDefinition Index, int Year, double Value, int Rank, int Of);

    public sealed record AssessmentLine(Guid Id, string Subject, string Methodology, AssessmentStatus Status, int? Tier);

    public string Slug => context.Current.Slug;

    public Country Country { get; private set; } = null!;

    public bool ShowsCaseMetrics => context.Allows(Permission.ViewCaseMetrics);

    public IReadOnlyList<IndicatorLine> Indicators { get; private set; } = [];

    public IReadOnlyList<IndexLine> Indices { get; private set; } = [];

    public IReadOnlyList<StatisticsView> Tables { get; private set; } = [];

    public IReadOnlyList<Hrdd.SalientIssue> Issues { get; private set; } = [];

    public IReadOnlyList<AssessmentLine> Assessments { get; private set; } = [];

    public bool Illustrative { get; private set; }

    public static string Language => CultureInfo.CurrentUICulture.Name;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!Country.TryParse(code, out var country))
        {
            return NotFound();
        }

        if (code != country.Alpha2)
        {
            return RedirectPermanent($"/o/{Slug}/countries/{country.Alpha2}");
        }

        Country = country;
        await LoadIndicatorsAsync(cancellationToken);
        foreach (var index in catalog.Indices)
        {
            var scores = await datasets.ScoresAsync(index, cancellationToken);
            if (scores.Where(s => s.Country == country.Alpha2).MaxBy(s => s.Year) is { } latest)
            {
                Indices = [.. Indices, new IndexLine(index, latest.Year, latest.Value, latest.Rank, scores.Count(s => s.Year == latest.Year))];
            }
        }

        if (ShowsCaseMetrics)
        {
            var tables = await statistics.TablesAsync(country.Alpha2, Dimensions, cancellationToken);
            Tables = [.. tables.Select(t => new StatisticsView(
                t,
                [.. t.Keys.Select(k => statistics.RowName(t.By, k, text["Statistics.NotRecorded"]))],
                text[$"Statistics.Caption.{t.Population}", text[$"Statistics.By.{t.By}"]],
                $"country-{t.Population}-{t.By}",
                $"/o/{Slug}/countries/{country.Alpha2}?handler=statistics&population={t.Population}&by={t.By}"))];
        }

        Issues = await db.SalientIssues.AsNoTracking().Where(i => i.CountryCode == country.Alpha2).OrderBy(i => i.Title).ToListAsync(cancellationToken);
        Assessments = await (
                from assessment in db.Assessments.AsNoTracking()
                join company in db.Companies.AsNoTracking() on assessment.CompanyId equals company.Id
                where company.Country == country.Alpha2 && assessment.Status != AssessmentStatus.Superseded
                orderby assessment.SubjectName
                select new AssessmentLine(assessment.Id, assessment.SubjectName, assessment.MethodologyKey, assessment.Status, assessment.Tier))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The indicator table as CSV: the same rows and columns the page shows.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken cancellationToken)
    {
        if (!Country.TryParse(code, out var country))
        {
            return NotFound();
        }

        Country = country;
        await LoadIndicatorsAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(SafeCsv.Line(["country", "indicator", "unit", "year", "total", "female", "male", "sex_gap_female_minus_male", "urban", "rural", "location_gap_urban_minus_rural", "illustrative"]));
        foreach (var line in Indicators)
        {
            var v = line.Values;
            csv.AppendLine(SafeCsv.Line([
                country.Alpha2, line.Indicator.Key, line.Indicator.Unit, v.Year.ToString(CultureInfo.InvariantCulture),
                Csv(v.Total), Csv(v.Female), Csv(v.Male), Csv(v.SexGap), Csv(v.Urban), Csv(v.Rural), Csv(v.LocationGap),
                Illustrative ? "true" : "false"]));
        }

        return IndicatorCsv.File(csv.ToString(), $"country-{country.Alpha2}.csv");
    }

    /// <summary>One statistics table of the country as CSV, suppressed like the page.</summary>
    public async Task<IActionResult> OnGetStatisticsAsync(string code, string? population, string? by, CancellationToken cancellationToken)
    {
        if (!Country.TryParse(code, out var country))
        {
            return NotFound();
        }

        if (!ShowsCaseMetrics)
        {
            return Forbid();
        }

        if (!Enum.TryParse<StatisticsPopulation>(population, ignoreCase: false, out var who) || !Enum.IsDefined(who))
        {
            return BadRequest(text["Statistics.PopulationInvalid"].Value);
        }

        if (!Enum.TryParse<StatisticsDimension>(by, ignoreCase: false, out var dimension) || !Dimensions.Contains(dimension))
        {
            return BadRequest(text["Statistics.DimensionInvalid"].Value);
        }

        var table = (await statistics.TablesAsync(country.Alpha2, Dimensions, cancellationToken)).Single(t => t.Population == who && t.By == dimension);
        return IndicatorCsv.File(
            StatisticsView.Csv(table, [.. table.Keys.Select(k => k ?? "not_recorded")]),
            $"country-{country.Alpha2}-{StatisticsView.Dimension(dimension)}-{(who == StatisticsPopulation.Cases ? "cases" : "defender-incidents")}.csv");
    }

    public string RightName(string key) =>
        registry.Shipped.Reference(Remedy.CaseHandling.RightsCatalog)?.Entries.FirstOrDefault(e => e.Key == key)?.Title.In(MethodologyLanguage.Current) ?? key;

    private static string Csv(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private async Task LoadIndicatorsAsync(CancellationToken cancellationToken)
    {
        var code = Country.Alpha2;
        var values = await datasets.ValuesAsync(v => v.Country == code, cancellationToken);
        Illustrative = await datasets.AnyIllustrativeAsync(cancellationToken);
        Indicators = [.. catalog.Indicators
            .Select(indicator => (indicator, values: values.Where(v => v.IndicatorKey == indicator.Key).ToList()))
            .Where(p => p.values.Count > 0)
            .Select(p => new IndicatorLine(p.indicator, CountryValues.For(
                p.values.Select(v => new BrokenDownValue(v.Country, v.Year, v.Breakdown, v.Value)),
                p.values.Max(v => v.Year)).Single()))];
    }
}
