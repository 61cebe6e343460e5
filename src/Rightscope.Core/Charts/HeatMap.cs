using System.Text;

namespace Rightscope.Core.Charts;

/// <summary>A cell of a heat map: the value that sets its shade and the text written in it.</summary>
public sealed record HeatCell(double Value, string Text);

/// <summary>
/// A grid of rows × columns whose cells are shaded in five steps of their value relative to the largest one
/// (<c>chart-heat-0</c> … <c>chart-heat-4</c> in the site CSS) and always carry their value as text, so the shade is
/// never the only way to read a cell.
/// </summary>
public static class HeatMap
{
    public const double Width = BarChart.Width;
    public const double LabelWidth = 210;
    public const double HeaderHeight = 30;
    public const double RowHeight = 30;
    public const int Steps = 5;

    public static string Render(ChartText text, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, IReadOnlyList<IReadOnlyList<HeatCell>> cells)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != rowLabels.Count || cells.Any(r => r.Count != columnLabels.Count))
        {
            throw new ArgumentException("One row of cells per row label and one cell per column label.", nameof(cells));
        }

        var max = cells.SelectMany(r => r).Select(c => BarChart.Drawable(c.Value)).DefaultIfEmpty(0).Max();
        var cellWidth = columnLabels.Count == 0 ? 0 : (Width - LabelWidth) / columnLabels.Count;
        var height = HeaderHeight + Math.Max(1, rowLabels.Count) * RowHeight + 4;
        var svg = new StringBuilder(512 + rowLabels.Count * columnLabels.Count * 200);
        Svg.Open(svg, text, Width, height);
        for (var c = 0; c < columnLabels.Count; c++)
        {
            Svg.Text(svg, "chart-label", LabelWidth + c * cellWidth + cellWidth / 2, HeaderHeight - 10, Svg.Shorten(columnLabels[c], 14), "middle");
        }

        for (var r = 0; r < rowLabels.Count; r++)
        {
            var top = HeaderHeight + r * RowHeight;
            Svg.Text(svg, "chart-label", LabelWidth - 6, top + RowHeight / 2 + Svg.FontSize / 2 - 2, Svg.Shorten(rowLabels[r]), "end");
            for (var c = 0; c < columnLabels.Count; c++)
            {
                var cell = cells[r][c];
                var x = LabelWidth + c * cellWidth;
                svg.Append("<rect class=\"chart-heat chart-heat-").Append(Step(cell.Value, max).ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append("\" x=\"").Append(Svg.Number(x + 1)).Append("\" y=\"").Append(Svg.Number(top + 1))
                    .Append("\" width=\"").Append(Svg.Number(Math.Max(0, cellWidth - 2))).Append("\" height=\"").Append(Svg.Number(RowHeight - 2))
                    .Append("\"><title>").Append(Svg.Escape($"{rowLabels[r]} · {columnLabels[c]}: {cell.Text}")).Append("</title></rect>");
                Svg.Text(svg, $"chart-heat-text chart-heat-text-{Step(cell.Value, max)}", x + cellWidth / 2, top + RowHeight / 2 + Svg.FontSize / 2 - 2, cell.Text, "middle");
            }
        }

        return Svg.Close(svg);
    }

    /// <summary>The shade of a value: 0 for nothing, otherwise 1 to <see cref="Steps"/> − 1 by its share of the largest value.</summary>
    public static int Step(double value, double max)
    {
        var drawable = BarChart.Drawable(value);
        if (drawable <= 0 || max <= 0)
        {
            return 0;
        }

        return Math.Clamp((int)Math.Ceiling(drawable / max * (Steps - 1)), 1, Steps - 1);
    }
}
