using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Exports;
using Rightscope.Core.Indicators;
using Rightscope.Core.Statistics;

namespace Rightscope.Features.Indicators;

/// <summary>A suppressed table as a page shows it: its row names, caption, test id and the address of its CSV.</summary>
public sealed record StatisticsView(StatisticsTable Table, IReadOnlyList<string> RowNames, string Caption, string TestId, string CsvUrl)
{
    /// <summary>A published count: the number, "&lt;5" (primary suppression) or withheld (complementary).</summary>
    public static string Show(IStringLocalizer<IndicatorsText> text, PublishedCount count, int threshold) => count.Suppression switch
    {
        Suppression.Primary => text["Statistics.Under", threshold],
        Suppression.Complementary => text["Statistics.Withheld"],
        _ => count.Value!.Value.ToString(CultureInfo.CurrentCulture),
    };

    /// <summary>
    /// The table as CSV: one line per row with a count per year and over all years, then the yearly totals of cases —
    /// named <c>cases_total</c> when the rows overlap, as they are then not the sum of the rows. Suppressed counts are
    /// written as "&lt;5" or "withheld", never as their value.
    /// </summary>
    public static string Csv(StatisticsTable table, IReadOnlyList<string> rowKeys)
    {
        var suppressed = table.Table;
        string Cell(PublishedCount count) => count.Suppression switch
        {
            Suppression.Primary => string.Create(CultureInfo.InvariantCulture, $"<{suppressed.Threshold}"),
            Suppression.Complementary => "withheld",
            _ => count.Value!.Value.ToString(CultureInfo.InvariantCulture),
        };

        var csv = new StringBuilder();
        var header = new List<string> { "population", Dimension(table.By) };
        header.AddRange(table.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        header.Add("total");

        csv.AppendLine(SafeCsv.Line(header));
        var population = table.Population == StatisticsPopulation.Cases ? "cases" : "defender_incidents";
        for (var r = 0; r < suppressed.Rows; r++)
        {
            var line = new List<string> { population, rowKeys[r] };
            line.AddRange(Enumerable.Range(0, suppressed.Columns).Select(c => Cell(suppressed.Cell(r, c))));
            line.Add(Cell(suppressed.RowTotal(r)));

            csv.AppendLine(SafeCsv.Line(line));
        }

        var total = new List<string> { population, table.Overlapping ? "cases_total" : "total" };
        total.AddRange(table.Overlapping
            ? table.CaseTotals.Select(Cell)
            : Enumerable.Range(0, suppressed.Columns + 1).Select(c => Cell(suppressed.At(new TablePosition(suppressed.Rows, c)))));
        csv.AppendLine(SafeCsv.Line(total));

        return csv.ToString();
    }

    public static string Dimension(StatisticsDimension by) => by switch
    {
        StatisticsDimension.ViolationType => "violation_type",
        StatisticsDimension.Country => "country",
        StatisticsDimension.Perpetrator => "perpetrator_type",
        StatisticsDimension.Sex => "sex",
        StatisticsDimension.AgeBand => "age_band",
        _ => "group",
    };
}
