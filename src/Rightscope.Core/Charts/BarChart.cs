using System.Text;

namespace Rightscope.Core.Charts;

/// <summary>One bar: its label, its value (drawn to scale), the value as the reader should see it, and its look.</summary>
public sealed record Bar(string Label, double Value, string ValueText, ChartStyle Style);

/// <summary>
/// A horizontal bar chart: one row per bar in the given order, each bar's length proportional to its value (the
/// longest bar fills the plot). Negative values are drawn as empty bars; the paired table carries the true numbers.
/// </summary>
public static class BarChart
{
    public const double Width = 640;
    public const double LabelWidth = 210;
    public const double ValueWidth = 110;
    public const double RowHeight = 28;
    public const double BarHeight = 18;
    public const double PlotWidth = Width - LabelWidth - ValueWidth;

    public static string Render(ChartText text, IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bars);
        var max = bars.Select(b => Drawable(b.Value)).DefaultIfEmpty(0).Max();
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var svg = new StringBuilder(512 + bars.Count * 320);
        Svg.Open(svg, text, Width, height);
        Svg.Patterns(svg, text.Id, bars.Select(b => b.Style.Pattern));
        svg.Append("<line class=\"chart-axis\" x1=\"").Append(Svg.Number(LabelWidth)).Append("\" y1=\"4\" x2=\"")
            .Append(Svg.Number(LabelWidth)).Append("\" y2=\"").Append(Svg.Number(height - 4)).Append("\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = 4 + i * RowHeight + (RowHeight - BarHeight) / 2;
            var length = Length(bar.Value, max);
            var baseline = top + BarHeight / 2 + Svg.FontSize / 2 - 2;
            Svg.Text(svg, "chart-label", LabelWidth - 6, baseline, Svg.Shorten(bar.Label), "end");
            Svg.Box(svg, text.Id, "chart-bar", bar.Style.Tone, bar.Style.Pattern, LabelWidth, top, length, BarHeight, $"{bar.Label}: {bar.ValueText}");
            Svg.Text(svg, "chart-value", LabelWidth + length + 6, baseline, bar.ValueText);
        }

        return Svg.Close(svg);
    }

    /// <summary>The bar's length in user units: proportional to the value, the largest value filling the plot.</summary>
    public static double Length(double value, double max) => max <= 0 ? 0 : Drawable(value) / max * PlotWidth;

    internal static double Drawable(double value) => double.IsFinite(value) && value > 0 ? value : 0;
}
