using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Rightscope.Core.HumanRightsReports;
using static Rightscope.Tests.Core.HumanRightsReports.ReportSamples;

namespace Rightscope.Tests.Core.HumanRightsReports;

/// <summary>The Word export, opened again with the OpenXml SDK.</summary>
public sealed class DocxReportTests
{
    [Fact]
    public void The_docx_has_styled_headings_paragraphs_and_a_table_with_the_figure()
    {
        var fact = ReportFact.Table(new SectionRef("C6", Privacy.Id), "test", new("Grievance cases", "申诉案件"), [new("Cases", "案件"), new("All", "全部")],
            [[new("Total", "合计"), Bilingual.Same("42")]]);
        var content = Content([Privacy], new() { ["A1"] = new NarrativeText("We commit.", "我们承诺。") }, [fact]);
        using var stream = new MemoryStream();

        DocxReport.Write(ReportOutline.Build(content, "zh-Hans"), stream);

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var styled = body.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText))
            .Where(p => p.Style is not null)
            .ToList();
        Assert.Contains(("Title", "2025 年人权报告 — Fictional Org"), styled);
        Assert.Contains(("Heading1", "A 部分 — 尊重人权的治理"), styled);
        Assert.Contains(("Heading2", "A1. 政策承诺"), styled);
        Assert.Contains(("Heading3", "C6. 补救"), styled);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "我们承诺。");
        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["案件", "全部"], rows[0]);
        Assert.Equal(["合计", "42"], rows[1]);
        Assert.NotNull(document.MainDocumentPart.StyleDefinitionsPart?.Styles?.Elements<Style>().SingleOrDefault(s => s.StyleId == "Heading1"));
    }
}
