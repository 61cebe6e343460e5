using Rightscope.Core.Transparency;

namespace Rightscope.Tests.Core.Transparency;

public sealed class TransparencyCsvTests
{
    private static TransparencyDocument WithCountries(params string[] countries)
    {
        var figures = TransparencyFigures.Build(TransparencyPeriod.OfHalf(2024, 1),
            [new CountedRequest(new DateOnly(2024, 1, 5), new CellKey("IN", RequestType.ContentRemoval, LegalProcess.AdministrativeOrder), 3, RequestDecision.CompliedFully)],
            []);
        var document = TransparencyDocument.Create(figures, "acme", "Acme", null);
        var cell = document.Cells[0];
        return document with { Cells = [.. countries.Select(c => cell with { Country = c })] };
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\rCR", "\"'\rCR\"")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_neutralized(string country, string expected)
    {
        var document = WithCountries(country);
        var line = document.ToCsv().Split("\r\n")[1];
        Assert.StartsWith($"{document.Period},{expected},", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_export_quotes_as_the_shared_safe_csv_does()
    {
        var document = WithCountries("DE", "=1+1", "a,b");
        var lines = document.ToCsv().Split("\r\n");
        Assert.Equal(string.Join(',', TransparencyDocument.CsvColumns), lines[0]);
        for (var i = 0; i < document.Cells.Count; i++)
        {
            var cell = document.Cells[i];
            var c = cell.Counts;
            Assert.Equal(
                Rightscope.Core.Exports.SafeCsv.Line([document.Period, cell.Country, cell.RequestType, cell.LegalProcess,
                    $"{c.Requests}", $"{c.AccountsSpecified}", $"{c.CompliedFully}", $"{c.CompliedPartially}", $"{c.Rejected}", $"{c.ChallengedInCourt}"]),
                lines[i + 1]);
        }

        Assert.Contains(",'=1+1,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",\"a,b\",", lines[3], StringComparison.Ordinal);
    }
}
