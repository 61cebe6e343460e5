using System.Text;

namespace Rightscope.Core.Charts;

/// <summary>A series of a stacked bar chart (a tier, say): its name in the legend and its look.</summary>
public sealed record StackSeries(string Name, ChartStyle Style);

/// <summary>A row of a stacked bar chart: one value per series, in the series' order, and the total as shown.</summary>
public sealed record StackRow(string Label, IReadOnlyList<double> Values, string TotalText);

/// <summary>
/// Horizontal stacked bars: each row's segments laid end to end in series order, every segment proportional to its
/// value on one scale shared by all rows (the largest row total fills the plot), with a legend that shows each series'
/// pattern as well as its colour.
/// </summary>
public static class StackedBarChart
{
    public const double Width = BarChart.Width;
    public const double LabelWidth = BarChart.LabelWidth;
    public const double PlotWidth = BarChart.PlotWidth;
    private const double RowHeight = BarChart.RowHeight;
    private const double BarHeight = BarChart.BarHeight;
    private const double LegendRow = 22;

    public static string Render(ChartText text, IReadOnlyList<StackSeries> series, IReadOnlyList<StackRow> rows)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Any(r => r.Values.Count != series.Count))
        {
            throw new ArgumentException("Every row has one value per series.", nameof(rows));
        }

        var max = rows.Select(Total).DefaultIfEmpty(0).Max();
        var legendLines = (series.Count + 2) / 3;
        var plotHeight = Math.Max(1, rows.Count) * RowHeight + 8;
        var height = plotHeight + legendLines * LegendRow + 8;
        var svg = new StringBuilder(512 + rows.Count * series.Count * 300);
        Svg.Open(svg, text, Width, height);
        Svg.Patterns(svg, text.Id, series.Select(s => s.Style.Pattern));
        svg.Append("<line class=\"chart-axis\" x1=\"").Append(Svg.Number(LabelWidth)).Append("\" y1=\"4\" x2=\"")
            .Append(Svg.Number(LabelWidth)).Append("\" y2=\"").Append(Svg.Number(plotHeight - 4)).Append("\"/>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var top = 4 + i * RowHeight + (RowHeight - BarHeight) / 2;
            var baseline = top + BarHeight / 2 + Svg.FontSize / 2 - 2;
            Svg.Text(svg, "chart-label", LabelWidth - 6, baseline, Svg.Shorten(row.Label), "end");
            var x = LabelWidth;
            for (var s = 0; s < series.Count; s++)
            {
                var length = BarChart.Length(row.Values[s], max);
                if (length > 0)
                {
                    Svg.Box(svg, text.Id, "chart-segment", series[s].Style.Tone, series[s].Style.Pattern, x, top, length, BarHeight, $"{row.Label} · {series[s].Name}");
                }

                x += length;
            }

            Svg.Text(svg, "chart-value", x + 6, baseline, row.TotalText);
        }

        Legend(svg, text.Id, series, plotHeight);
        return Svg.Close(svg);
    }

    /// <summary>A row's drawn total: negative and non-finite values count as nothing.</summary>
    public static double Total(StackRow row) => row.Values.Sum(BarChart.Drawable);

    internal static void Legend(StringBuilder svg, string id, IReadOnlyList<StackSeries> series, double top)
    {
        const double column = Width / 3;
        for (var s = 0; s < series.Count; s++)
        {
            var x = 8 + s % 3 * column;
            var y = top + 4 + s / 3 * LegendRow;
            Svg.Box(svg, id, "chart-swatch", series[s].Style.Tone, series[s].Style.Pattern, x, y, 16, 14, null);
            Svg.Text(svg, "chart-legend", x + 22, y + 12, Svg.Shorten(series[s].Name, 24));
        }
    }
}
