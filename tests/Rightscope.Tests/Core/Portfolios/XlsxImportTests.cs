using System.Text;
using Rightscope.Core.Portfolios.Import;
using static Rightscope.Tests.Core.Portfolios.ImportFixtures;

namespace Rightscope.Tests.Core.Portfolios;

public sealed class XlsxImportTests
{
    public static readonly ImportIssueCode[] CodesTested =
    [
        ImportIssueCode.XlsxUnreadable, ImportIssueCode.XlsxSheetNotFound, ImportIssueCode.XlsxNotAWorksheet,
        ImportIssueCode.XlsxOtherSheetsIgnored, ImportIssueCode.XlsxMergedHeaderCells, ImportIssueCode.XlsxMergedCells,
        ImportIssueCode.XlsxFormulaCachedValues, ImportIssueCode.XlsxFormulaWithoutValue, ImportIssueCode.XlsxCellError,
    ];

    private static readonly XCell?[] Header = ["name", "isin", "lei", "ticker", "country", "weight", "market_value", "currency", "shares"];
    private static readonly XCell?[] Apple = ["Apple Inc.", "US0378331005", "HWUPKR0MPOU8FGXBT394", "AAPL", "US", 60, 6000.5, "USD", 30];
    private static readonly XCell?[] Microsoft = ["Microsoft Corporation", "US5949181045", "INR2EJN1ERAN0W5ZP974", "MSFT", "USA", 40, 4000, "USD", 10];

    [Fact]
    public void Xlsx_gives_the_same_holdings_as_the_same_csv()
    {
        var result = Import(Xlsx.Build([Header, Apple, Microsoft]));

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal(HoldingsFileFormat.Xlsx, result.Format);
        Assert.Equal("Holdings", result.Sheet);
        Assert.Equal([2, 3], result.Rows.Select(r => r.Line));
        Assert.Equal(Import(Csv(ImportFixtures.Header, ImportFixtures.Apple, ImportFixtures.MicrosoftRow)).Fingerprint, result.Fingerprint);
    }

    [Fact]
    public void Forward_only_streams_are_buffered() =>
        Assert.True(ImportForwardOnly(Xlsx.Build([Header, Apple, Microsoft])).CanWrite);

    [Fact]
    public void Percent_formatted_weights_are_read_as_percent()
    {
        var result = Import(Xlsx.Build([["name", "weight"], ["A", new XCell(Number: 0.125, Percent: true)], ["B", new XCell(Number: 0.875, Percent: true)]]));

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal([12.5, 87.5], result.Rows.Select(r => r.WeightPercent!.Value));
    }

    [Fact]
    public void First_sheet_by_default_with_a_warning_and_a_sheet_by_name()
    {
        var bytes = Xlsx.Build(
            ("Summary", [["name", "weight"], ["A", 100]], []),
            ("Holdings 2026", [["name", "weight"], ["B", 60], ["C", 40]], []));

        var first = Import(bytes);
        Assert.Equal("Summary", first.Sheet);
        Assert.Equal("A", first.Rows.Single().Name);
        var warning = Assert.Single(first.Issues);
        Assert.Equal(ImportIssueCode.XlsxOtherSheetsIgnored, warning.Code);
        Assert.Equal("Holdings 2026", warning.Arguments["ignored"]);

        var chosen = Import(bytes, new HoldingsImportOptions { SheetName = "holdings 2026" });
        Assert.Empty(chosen.Issues);
        Assert.Equal(["B", "C"], chosen.Rows.Select(r => r.Name));

        var missing = Import(bytes, new HoldingsImportOptions { SheetName = "Positions" });
        var issue = Assert.Single(missing.Issues);
        Assert.Equal(ImportIssueCode.XlsxSheetNotFound, issue.Code);
        Assert.Equal("Summary, Holdings 2026", issue.Arguments["sheets"]);
        Assert.False(missing.CanWrite);
    }

    [Fact]
    public void Formulas_give_their_cached_values_with_one_warning()
    {
        var result = Import(Xlsx.Build([["name", "weight"], ["A", new XCell(Number: 60, Formula: "100-40")], ["B", new XCell(Number: 40, Formula: "100-60")]]));

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal([60.0, 40.0], result.Rows.Select(r => r.WeightPercent!.Value));
        var warning = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueCode.XlsxFormulaCachedValues, warning.Code);
        Assert.Equal("2", warning.Arguments["count"]);
        Assert.Equal("B2", warning.Arguments["cell"]);
    }

    [Fact]
    public void A_formula_without_a_cached_value_and_an_error_value_are_row_errors()
    {
        var result = Import(Xlsx.Build([["name", "weight"], ["A", new XCell(Formula: "SUM(X1:X9)")], ["B", new XCell(Error: "#DIV/0!")]]));

        Assert.False(result.CanWrite);
        var formula = Assert.Single(result.Issues, i => i.Code == ImportIssueCode.XlsxFormulaWithoutValue);
        Assert.Equal((2, "weight", "B2"), (formula.Line, formula.Column, formula.Arguments["cell"]));
        var error = Assert.Single(result.Issues, i => i.Code == ImportIssueCode.XlsxCellError);
        Assert.Equal((3, "#DIV/0!"), (error.Line, error.Arguments["value"]));
    }

    [Fact]
    public void Merged_header_cells_are_refused_but_a_merged_title_above_is_not()
    {
        var merged = Import(Xlsx.Build([["Identifiers", null, "weight"], ["name", "isin", null], ["A", "US0378331005", 100]], "A1:B1"));
        Assert.False(merged.CanWrite);
        Assert.Contains(merged.Issues, i => i.Code == ImportIssueCode.XlsxMergedHeaderCells && i.Arguments["range"] == "A1:B1");

        var title = Import(Xlsx.Build([["Green Fund, 30 June 2026"], ["name", "weight"], ["A", 100]], "A1:B1"));
        Assert.True(title.CanWrite, Describe(title));
        Assert.Equal(2, title.HeaderLine);

        var data = Import(Xlsx.Build([["name", "weight"], ["A", 50], ["B", 50]], "A2:A3"));
        Assert.Equal([2, 3], data.Issues.Where(i => i.Code == ImportIssueCode.XlsxMergedCells).Select(i => i.Line));
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_unreadable()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open(), Encoding.UTF8);
            writer.Write("not a workbook");
        }

        var result = Import(memory.ToArray());
        Assert.Equal(ImportIssueCode.XlsxUnreadable, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void A_chart_sheet_first_is_not_a_worksheet()
    {
        var bytes = Xlsx.Build([["name", "weight"], ["A", 100]]);
        using var memory = new MemoryStream();
        memory.Write(bytes);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(memory, true))
        {
            var workbook = document.WorkbookPart!;
            var chart = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.ChartsheetPart>();
            chart.Chartsheet = new DocumentFormat.OpenXml.Spreadsheet.Chartsheet(new DocumentFormat.OpenXml.Spreadsheet.Drawing { Id = "rIdNone" });
            var sheets = workbook.Workbook.Sheets!;
            sheets.InsertAt(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = "Chart", SheetId = 9, Id = workbook.GetIdOfPart(chart) }, 0);
        }

        var result = Import(memory.ToArray());
        Assert.Contains(result.Issues, i => i.Code == ImportIssueCode.XlsxNotAWorksheet && i.Arguments["sheet"] == "Chart");
    }

    [Fact]
    public void Truncated_workbook_is_unreadable_not_an_exception()
    {
        var bytes = Xlsx.Build([Header, Apple, Microsoft]);
        for (var cut = 10; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 40))
        {
            var result = Import(bytes[..cut]);
            Assert.False(result.CanWrite);
            Assert.True(result.HasFileErrors);
        }
    }
}
