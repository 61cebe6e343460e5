using System.Globalization;
using System.Text;

namespace Rightscope.Core.Charts;

/// <summary>
/// The few pieces every chart shares: the accessible <c>&lt;svg&gt;</c> root, XML escaping, invariant numbers and the
/// fill patterns. Charts write SVG text themselves (no drawing library) so labels stay <c>&lt;text&gt;</c> that the
/// browser renders in the reader's fonts, Chinese included, and that assistive technology and search can read.
/// </summary>
internal static class Svg
{
    /// <summary>Columns of a label kept in the drawing (a wide character takes two); the paired table always has the whole text.</summary>
    public const int LabelMaxLength = 28;

    public const double FontSize = 13;

    public static void Open(StringBuilder svg, ChartText text, double width, double height)
    {
        var id = text.Id;
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"")
            .Append(id).Append("-title ").Append(id).Append("-desc\" viewBox=\"0 0 ")
            .Append(Number(width)).Append(' ').Append(Number(height))
            .Append("\" width=\"").Append(Number(width)).Append("\" height=\"").Append(Number(height)).Append("\">")
            .Append("<title id=\"").Append(id).Append("-title\">").Append(Escape(text.Title)).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(Escape(text.Description)).Append("</desc>");
    }

    public static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    /// <summary>
    /// XML text and attribute escaping; characters XML 1.0 cannot carry at all (most control characters, lone
    /// surrogates) become U+FFFD so a hostile label cannot make the document ill-formed.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var result = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '"': result.Append("&quot;"); break;
                case '\'': result.Append("&#39;"); break;
                case '\t' or '\n' or '\r': result.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': result.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        result.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        result.Append('\uFFFD');
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>A coordinate: invariant culture, at most two decimals, never "NaN" or an exponent.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>
    /// A label cut to <paramref name="max"/> columns (never inside a surrogate pair or a combining sequence). A Chinese
    /// character is about twice as wide as a Latin letter: counted as one, a Chinese label ran out of the label area
    /// and was clipped at the chart's left edge.
    /// </summary>
    public static string Shorten(string label, int max = LabelMaxLength)
    {
        var elements = StringInfo.GetTextElementEnumerator(label);
        var kept = new StringBuilder();
        var columns = 0;
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            columns += Columns(element);
            if (columns <= max - 1)
            {
                kept.Append(element);
            }
        }

        return columns <= max ? label : kept.Append('…').ToString();
    }

    /// <summary>Two columns for East Asian wide and full-width characters and emoji, one for anything else.</summary>
    private static int Columns(string element)
    {
        // A lone surrogate decodes to the replacement character (one column) instead of throwing.
        Rune.DecodeFromUtf16(element, out var rune, out _);
        var c = rune.Value;
        return c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD)
            ? 2
            : 1;
    }

    /// <summary>A CSS class fragment reduced to [a-z0-9-], so a tone can never break out of the attribute.</summary>
    public static string Tone(string? tone)
    {
        if (string.IsNullOrEmpty(tone))
        {
            return "default";
        }

        var cleaned = new string([.. tone.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')]);
        return cleaned.Length == 0 ? "default" : cleaned;
    }

    /// <summary>Pattern definitions for the patterns in use, referenced as <c>url(#{id}-pattern-{name})</c>.</summary>
    public static void Patterns(StringBuilder svg, string id, IEnumerable<ChartPattern> patterns)
    {
        var used = patterns.Where(p => p != ChartPattern.None).Distinct().Order().ToList();
        if (used.Count == 0)
        {
            return;
        }

        svg.Append("<defs>");
        foreach (var pattern in used)
        {
            svg.Append("<pattern id=\"").Append(PatternId(id, pattern)).Append("\" class=\"chart-pattern\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">");
            svg.Append(pattern switch
            {
                ChartPattern.Diagonal => "<path d=\"M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6\" stroke-width=\"1.5\"/>",
                ChartPattern.CrossHatch => "<path d=\"M0 0 L8 8 M8 0 L0 8\" stroke-width=\"1.5\"/>",
                ChartPattern.Dots => "<circle cx=\"4\" cy=\"4\" r=\"1.6\" stroke-width=\"0\"/>",
                ChartPattern.Horizontal => "<path d=\"M0 4 L8 4\" stroke-width=\"1.5\"/>",
                _ => "",
            });
            svg.Append("</pattern>");
        }

        svg.Append("</defs>");
    }

    public static string PatternId(string id, ChartPattern pattern) => $"{id}-pattern-{pattern.ToString().ToLowerInvariant()}";

    /// <summary>A filled rectangle in the tone's colour, overlaid with the pattern so the tone is not told by colour alone.</summary>
    public static void Box(StringBuilder svg, string id, string cssClass, string tone, ChartPattern pattern, double x, double y, double width, double height, string? tooltip)
    {
        svg.Append("<g class=\"").Append(cssClass).Append(" chart-tone-").Append(Tone(tone)).Append("\">");
        svg.Append("<rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y))
            .Append("\" width=\"").Append(Number(width)).Append("\" height=\"").Append(Number(height)).Append('"');
        if (tooltip is null)
        {
            svg.Append("/>");
        }
        else
        {
            svg.Append("><title>").Append(Escape(tooltip)).Append("</title></rect>");
        }

        if (pattern != ChartPattern.None && width > 0 && height > 0)
        {
            svg.Append("<rect class=\"chart-pattern-fill\" x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y))
                .Append("\" width=\"").Append(Number(width)).Append("\" height=\"").Append(Number(height))
                .Append("\" fill=\"url(#").Append(PatternId(id, pattern)).Append(")\"/>");
        }

        svg.Append("</g>");
    }

    public static void Text(StringBuilder svg, string cssClass, double x, double y, string text, string anchor = "start")
    {
        svg.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y)).Append('"');
        if (anchor != "start")
        {
            svg.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        svg.Append('>').Append(Escape(text)).Append("</text>");
    }
}
