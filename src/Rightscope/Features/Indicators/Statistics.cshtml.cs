using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Indicators;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Indicators;

/// <summary>
/// SDG 16.10.1-style statistics from the grievance mechanism: cases and incidents against human rights defenders by
/// violation type, country, affected group, perpetrator type, sex and age band, per year of a chosen range
/// (<c>?from=YYYY&amp;to=YYYY</c>), every count through small-cell and complementary suppression, each table
/// downloadable as CSV with the same suppression.
/// </summary>
[RequirePermission(Permission.ViewCaseMetrics)]
public sealed class StatisticsModel(
    OrganizationContext context,
    RemedyStatisticsQuery query,
    IStringLocalizer<IndicatorsText> text) : PageModel
{
    public static readonly IReadOnlyList<StatisticsDimension> Dimensions =
    [
        StatisticsDimension.ViolationType,
        StatisticsDimension.Perpetrator,
        StatisticsDimension.Sex,
        StatisticsDimension.AgeBand,
        StatisticsDimension.Country,
        StatisticsDimension.Group,
    ];

    public string Slug => context.Current.Slug;

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int FirstYear => StatisticsYears.FirstYear;

    public int CurrentYear => query.CurrentYear;

    public IReadOnlyList<StatisticsView> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!TryReadYears(out var errors))
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, Message(error));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var range = RangeQuery();
        var tables = await query.TablesAsync(null, Dimensions, Years, cancellationToken);
        Tables = [.. tables.Select(t => new StatisticsView(
            t,
            [.. t.Keys.Select(k => query.RowName(t.By, k, text["Statistics.NotRecorded"]))],
            text[$"Statistics.Caption.{t.Population}", text[$"Statistics.By.{t.By}"]],
            $"statistics-{t.Population}-{t.By}",
            $"/o/{Slug}/statistics?handler=csv&population={t.Population}&by={t.By}{range}"))];
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? population, string? by, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<StatisticsPopulation>(population, ignoreCase: false, out var who) || !Enum.IsDefined(who))
        {
            return BadRequest(text["Statistics.PopulationInvalid"].Value);
        }

        if (!Enum.TryParse<StatisticsDimension>(by, ignoreCase: false, out var dimension) || !Dimensions.Contains(dimension))
        {
            return BadRequest(text["Statistics.DimensionInvalid"].Value);
        }

        if (!TryReadYears(out var errors))
        {
            return BadRequest(string.Join(" ", errors.Select(Message)));
        }

        var table = (await query.TablesAsync(null, Dimensions, Years, cancellationToken)).Single(t => t.Population == who && t.By == dimension);
        return IndicatorCsv.File(
            StatisticsView.Csv(table, [.. table.Keys.Select(k => k ?? "not_recorded")]),
            string.Create(CultureInfo.InvariantCulture, $"statistics-{StatisticsView.Dimension(dimension)}-{(who == StatisticsPopulation.Cases ? "cases" : "defender-incidents")}-{Years[0]}-{Years[^1]}.csv"));
    }

    private bool TryReadYears(out IReadOnlyList<StatisticsYears.Error> errors)
    {
        Years = StatisticsYears.Parse(From, To, query.CurrentYear, out errors);
        return errors.Count == 0;
    }

    /// <summary>The chosen range as query parameters for the CSV links, empty when the default is shown.</summary>
    private string RangeQuery() =>
        string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To)
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"&from={Years[0]}&to={Years[^1]}");

    private string Message(StatisticsYears.Error error) => error.Problem switch
    {
        StatisticsYearsProblem.NotAYear => text[$"Statistics.{(error.Field == "from" ? "From" : "To")}Invalid", StatisticsYears.FirstYear, query.CurrentYear],
        StatisticsYearsProblem.AfterLast => text["Statistics.FromAfterTo"],
        _ => text["Statistics.RangeTooLong", StatisticsYears.MaxSpan],
    };
}
