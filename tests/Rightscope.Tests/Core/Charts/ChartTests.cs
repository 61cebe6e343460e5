using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Charts;

namespace Rightscope.Tests.Core.Charts;

/// <summary>The SVG charts: well-formed, accessible, escaped, to scale, and the same bytes for the same data.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";
    private const string Hostile = "<script>alert(1)</script> & \"quotes\" 'apos' \u0001 \ud800";
    private static readonly ChartText Text = new("tiers", "Weight by tier", "Tier 3 holds the most weight.");
    private static readonly ChartStyle Tier1 = new("tier-1");
    private static readonly ChartStyle Tier3 = new("tier-3", ChartPattern.CrossHatch);

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static double Attr(XElement element, string name) => double.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static List<XElement> Bars(XElement svg) =>
        [.. svg.Descendants(Ns + "g").Where(g => g.Attribute("class")!.Value.StartsWith("chart-bar", StringComparison.Ordinal)).Select(g => g.Element(Ns + "rect")!)];

    private static IEnumerable<string> AllStrings(XElement svg) =>
        svg.DescendantsAndSelf().SelectMany(e => e.Attributes().Select(a => a.Value).Append(e.Nodes().OfType<XText>().Select(t => t.Value).FirstOrDefault() ?? ""));

    private static string[] AllCharts(string label) =>
    [
        BarChart.Render(Text, [new Bar(label, 3, label, Tier1), new Bar("b", 1, "1", Tier3)]),
        StackedBarChart.Render(Text, [new StackSeries(label, Tier1), new StackSeries("Tier 3", Tier3)], [new StackRow(label, [1, 2], label)]),
        HeatMap.Render(Text, [label], [label, "x"], [[new HeatCell(1, label), new HeatCell(0, "0")]]),
        LineChart.Render(Text, [label, "2026"], [new LineSeries(label, Tier1, [1, null]), new LineSeries("b", Tier3, [2, 3])], v => label),
    ];

    [Fact]
    public void Every_chart_is_well_formed_and_labelled_by_its_title_and_description()
    {
        foreach (var svg in AllCharts("Tier 1"))
        {
            var root = Parse(svg);
            Assert.Equal("img", root.Attribute("role")!.Value);
            Assert.Equal("tiers-title tiers-desc", root.Attribute("aria-labelledby")!.Value);
            Assert.Equal("Weight by tier", root.Element(Ns + "title")!.Value);
            Assert.Equal("tiers-title", root.Element(Ns + "title")!.Attribute("id")!.Value);
            Assert.Equal("Tier 3 holds the most weight.", root.Element(Ns + "desc")!.Value);
            Assert.Equal("tiers-desc", root.Element(Ns + "desc")!.Attribute("id")!.Value);
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
            Assert.Empty(root.Descendants(Ns + "script"));
        }
    }

    [Fact]
    public void Hostile_labels_are_escaped_text_and_never_markup()
    {
        foreach (var svg in AllCharts(Hostile))
        {
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            var root = Parse(svg);
            Assert.Empty(root.Descendants(Ns + "script"));
            Assert.DoesNotContain(root.Descendants(), e => e.Name.Namespace != Ns);
            // The text survives as text (shortened in the drawing), with the unusable characters replaced.
            Assert.Contains(AllStrings(root), s => s.Contains("<script>alert(1)</script> & \"quotes\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Chart_ids_that_could_break_out_of_an_attribute_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ChartText("a\" onload=\"x", "t", "d"));
        Assert.Throws<ArgumentException>(() => new ChartText("", "t", "d"));
        Assert.Throws<ArgumentException>(() => new ChartText("1abc", "t", "d"));
    }

    [Fact]
    public void A_tone_that_is_not_a_class_name_is_reduced_to_one()
    {
        var svg = BarChart.Render(Text, [new Bar("a", 1, "1", new ChartStyle("tier\" onclick=\"x"))]);
        Assert.Contains("chart-tone-tieronclickx", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_are_proportional_to_their_values_and_the_largest_fills_the_plot()
    {
        var root = Parse(BarChart.Render(Text, [new Bar("a", 10, "10", Tier1), new Bar("b", 25, "25", Tier3), new Bar("c", 5, "5", Tier1)]));
        var widths = Bars(root).Select(b => Attr(b, "width")).ToList();
        Assert.Equal(BarChart.PlotWidth * 10 / 25, widths[0], 0.01);
        Assert.Equal(BarChart.PlotWidth, widths[1], 0.01);
        Assert.Equal(BarChart.PlotWidth * 5 / 25, widths[2], 0.01);
    }

    [Fact]
    public void Patterned_series_are_drawn_with_their_pattern_and_listed_in_the_legend()
    {
        var root = Parse(StackedBarChart.Render(Text, [new StackSeries("Tier 1", Tier1), new StackSeries("Tier 3", Tier3)], [new StackRow("Type 1", [2, 3], "5")]));
        Assert.Single(root.Descendants(Ns + "pattern"), p => p.Attribute("id")!.Value == "tiers-pattern-crosshatch");
        Assert.Contains(root.Descendants(Ns + "rect"), r => r.Attribute("fill")?.Value == "url(#tiers-pattern-crosshatch)");
        Assert.Equal(["Tier 1", "Tier 3"], root.Descendants(Ns + "text").Where(t => t.Attribute("class")!.Value == "chart-legend").Select(t => t.Value));
    }

    [Fact]
    public void Empty_and_zero_data_give_a_valid_chart_without_bars()
    {
        foreach (var svg in new[]
        {
            BarChart.Render(Text, []),
            BarChart.Render(Text, [new Bar("a", 0, "0", Tier1), new Bar("b", double.NaN, "?", Tier1), new Bar("c", -4, "-4", Tier1)]),
            StackedBarChart.Render(Text, [], []),
            StackedBarChart.Render(Text, [new StackSeries("Tier 1", Tier1)], [new StackRow("a", [0], "0")]),
            HeatMap.Render(Text, [], [], []),
            HeatMap.Render(Text, ["a"], ["b"], [[new HeatCell(0, "0")]]),
            LineChart.Render(Text, [], [], v => "0"),
            LineChart.Render(Text, ["a"], [new LineSeries("s", Tier1, [null])], v => "0"),
        })
        {
            var root = Parse(svg);
            Assert.All(Bars(root), b => Assert.Equal(0, Attr(b, "width")));
            Assert.DoesNotContain(root.Descendants(Ns + "g"), g => g.Attribute("class")!.Value.StartsWith("chart-segment", StringComparison.Ordinal));
            Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
            Assert.All(root.Descendants(Ns + "rect"), r => Assert.True(Attr(r, "width") >= 0));
        }
    }

    [Fact]
    public void Heat_cells_are_shaded_by_their_share_of_the_largest_and_carry_their_value_as_text()
    {
        var root = Parse(HeatMap.Render(Text, ["Spyware"], ["Tier 1", "Tier 2", "Tier 3"], [[new HeatCell(0, "0"), new HeatCell(1, "1"), new HeatCell(4, "4")]]));
        var shades = root.Descendants(Ns + "rect").Select(r => r.Attribute("class")!.Value).ToList();
        Assert.Equal(["chart-heat chart-heat-0", "chart-heat chart-heat-1", "chart-heat chart-heat-4"], shades);
        Assert.Equal(["0", "1", "4"], root.Descendants(Ns + "text").Where(t => t.Attribute("class")!.Value.StartsWith("chart-heat-text", StringComparison.Ordinal)).Select(t => t.Value));
    }

    [Fact]
    public void Line_points_rise_with_their_values_and_a_missing_value_breaks_the_line()
    {
        var root = Parse(LineChart.Render(Text, ["2024", "2025", "2026"], [new LineSeries("Score", Tier1, [10, null, 30])], v => v.ToString(CultureInfo.InvariantCulture)));
        var markers = root.Descendants(Ns + "circle").Where(c => c.Element(Ns + "title") is not null).ToList();
        Assert.Equal(2, markers.Count);
        Assert.True(Attr(markers[1], "cy") < Attr(markers[0], "cy"));
        var path = root.Descendants(Ns + "path").Single(p => p.Attribute("fill")?.Value == "none").Attribute("d")!.Value;
        Assert.Equal(2, path.Count(c => c == 'M'));
    }

    [Fact]
    public void Coordinates_are_invariant_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = BarChart.Render(Text, [new Bar("a", 1, "1", Tier1), new Bar("b", 3, "3", Tier1)]);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = BarChart.Render(Text, [new Bar("a", 1, "1", Tier1), new Bar("b", 3, "3", Tier1)]);
            Assert.Equal(invariant, german);
            Assert.Contains("width=\"106.67\"", german, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Long_labels_are_shortened_in_the_drawing_without_splitting_a_character()
    {
        var label = string.Concat(Enumerable.Repeat("监控技术😀", 20));
        var root = Parse(BarChart.Render(Text, [new Bar(label, 1, "1", Tier1)]));
        var drawn = root.Descendants(Ns + "text").First(t => t.Attribute("class")!.Value == "chart-label").Value;
        // Wide characters count as two columns of the 28: two whole groups (20), three more characters (6), the ellipsis.
        Assert.Equal("监控技术😀监控技术😀监控技…", drawn);
        Assert.DoesNotContain('\uFFFD', drawn);
    }

    [Fact]
    public void Latin_labels_keep_28_characters_and_shorter_ones_are_drawn_whole()
    {
        var longLabel = new string('a', 40);
        var whole = "Type 1: dedicated surveillance";
        var root = Parse(BarChart.Render(Text, [new Bar(longLabel, 1, "1", Tier1), new Bar(whole[..28], 1, "1", Tier1), new Bar("监控技术", 1, "1", Tier1)]));
        var drawn = root.Descendants(Ns + "text").Where(t => t.Attribute("class")!.Value == "chart-label").Select(t => t.Value).ToList();
        Assert.Equal([new string('a', 27) + "…", whole[..28], "监控技术"], drawn);
    }

    public static class Generators
    {
        public static Arbitrary<double[]> Values() => Arb.From(Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(v => v / 100.0)));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property Bar_lengths_keep_the_values_order_and_ratios(double[] values)
    {
        var root = Parse(BarChart.Render(Text, [.. values.Select((v, i) => new Bar($"b{i}", v, "", Tier1))]));
        var widths = Bars(root).Select(b => Attr(b, "width")).ToList();
        var max = values.DefaultIfEmpty(0).Max();
        var pairs = values.Zip(widths).ToList();
        return (widths.Count == values.Length
                && pairs.All(p => Math.Abs(p.Second - (max == 0 ? 0 : p.First / max * BarChart.PlotWidth)) <= 0.01)
                && pairs.SelectMany(a => pairs, (a, b) => a.First < b.First ? a.Second <= b.Second : true).All(ok => ok)
                && widths.All(w => w is >= 0 and <= BarChart.PlotWidth))
            .Label(string.Join(",", widths));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public Property Stacked_segments_fill_their_row_in_proportion_and_the_same_data_gives_the_same_svg(double[] values)
    {
        var series = values.Select((_, i) => new StackSeries($"s{i}", new ChartStyle($"s{i % 4}", (ChartPattern)(i % 5)))).ToList();
        var rows = new[] { new StackRow("all", values, ""), new StackRow("half", [.. values.Select(v => v / 2)], "") };
        var svg = StackedBarChart.Render(Text, series, rows);
        var root = Parse(svg);
        var segments = root.Descendants(Ns + "g").Where(g => g.Attribute("class")!.Value.StartsWith("chart-segment", StringComparison.Ordinal))
            .Select(g => g.Element(Ns + "rect")!).ToList();
        var firstRowTop = segments.Select(s => Attr(s, "y")).DefaultIfEmpty(0).Min();
        var firstRow = segments.Where(s => Attr(s, "y") == firstRowTop).Sum(s => Attr(s, "width"));
        var secondRow = segments.Where(s => Attr(s, "y") != firstRowTop).Sum(s => Attr(s, "width"));
        var total = values.Sum();
        return (svg == StackedBarChart.Render(Text, series, rows)
                && (total == 0 ? segments.Count == 0 : Math.Abs(firstRow - StackedBarChart.PlotWidth) <= 0.01 * values.Length + 0.01)
                && Math.Abs(secondRow - firstRow / 2) <= 0.01 * values.Length + 0.01)
            .Label($"{firstRow} {secondRow}");
    }
}
