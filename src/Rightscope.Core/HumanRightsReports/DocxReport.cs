using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Rightscope.Core.HumanRightsReports;

/// <summary>
/// A report as a Word document: the title and headings use the built-in style ids (<c>Title</c>, <c>Heading1</c> …
/// <c>Heading3</c>) so word processors list them in their navigation pane and build a table of contents from them;
/// facts are real tables with a header row.
/// </summary>
public static class DocxReport
{
    public static void Write(ReportOutline outline, Stream output)
    {
        ArgumentNullException.ThrowIfNull(outline);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocumentCreate(buffer))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, outline.Language);
            var body = new Body();
            foreach (var block in outline.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        body.Append(Paragraph(heading.Text, heading.Level == 1 ? "Title" : $"Heading{heading.Level - 1}"));
                        break;
                    case GuidanceBlock guidance:
                        body.Append(Paragraph(guidance.Text, italic: true));
                        break;
                    case NoticeBlock notice:
                        body.Append(Paragraph(notice.Text, italic: true));
                        break;
                    case ParagraphBlock paragraph:
                        body.Append(Paragraph(paragraph.Text, language: paragraph.Language));
                        break;
                    case FigureBlock figure:
                        body.Append(new Paragraph(Run(figure.Caption + ": ", bold: true), Run(figure.Value)));
                        AddNote(body, figure.Note);
                        break;
                    case ListBlock list:
                        body.Append(Paragraph(list.Caption, bold: true));
                        foreach (var item in list.Items)
                        {
                            body.Append(Paragraph("• " + item));
                        }

                        AddNote(body, list.Note);
                        break;
                    case TableBlock table:
                        body.Append(Paragraph(table.Caption, bold: true));
                        body.Append(Table(table));
                        AddNote(body, table.Note);
                        break;
                }
            }

            body.Append(new SectionProperties());
            main.Document = new Document(body);
            main.Document.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static WordprocessingDocument WordprocessingDocumentCreate(Stream stream) =>
        WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);

    private static void AddNote(Body body, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            body.Append(Paragraph(note, italic: true));
        }
    }

    private static Paragraph Paragraph(string text, string? style = null, bool italic = false, bool bold = false, string? language = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(Run(text, bold, italic, language));
        return paragraph;
    }

    private static Run Run(string text, bool bold = false, bool italic = false, string? language = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (language is not null)
        {
            properties.Append(Bilingual.IsChinese(language) ? new Languages { EastAsia = "zh-CN" } : new Languages { Val = "en-GB" });
        }

        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Table Table(TableBlock block)
    {
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border(), new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var column in block.Columns)
        {
            header.Append(new TableCell(new Paragraph(Run(column, bold: true))));
        }

        table.Append(header);
        foreach (var row in block.Rows)
        {
            var tableRow = new TableRow();
            foreach (var cell in row)
            {
                tableRow.Append(new TableCell(new Paragraph(Run(cell))));
            }

            table.Append(tableRow);
        }

        return table;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Noto Sans CJK SC" },
                new FontSize { Val = "22" },
                new Languages { Val = "en-GB", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" })));
        var root = new Styles(defaults);
        root.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        root.Append(HeadingStyle("Title", "Title", 40, 0));
        for (var level = 1; level <= 3; level++)
        {
            root.Append(HeadingStyle($"Heading{level}", $"heading {level}", level switch { 1 => 32, 2 => 28, _ => 24 }, level - 1));
        }

        styles.Styles = root;
        styles.Styles.Save();
        _ = language;
    }

    private static Style HeadingStyle(string id, string name, int halfPoints, int outline) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = outline }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
}
