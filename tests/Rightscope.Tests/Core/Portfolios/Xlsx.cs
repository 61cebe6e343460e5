using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rightscope.Tests.Core.Portfolios;

/// <summary>A cell of a test workbook: text, a number, a formula with or without its cached value, or an error.</summary>
public sealed record XCell(string? Text = null, double? Number = null, string? Formula = null, bool Percent = false, string? Error = null)
{
    public static implicit operator XCell(string text) => new(Text: text);

    public static implicit operator XCell(double number) => new(Number: number);
}

/// <summary>Builds XLSX fixtures in the test with the Open XML SDK, the library the importer reads them with.</summary>
public static class Xlsx
{
    public static byte[] Build(params (string Name, XCell?[][] Rows, string[] Merges)[] sheets)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill()) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }) { Count = 2 });
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var strings = new List<string>();
            uint id = 1;
            foreach (var (name, rows, merges) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (rows[r][c] is not { } cell)
                        {
                            continue;
                        }

                        var reference = (char)('A' + c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var element = new Cell { CellReference = reference };
                        if (cell.Formula is not null)
                        {
                            element.CellFormula = new CellFormula(cell.Formula);
                        }

                        if (cell.Error is not null)
                        {
                            element.DataType = CellValues.Error;
                            element.CellValue = new CellValue(cell.Error);
                        }
                        else if (cell.Text is not null)
                        {
                            var index = strings.IndexOf(cell.Text);
                            if (index < 0)
                            {
                                strings.Add(cell.Text);
                                shared.SharedStringTable.AppendChild(new SharedStringItem(new Text(cell.Text)));
                                index = strings.Count - 1;
                            }

                            element.DataType = CellValues.SharedString;
                            element.CellValue = new CellValue(index);
                        }
                        else if (cell.Number is { } number)
                        {
                            element.CellValue = new CellValue(number);
                            if (cell.Percent)
                            {
                                element.StyleIndex = 1;
                            }
                        }

                        row.AppendChild(element);
                    }

                    data.AppendChild(row);
                }

                var worksheet = new Worksheet(data);
                if (merges.Length > 0)
                {
                    worksheet.AppendChild(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
                }

                part.Worksheet = worksheet;
                workbook.Workbook.Sheets!.AppendChild(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }
        }

        return memory.ToArray();
    }

    public static byte[] Build(XCell?[][] rows, params string[] merges) => Build(("Holdings", rows, merges));
}
