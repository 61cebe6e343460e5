using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.HumanRightsReports;
using static Rightscope.Tests.Core.HumanRightsReports.ReportSamples;

namespace Rightscope.Tests.Core.HumanRightsReports;

/// <summary>The outline every renderer shares, and the Markdown export with its escaping.</summary>
public sealed partial class MarkdownReportTests
{
    [Fact]
    public void The_outline_has_parts_sections_and_issues_in_framework_order_in_both_languages()
    {
        var content = Content(narratives: AllRequired([Privacy, Expression]));

        var english = ReportOutline.Build(content, "en");
        var chinese = ReportOutline.Build(content, "zh-Hans");

        var headings = english.Blocks.OfType<HeadingBlock>().Select(h => h.Text).ToList();
        Assert.Equal("Human rights report 2025 — Fictional Org", headings[0]);
        Assert.True(headings.IndexOf("A1. Policy commitment") < headings.IndexOf("B1. Statement of salient issues"));
        Assert.True(headings.IndexOf("Salient issue 1: Location data of users (fictional)") < headings.IndexOf("Salient issue 2: Content removal (fictional)"));
        Assert.Equal(2, headings.Count(h => h == "C6. Remediation"));
        Assert.Contains("A1. 政策承诺", chinese.Blocks.OfType<HeadingBlock>().Select(h => h.Text));
        Assert.Equal(["part-a", "section-a1"], english.Contents.Take(2).Select(h => h.Anchor));
        Assert.Equal(english.Blocks.OfType<HeadingBlock>().Select(h => h.Anchor), chinese.Blocks.OfType<HeadingBlock>().Select(h => h.Anchor));
    }

    [Fact]
    public void A_section_written_only_in_the_other_language_is_shown_with_a_notice_and_its_language()
    {
        var content = Content([], new() { ["A1"] = new NarrativeText("Only English.\n\nSecond paragraph.", null) });

        var chinese = ReportOutline.Build(content, "zh-Hans").Blocks.ToList();
        var heading = chinese.FindIndex(b => b is HeadingBlock { Anchor: "section-a1" });

        Assert.IsType<GuidanceBlock>(chinese[heading + 1]);
        Assert.Equal(new NoticeBlock("这一部分只有英文版本。"), chinese[heading + 2]);
        Assert.Equal(new ParagraphBlock("Only English.", "en"), chinese[heading + 3]);
        Assert.Equal(new ParagraphBlock("Second paragraph.", "en"), chinese[heading + 4]);
        var a2 = chinese.FindIndex(b => b is HeadingBlock { Anchor: "section-a2" });
        Assert.Equal(new NoticeBlock("本报告未涉及这一部分。"), chinese[a2 + 2]);
    }

    [Fact]
    public void Markdown_has_headings_a_table_of_contents_and_escaped_tables()
    {
        var fact = ReportFact.Table(new SectionRef("B1", null), "test", new("Issues", "问题"), [new("Issue", "问题"), new("Severity", "严重程度")],
            [[Bilingual.Same("A | B"), Bilingual.Same("5")]]);
        var content = Content([Privacy], new() { ["A1"] = new NarrativeText("We *commit* <script>alert(1)</script> [link](http://x).", null) }, [fact]);

        var md = MarkdownReport.Render(ReportOutline.Build(content, "en"));

        Assert.StartsWith("# Human rights report 2025 — Fictional Org\n", md, StringComparison.Ordinal);
        Assert.Contains("\n## Part A — Governance of respect for human rights\n", md, StringComparison.Ordinal);
        Assert.Contains("\n### A1. Policy commitment\n", md, StringComparison.Ordinal);
        Assert.Contains("\n#### C6. Remediation\n", md, StringComparison.Ordinal);
        Assert.Contains("\n- Part A — Governance of respect for human rights\n  - A1. Policy commitment\n", md, StringComparison.Ordinal);
        Assert.Contains(@"We \*commit\* \<script\>alert\(1\)\</script\> \[link\]\(http://x\).", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains("| Issue | Severity |\n| --- | --- |\n| A \\| B | 5 |\n", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Not a heading", @"\# Not a heading")]
    [InlineData("- not a list", @"\- not a list")]
    [InlineData("1. not a list", @"1\. not a list")]
    [InlineData("> not a quote", @"\> not a quote")]
    [InlineData("a\nb\r\n  c", "a b c")]
    [InlineData("&amp; and ~~strike~~ `code`", @"\&amp; and \~\~strike\~\~ \`code\`")]
    [InlineData("突出人权问题 (privacy)", @"突出人权问题 \(privacy\)")]
    public void Escaping_keeps_text_literal(string text, string expected) =>
        Assert.Equal(expected, MarkdownReport.Escape(text));

    [Property]
    public Property Escaped_text_reads_back_unchanged_and_has_no_markup(NonNull<string> input)
    {
        var text = input.Get;
        var escaped = MarkdownReport.Escape(text);
        var normalized = Whitespace().Replace(text, " ").Trim();
        var unescapedMarkup = UnescapedMarkup().IsMatch(escaped);
        return (MarkdownReport.Unescape(escaped) == normalized && !escaped.Contains('\n') && !unescapedMarkup
            && !LineStartMarkup().IsMatch(escaped)).ToProperty();
    }

    // An inline markup character not preceded by an escaping backslash (an even run of backslashes escapes nothing).
    [GeneratedRegex(@"(?<!\\)(?:\\\\)*[`*_\[\]<>|~&!]")]
    private static partial Regex UnescapedMarkup();

    [GeneratedRegex(@"^(?:[#+\-=>:]|\d+[.)])")]
    private static partial Regex LineStartMarkup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
