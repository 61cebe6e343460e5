using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Indicators;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Indicators;

/// <summary>
/// SDG 16.10.1-style statistics from the grievance mechanism: cases and incidents against human rights defenders by
/// violation type, country and affected group, per year, every count through small-cell and complementary
/// suppression, each table downloadable as CSV with the same suppression.
/// </summary>
[RequirePermission(Permission.ViewCaseMetrics)]
public sealed class StatisticsModel(
    OrganizationContext context,
    RemedyStatisticsQuery query,
    IStringLocalizer<IndicatorsText> text) : PageModel
{
    public static readonly IReadOnlyList<StatisticsDimension> Dimensions = [StatisticsDimension.ViolationType, StatisticsDimension.Country, StatisticsDimension.Group];

    public string Slug => context.Current.Slug;

    public IReadOnlyList<StatisticsView> Tables { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tables = await query.TablesAsync(null, Dimensions, cancellationToken);
        Tables = [.. tables.Select(t => new StatisticsView(
            t,
            [.. t.Keys.Select(k => query.RowName(t.By, k, text["Statistics.NotRecorded"]))],
            text[$"Statistics.Caption.{t.Population}", text[$"Statistics.By.{t.By}"]],
            $"statistics-{t.Population}-{t.By}",
            $"/o/{Slug}/statistics?handler=csv&population={t.Population}&by={t.By}"))];
    }

    public async Task<IActionResult> OnGetCsvAsync(string? population, string? by, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<StatisticsPopulation>(population, ignoreCase: false, out var who) || !Enum.IsDefined(who))
        {
            return BadRequest(text["Statistics.PopulationInvalid"].Value);
        }

        if (!Enum.TryParse<StatisticsDimension>(by, ignoreCase: false, out var dimension) || !Enum.IsDefined(dimension))
        {
            return BadRequest(text["Statistics.DimensionInvalid"].Value);
        }

        var table = (await query.TablesAsync(null, Dimensions, cancellationToken)).Single(t => t.Population == who && t.By == dimension);
        return IndicatorCsv.File(
            StatisticsView.Csv(table, [.. table.Keys.Select(k => k ?? "not_recorded")]),
            $"statistics-{StatisticsView.Dimension(dimension)}-{(who == StatisticsPopulation.Cases ? "cases" : "defender-incidents")}.csv");
    }
}
