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
/// One indicator across countries in a year: a bar chart of the totals, and a table with the values by sex and by
/// location and their gaps; the CSV download holds exactly the table's (and so the chart's) data.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class IndicatorPageModel(
    OrganizationContext context,
    IndicatorCatalog catalog,
    IndicatorDatasets datasets,
    IStringLocalizer<IndicatorsText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public IndicatorDefinition Indicator { get; private set; } = null!;

    [FromQuery(Name = "year")]
    public string? YearValue { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int? Year { get; private set; }

    public IReadOnlyList<CountryValues> Rows { get; private set; } = [];

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
        csv.AppendLine(SafeCsv.Line(["indicator", "unit", "year", "country", "country_name", "total", "female", "male", "sex_gap_female_minus_male", "urban", "rural", "location_gap_urban_minus_rural", "illustrative"]));
        foreach (var row in Rows)
        {
            csv.AppendLine(SafeCsv.Line([
                Indicator.Key, Indicator.Unit, row.Year.ToString(CultureInfo.InvariantCulture), row.Country, Country.FromCode(row.Country).NameEn,
                Csv(row.Total), Csv(row.Female), Csv(row.Male), Csv(row.SexGap), Csv(row.Urban), Csv(row.Rural), Csv(row.LocationGap),
                Illustrative ? "true" : "false"]));
        }

        return IndicatorCsv.File(csv.ToString(), string.Create(CultureInfo.InvariantCulture, $"{Indicator.Key}-{Year}.csv"));
    }

    public string Show(double? value) => Format(value, Indicator);

    public static string Format(double? value, IndicatorDefinition indicator) => value switch
    {
        null => "—",
        { } v when indicator.Unit == "index" => v.ToString("0.000", CultureInfo.CurrentCulture),
        { } v => v.ToString("0.#", CultureInfo.CurrentCulture),
    };

    public static string CountryName(string code) => Country.TryParse(code, out var country) ? country.Name(Language) : code;

    public string Chart() => BarChart.Render(
        new ChartText("indicator-chart", text["Indicator.ChartTitle", Indicator.Name.In(Language), Year ?? 0], text["Indicator.ChartDescription"]),
        [.. Rows.Where(r => r.Total is not null).OrderByDescending(r => r.Total).ThenBy(r => r.Country, StringComparer.Ordinal)
            .Select(r => new Bar(CountryName(r.Country), r.Total!.Value, Show(r.Total), new ChartStyle("default")))]);

    private static string Csv(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (catalog.Indicator(key) is not { } indicator)
        {
            return false;
        }

        Indicator = indicator;
        var values = await datasets.ValuesAsync(v => v.IndicatorKey == key, cancellationToken);
        Illustrative = await datasets.AnyIllustrativeAsync(cancellationToken);
        Years = [.. values.Select(v => v.Year).Distinct().OrderDescending()];
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

        Rows = Year is { } chosen
            ? CountryValues.For(values.Select(v => new BrokenDownValue(v.Country, v.Year, v.Breakdown, v.Value)), chosen)
            : [];
        return true;
    }
}
