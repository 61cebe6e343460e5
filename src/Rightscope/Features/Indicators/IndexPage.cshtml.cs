using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Charts;
using Rightscope.Core.Companies;
using Rightscope.Core.Exports;
using Rightscope.Core.Indicators;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Indicators;

/// <summary>
/// A composite index computed from the organization's datasets: the countries of a year ranked, with each normalized
/// component, as a bar chart, an accessible table and a CSV of the same data.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class IndexPageModel(
    OrganizationContext context,
    IndicatorCatalog catalog,
    IndicatorDatasets datasets,
    IStringLocalizer<IndicatorsText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public CompositeIndexDefinition Index { get; private set; } = null!;

    public IndicatorCatalog Catalog => catalog;

    [FromQuery(Name = "year")]
    public string? YearValue { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int? Year { get; private set; }

    public IReadOnlyList<IndexScore> Scores { get; private set; } = [];

    public bool Illustrative { get; private set; }

    public static string Language => CultureInfo.CurrentUICulture.Name;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        var csv = new StringBuilder();
        csv.AppendLine(SafeCsv.Line(["index", "year", "rank", "country", "country_name", "value", .. Index.Components.Select(c => $"{c.IndicatorKey}_normalized"), "illustrative"]));
        foreach (var score in Scores)
        {
            csv.AppendLine(SafeCsv.Line([
                Index.Key, score.Year.ToString(CultureInfo.InvariantCulture), score.Rank.ToString(CultureInfo.InvariantCulture), score.Country,
                Country.FromCode(score.Country).NameEn, score.Value.ToString("0.000000", CultureInfo.InvariantCulture),
                .. score.Components.Select(c => c?.ToString("0.000000", CultureInfo.InvariantCulture) ?? ""),
                Illustrative ? "true" : "false"]));
        }

        return IndicatorCsv.File(csv.ToString(), string.Create(CultureInfo.InvariantCulture, $"{Index.Key}-{Year}.csv"));
    }

    public static string Show(double? value) => value?.ToString("0.000", CultureInfo.CurrentCulture) ?? "—";

    public string ComponentName(IndexComponent component) => catalog.Indicator(component.IndicatorKey)?.Name.In(Language) ?? component.IndicatorKey;

    public string Chart() => BarChart.Render(
        new ChartText("index-chart", text["Index.ChartTitle", Index.Name.In(Language), Year ?? 0], text["Index.ChartDescription"]),
        [.. Scores.Select(s => new Bar(IndicatorPageModel.CountryName(s.Country), s.Value, Show(s.Value), new ChartStyle("default")))]);

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (catalog.Index(key) is not { } index)
        {
            return false;
        }

        Index = index;
        var all = await datasets.ScoresAsync(index, cancellationToken);
        Illustrative = await datasets.AnyIllustrativeAsync(cancellationToken);
        Years = [.. all.Select(s => s.Year).Distinct().OrderDescending()];
        Year = Years.Count > 0 ? Years[0] : null;
        if (!string.IsNullOrEmpty(YearValue))
        {
            if (int.TryParse(YearValue, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= IndicatorImport.FirstYear && year <= IndicatorImport.LastYear)
            {
                Year = year;
            }
            else
            {
                ModelState.AddModelError("year", text["Year.Invalid", IndicatorImport.FirstYear, IndicatorImport.LastYear]);
            }
        }

        Scores = [.. all.Where(s => s.Year == Year)];
        return true;
    }
}
