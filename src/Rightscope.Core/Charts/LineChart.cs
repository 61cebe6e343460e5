using System.Text;

namespace Rightscope.Core.Charts;

/// <summary>A line of a line chart: one value per x label (null where there is none), its legend name and look.</summary>
public sealed record LineSeries(string Name, ChartStyle Style, IReadOnlyList<double?> Values);

/// <summary>
/// A line chart over ordered categories (dates, editions): y runs from zero (or the lowest value, if negative) to
/// the highest value; every point has a marker whose shape differs by series, so lines are told apart without colour.
/// A missing value breaks the line.
/// </summary>
public static class LineChart
{
    public const double Width = BarChart.Width;
    public const double PlotLeft = 56;
    public const double PlotTop = 12;
    public const double PlotHeight = 200;
    public const double PlotRight = Width - 16;
    private const double AxisLabels = 28;
    private const double LegendRow = 22;

    public static string Render(ChartText text, IReadOnlyList<string> xLabels, IReadOnlyList<LineSeries> series, Func<double, string> formatValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(formatValue);
        if (series.Any(s => s.Values.Count != xLabels.Count))
        {
            throw new ArgumentException("Every series has one value (or null) per x label.", nameof(series));
        }

        var values = series.SelectMany(s => s.Values).Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToList();
        var low = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var high = values.DefaultIfEmpty(0).Max();
        if (high <= low)
        {
            high = low + 1;
        }

        var legendTop = PlotTop + PlotHeight + AxisLabels;
        var height = legendTop + (series.Count + 2) / 3 * LegendRow + 8;
        var svg = new StringBuilder(1024 + series.Count * xLabels.Count * 120);
        Svg.Open(svg, text, Width, height);
        svg.Append("<path class=\"chart-axis\" d=\"M").Append(Svg.Number(PlotLeft)).Append(' ').Append(Svg.Number(PlotTop))
            .Append(" V").Append(Svg.Number(PlotTop + PlotHeight)).Append(" H").Append(Svg.Number(PlotRight)).Append("\"/>");
        Svg.Text(svg, "chart-label", PlotLeft - 6, PlotTop + Svg.FontSize / 2, formatValue(high), "end");
        Svg.Text(svg, "chart-label", PlotLeft - 6, PlotTop + PlotHeight, formatValue(low), "end");
        for (var i = 0; i < xLabels.Count; i++)
        {
            Svg.Text(svg, "chart-label", X(i, xLabels.Count), PlotTop + PlotHeight + 18, Svg.Shorten(xLabels[i], 12), "middle");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var line = series[s];
            svg.Append("<g class=\"chart-line chart-tone-").Append(Svg.Tone(line.Style.Tone)).Append("\">");
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < xLabels.Count; i++)
            {
                if (line.Values[i] is not { } value || !double.IsFinite(value))
                {
                    pen = false;
                    continue;
                }

                path.Append(pen ? " L" : (path.Length == 0 ? "M" : " M")).Append(Svg.Number(X(i, xLabels.Count))).Append(' ').Append(Svg.Number(Y(value, low, high)));
                pen = true;
            }

            if (path.Length > 0)
            {
                svg.Append("<path fill=\"none\" d=\"").Append(path).Append("\"/>");
            }

            for (var i = 0; i < xLabels.Count; i++)
            {
                if (line.Values[i] is { } value && double.IsFinite(value))
                {
                    Marker(svg, s, X(i, xLabels.Count), Y(value, low, high), $"{line.Name} · {xLabels[i]}: {formatValue(value)}");
                }
            }

            svg.Append("</g>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var x = 8 + s % 3 * (Width / 3);
            var y = legendTop + s / 3 * LegendRow;
            svg.Append("<g class=\"chart-line chart-tone-").Append(Svg.Tone(series[s].Style.Tone)).Append("\">");
            Marker(svg, s, x + 8, y + 8, null);
            svg.Append("</g>");
            Svg.Text(svg, "chart-legend", x + 22, y + 12, Svg.Shorten(series[s].Name, 24));
        }

        return Svg.Close(svg);
    }

    /// <summary>The x of the <paramref name="index"/>th of <paramref name="count"/> categories, spread evenly over the plot.</summary>
    public static double X(int index, int count) =>
        count <= 1 ? (PlotLeft + PlotRight) / 2 : PlotLeft + 20 + index * (PlotRight - PlotLeft - 40) / (count - 1);

    /// <summary>The y of a value: the lowest at the bottom of the plot, the highest at its top.</summary>
    public static double Y(double value, double low, double high) => PlotTop + PlotHeight - (value - low) / (high - low) * PlotHeight;

    private static void Marker(StringBuilder svg, int series, double x, double y, string? tooltip)
    {
        var title = tooltip is null ? "/>" : $"><title>{Svg.Escape(tooltip)}</title></{(series % 4 == 0 ? "circle" : series % 4 == 1 ? "rect" : "path")}>";
        switch (series % 4)
        {
            case 0:
                svg.Append("<circle class=\"chart-marker\" cx=\"").Append(Svg.Number(x)).Append("\" cy=\"").Append(Svg.Number(y)).Append("\" r=\"4\"").Append(title);
                break;
            case 1:
                svg.Append("<rect class=\"chart-marker\" x=\"").Append(Svg.Number(x - 4)).Append("\" y=\"").Append(Svg.Number(y - 4)).Append("\" width=\"8\" height=\"8\"").Append(title);
                break;
            case 2:
                svg.Append("<path class=\"chart-marker\" d=\"M").Append(Svg.Number(x)).Append(' ').Append(Svg.Number(y - 5))
                    .Append(" L").Append(Svg.Number(x + 5)).Append(' ').Append(Svg.Number(y + 4))
                    .Append(" L").Append(Svg.Number(x - 5)).Append(' ').Append(Svg.Number(y + 4)).Append(" Z\"").Append(title);
                break;
            default:
                svg.Append("<path class=\"chart-marker\" d=\"M").Append(Svg.Number(x)).Append(' ').Append(Svg.Number(y - 5))
                    .Append(" L").Append(Svg.Number(x + 5)).Append(' ').Append(Svg.Number(y))
                    .Append(" L").Append(Svg.Number(x)).Append(' ').Append(Svg.Number(y + 5))
                    .Append(" L").Append(Svg.Number(x - 5)).Append(' ').Append(Svg.Number(y)).Append(" Z\"").Append(title);
                break;
        }
    }
}
