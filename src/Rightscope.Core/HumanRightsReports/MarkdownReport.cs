using System.Text;
using System.Text.RegularExpressions;

namespace Rightscope.Core.HumanRightsReports;

/// <summary>
/// A report as Markdown (CommonMark with GitHub tables). Every text from the organization or a contributor is escaped,
/// so a narrative cannot inject HTML, links, images, headings or table cells into the export.
/// </summary>
public static partial class MarkdownReport
{
    public static string Render(ReportOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var md = new StringBuilder();
        foreach (var block in outline.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    md.Append('#', heading.Level).Append(' ').Append(Escape(heading.Text)).Append("\n\n");
                    if (heading.Level == 1)
                    {
                        Contents(md, outline);
                    }

                    break;
                case GuidanceBlock guidance:
                    md.Append('*').Append(Escape(guidance.Text)).Append("*\n\n");
                    break;
                case NoticeBlock notice:
                    md.Append("> ").Append(Escape(notice.Text)).Append("\n\n");
                    break;
                case ParagraphBlock paragraph:
                    md.Append(Escape(paragraph.Text)).Append("\n\n");
                    break;
                case FigureBlock figure:
                    md.Append("**").Append(Escape(figure.Caption)).Append(":** ").Append(Escape(figure.Value)).Append("\n\n");
                    Note(md, figure.Note);
                    break;
                case ListBlock list:
                    md.Append("**").Append(Escape(list.Caption)).Append("**\n\n");
                    foreach (var item in list.Items)
                    {
                        md.Append("- ").Append(Escape(item)).Append('\n');
                    }

                    md.Append('\n');
                    Note(md, list.Note);
                    break;
                case TableBlock table:
                    md.Append("**").Append(Escape(table.Caption)).Append("**\n\n");
                    md.Append('|').AppendJoin("", table.Columns.Select(c => $" {Cell(c)} |")).Append('\n');
                    md.Append('|').AppendJoin("", table.Columns.Select(_ => " --- |")).Append('\n');
                    foreach (var row in table.Rows)
                    {
                        md.Append('|').AppendJoin("", row.Select(c => $" {Cell(c)} |")).Append('\n');
                    }

                    md.Append('\n');
                    Note(md, table.Note);
                    break;
            }
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Contents(StringBuilder md, ReportOutline outline)
    {
        md.Append("**").Append(Escape(ReportLabels.Contents.In(outline.Language))).Append("**\n\n");
        foreach (var heading in outline.Contents)
        {
            md.Append(heading.Level == 3 ? "  - " : "- ").Append(Escape(heading.Text)).Append('\n');
        }

        md.Append('\n');
    }

    private static void Note(StringBuilder md, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            md.Append('*').Append(Escape(note)).Append("*\n\n");
        }
    }

    /// <summary>A table cell: escaped, on one line.</summary>
    public static string Cell(string text) => Escape(text);

    /// <summary>
    /// Escapes text for one Markdown line: line breaks become spaces; characters that start emphasis, code, links,
    /// images, HTML, entities or table cells are backslash-escaped anywhere; characters that start a heading, list,
    /// quote or thematic break are escaped at the start of the line.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = Whitespace().Replace(text, " ").Trim();
        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (Inline.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var result = escaped.ToString();
        if (result.Length > 0 && LineStart.Contains(result[0]))
        {
            result = "\\" + result;
        }

        var ordered = OrderedListStart().Match(result);
        if (ordered.Success)
        {
            result = result.Insert(ordered.Groups[1].Length, "\\");
        }

        return result;
    }

    /// <summary>Undoes <see cref="Escape"/> (for text without line breaks or outer blanks).</summary>
    public static string Unescape(string markdown) => BackslashEscape().Replace(markdown, "$1");

    private const string Inline = "\\`*_[]<>|~&!{}()";

    private const string LineStart = "#+-=>:";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d+)[.)]")]
    private static partial Regex OrderedListStart();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex BackslashEscape();
}
