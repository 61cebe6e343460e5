using System.Globalization;
using System.Text.RegularExpressions;

namespace Rightscope.Core.HumanRightsReports;

/// <summary>A piece of a report laid out for reading: the HTML page, the Markdown and the DOCX export render the same blocks.</summary>
public abstract record ReportBlock;

/// <summary>A heading: 1 for the report's title, 2 for a part, 3 for a section or an issue, 4 for an issue's section.</summary>
public sealed record HeadingBlock(int Level, string Text, string Anchor) : ReportBlock;

/// <summary>A paragraph; <see cref="Language"/> is set when the text is in the other language than the report's.</summary>
public sealed record ParagraphBlock(string Text, string? Language = null) : ReportBlock;

/// <summary>The framework's guidance question for a section.</summary>
public sealed record GuidanceBlock(string Text) : ReportBlock;

/// <summary>A remark about the report itself: a section not written, or written only in the other language.</summary>
public sealed record NoticeBlock(string Text) : ReportBlock;

public sealed record FigureBlock(string Caption, string Value, string? Note) : ReportBlock;

public sealed record ListBlock(string Caption, IReadOnlyList<string> Items, string? Note) : ReportBlock;

public sealed record TableBlock(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note) : ReportBlock;

/// <summary>
/// A report in one language as a sequence of blocks, with its table of contents (parts, sections and issues). Where a
/// section is written only in the other language, that text is shown with a notice that says so, so nothing the
/// organization wrote is hidden from a reader of either language.
/// </summary>
public sealed partial record ReportOutline(string Language, string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public IReadOnlyList<HeadingBlock> Contents => [.. Blocks.OfType<HeadingBlock>().Where(h => h.Level is 2 or 3)];

    public static ReportOutline Build(ReportContent content, string language)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lang = Bilingual.Normalize(language);
        var blocks = new List<ReportBlock>();
        var title = string.Format(CultureInfo.InvariantCulture, ReportLabels.Title.In(lang), content.Year, content.OrganizationName);
        blocks.Add(new HeadingBlock(1, title, "report"));
        blocks.Add(new ParagraphBlock(ReportLabels.Introduction.In(lang)));
        foreach (var part in new[] { ReportPart.A, ReportPart.B })
        {
            blocks.Add(new HeadingBlock(2, ReportFramework.PartTitle(part).In(lang), $"part-{part.ToString().ToLowerInvariant()}"));
            foreach (var section in ReportFramework.Sections.Where(s => s.Part == part))
            {
                var place = new SectionRef(section.Key, null);
                blocks.Add(new HeadingBlock(3, section.Title.In(lang), $"section-{section.Key.ToLowerInvariant()}"));
                AddSection(blocks, content, place, lang);
            }
        }

        blocks.Add(new HeadingBlock(2, ReportFramework.PartTitle(ReportPart.C).In(lang), "part-c"));
        if (content.Issues.Count == 0)
        {
            blocks.Add(new NoticeBlock(ReportLabels.NoIssues.In(lang)));
        }

        for (var i = 0; i < content.Issues.Count; i++)
        {
            var issue = content.Issues[i];
            var anchor = string.Create(CultureInfo.InvariantCulture, $"issue-{i + 1}");
            blocks.Add(new HeadingBlock(3, string.Format(CultureInfo.InvariantCulture, ReportLabels.IssueHeading.In(lang), i + 1, issue.Title), anchor));
            blocks.Add(new ParagraphBlock(string.Format(CultureInfo.InvariantCulture, ReportLabels.IssueRight.In(lang), issue.Right.In(lang))));
            foreach (var section in ReportFramework.Sections.Where(s => s.PerIssue))
            {
                blocks.Add(new HeadingBlock(4, section.Title.In(lang), $"{anchor}-{section.Key.ToLowerInvariant()}"));
                AddSection(blocks, content, new SectionRef(section.Key, issue.Id), lang);
            }
        }

        return new ReportOutline(lang, title, blocks);
    }

    private static void AddSection(List<ReportBlock> blocks, ReportContent content, SectionRef place, string lang)
    {
        blocks.Add(new GuidanceBlock(place.Definition.Guidance.In(lang)));
        var narrative = content.Narrative(place);
        if (narrative.In(lang) is { } text)
        {
            blocks.AddRange(Paragraphs(text).Select(p => new ParagraphBlock(p)));
        }
        else if (narrative.Other(lang) is { } other)
        {
            var otherLanguage = Bilingual.IsChinese(lang) ? Bilingual.English : Bilingual.Chinese;
            blocks.Add(new NoticeBlock(ReportLabels.OnlyInOther.In(lang)));
            blocks.AddRange(Paragraphs(other).Select(p => new ParagraphBlock(p, otherLanguage)));
        }
        else
        {
            blocks.Add(new NoticeBlock(ReportLabels.NotReported.In(lang)));
        }

        foreach (var fact in content.FactsOf(place))
        {
            var note = fact.Note?.In(lang);
            blocks.Add(fact.Kind switch
            {
                FactKind.Figure => new FigureBlock(fact.Caption.In(lang), fact.Rows.Count > 0 && fact.Rows[0].Count > 0 ? fact.Rows[0][0].In(lang) : "", note),
                FactKind.List => new ListBlock(fact.Caption.In(lang), [.. fact.Rows.Where(r => r.Count > 0).Select(r => r[0].In(lang))], note),
                FactKind.Table => new TableBlock(fact.Caption.In(lang), [.. fact.Columns.Select(c => c.In(lang))], [.. fact.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.In(lang))])], note),
                _ => throw new InvalidOperationException($"unknown fact kind {fact.Kind}"),
            });
        }
    }

    /// <summary>A narrative's paragraphs: separated by blank lines; the lines of one paragraph joined by a space.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        [.. BlankLine().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
            .Select(p => string.Join(' ', p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)))
            .Where(p => p.Length > 0)];

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();
}

/// <summary>The report's own words (not the organization's), in both languages.</summary>
public static class ReportLabels
{
    public static readonly Bilingual Title = new("Human rights report {0} — {1}", "{0} 年人权报告 — {1}");

    public static readonly Bilingual Introduction = new(
        "This report follows the structure of the UN Guiding Principles Reporting Framework: part A on the governance of respect for human rights, part B on the focus of reporting, and part C on the management of each salient human rights issue. Figures about grievances are counts only; counts from 1 to 4 are shown as \"<5\" so that nobody can be singled out.",
        "本报告按照《联合国指导原则报告框架》的结构编写：A 部分介绍尊重人权的治理，B 部分确定报告重点，C 部分说明每一个突出人权问题的管理。有关申诉的数字仅为计数；1 至 4 的计数显示为“<5”，以免任何人被识别。");

    public static readonly Bilingual Contents = new("Contents", "目录");

    public static readonly Bilingual NotReported = new("Not addressed in this report.", "本报告未涉及这一部分。");

    public static readonly Bilingual OnlyInOther = new("This section is available only in Chinese.", "这一部分只有英文版本。");

    public static readonly Bilingual NoIssues = new("No salient human rights issues were recorded for this report.", "本报告未记录突出人权问题。");

    public static readonly Bilingual IssueHeading = new("Salient issue {0}: {1}", "突出人权问题 {0}：{1}");

    public static readonly Bilingual IssueRight = new("Human right concerned: {0}", "涉及的人权：{0}");

    public static readonly Bilingual Suppressed = new("<5", "<5");

    public static readonly Bilingual Withheld = new("withheld", "不公布");

    public static readonly Bilingual Guidance = new("Guiding question", "指导问题");
}
