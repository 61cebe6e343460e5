using System.Text;
using Rightscope.Core.Portfolios.Import;
using static Rightscope.Tests.Core.Portfolios.ImportFixtures;

namespace Rightscope.Tests.Core.Portfolios;

/// <summary>Every reason code, each produced by the smallest file that shows it.</summary>
public sealed class ReasonCodeTests
{
    public static TheoryData<ImportIssueCode, string, int, string?, IssueSeverity> CsvCases() => new()
    {
        { ImportIssueCode.EmptyFile, "", 0, null, IssueSeverity.Error },
        { ImportIssueCode.EmptyFile, "\n \n", 0, null, IssueSeverity.Error },
        { ImportIssueCode.UnsupportedDelimiter, "sep=|\nname|weight\n", 0, null, IssueSeverity.Error },
        { ImportIssueCode.NoRows, "name,weight\n", 1, null, IssueSeverity.Error },
        { ImportIssueCode.RowsAboveHeaderIgnored, "Fund X\nname,weight\nA,100\n", 2, null, IssueSeverity.Warning },
        { ImportIssueCode.ColumnIgnored, "name,weight,sector\nA,100,Tech\n", 1, "sector", IssueSeverity.Warning },
        { ImportIssueCode.DuplicateColumn, "name,weight,Weight\nA,100,100\n", 1, "Weight", IssueSeverity.Error },
        { ImportIssueCode.MissingCompanyColumn, "weight\n100\n", 1, null, IssueSeverity.Error },
        { ImportIssueCode.MissingAmountColumn, "name\nA\n", 1, null, IssueSeverity.Error },
        { ImportIssueCode.MissingCurrencyColumn, "name,market_value\nA,100\n", 1, null, IssueSeverity.Error },
        { ImportIssueCode.MalformedQuoting, "name,weight\n\"A\"x,100\n", 2, null, IssueSeverity.Error },
        { ImportIssueCode.FieldCountMismatch, "name,weight\nApple, Inc.,100\n", 2, null, IssueSeverity.Error },
        { ImportIssueCode.MissingCompany, "name,isin,weight\n,,100\n", 2, null, IssueSeverity.Error },
        { ImportIssueCode.MissingAmount, "name,weight\nA,\n", 2, null, IssueSeverity.Error },
        { ImportIssueCode.ValueTooLong, $"name,weight\n{new string('A', 301)},100\n", 2, "name", IssueSeverity.Error },
        { ImportIssueCode.IsinFormat, "isin,weight\nUS03783310,100\n", 2, "isin", IssueSeverity.Error },
        { ImportIssueCode.IsinCheckDigit, "isin,weight\nUS0378331006,100\n", 2, "isin", IssueSeverity.Error },
        { ImportIssueCode.LeiFormat, "lei,weight\nHWUPKR0MPOU8FGXBT3,100\n", 2, "lei", IssueSeverity.Error },
        { ImportIssueCode.LeiCheckDigits, "lei,weight\nHWUPKR0MPOU8FGXBT395,100\n", 2, "lei", IssueSeverity.Error },
        { ImportIssueCode.TickerInvalid, "ticker,weight\nAAPL$,100\n", 2, "ticker", IssueSeverity.Error },
        { ImportIssueCode.CountryUnknown, "name,country,weight\nA,UK,100\n", 2, "country", IssueSeverity.Error },
        { ImportIssueCode.CurrencyUnknown, "name,market_value,currency\nA,1,EURO\n", 2, "currency", IssueSeverity.Error },
        { ImportIssueCode.CurrencyMissing, "name,market_value,currency\nA,1,\n", 2, "market_value", IssueSeverity.Error },
        { ImportIssueCode.NotANumber, "name,weight\nA,12.5.1\n", 2, "weight", IssueSeverity.Error },
        { ImportIssueCode.NotANumber, "name,weight\nA,\"1,23\"\n", 2, "weight", IssueSeverity.Error },
        { ImportIssueCode.NotANumber, "name,market_value,currency\nA,5%,EUR\n", 2, "market_value", IssueSeverity.Error },
        { ImportIssueCode.NegativeNumber, "name,market_value,currency\nA,-5,EUR\n", 2, "market_value", IssueSeverity.Error },
        { ImportIssueCode.NegativeNumber, "name,weight,shares\nA,100,-1\n", 2, "shares", IssueSeverity.Error },
        { ImportIssueCode.WeightOutOfRange, "name,weight\nA,100.5\n", 2, "weight", IssueSeverity.Error },
        { ImportIssueCode.MarketValueRounded, "name,market_value,currency\nA,1.005,EUR\n", 2, "market_value", IssueSeverity.Warning },
        { ImportIssueCode.DuplicateIdentifier, "name,weight\nApple Inc.,50\nAPPLE,50\n", 3, "name", IssueSeverity.Error },
        { ImportIssueCode.WeightSumOff, "name,weight\nA,50\nB,48\n", 0, null, IssueSeverity.Warning },
    };

    [Theory]
    [MemberData(nameof(CsvCases))]
    public void Csv_file_gives_the_code_at_its_line_and_column(ImportIssueCode code, string csv, int line, string? column, IssueSeverity severity)
    {
        var result = Import(csv);

        var issue = Assert.Single(result.Issues, i => i.Code == code);
        Assert.Equal(line, issue.Line);
        Assert.Equal(column, issue.Column);
        Assert.Equal(severity, issue.Severity);
        Assert.Equal(severity == IssueSeverity.Warning, result.CanWrite);
    }

    public static TheoryData<ImportIssueCode, string> MappingCases() => new()
    {
        { ImportIssueCode.MappingMalformed, "Gewicht" },
        { ImportIssueCode.MappingUnknownField, "Gewicht=gewicht" },
        { ImportIssueCode.MappingDuplicateField, "Gewicht=weight;Anteil=weight" },
        { ImportIssueCode.MappingSourceNotFound, "Gewicht=weight" },
    };

    [Theory]
    [MemberData(nameof(MappingCases))]
    public void Mapping_problems_are_file_errors(ImportIssueCode code, string mapping)
    {
        var result = Import("name,weight\nA,100\n", new HoldingsImportOptions { Mapping = ColumnMapping.Parse(mapping) });

        Assert.Single(result.Issues, i => i.Code == code);
        Assert.True(result.HasFileErrors);
        Assert.False(result.CanWrite);
    }

    [Fact]
    public void Invalid_encoding() =>
        Assert.Equal(ImportIssueCode.InvalidEncoding, Assert.Single(Import([.. "name,weight\nA"u8, 0xFF, .. ",100\n"u8]).Issues).Code);

    [Fact]
    public void Utf32_is_an_invalid_encoding() =>
        Assert.Equal(ImportIssueCode.InvalidEncoding, Assert.Single(Import([.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding(false, true).GetBytes("name,weight\n")]).Issues).Code);

    [Fact]
    public void Unterminated_quote_over_a_large_file_is_malformed_csv()
    {
        var csv = "name,weight\n\"A," + new string('x', 2 * 1024 * 1024) + "\n";
        var result = Import(csv);
        Assert.Contains(result.Issues, i => i.Code is ImportIssueCode.MalformedCsv or ImportIssueCode.MalformedQuoting);
        Assert.False(result.CanWrite);
    }

    [Fact]
    public void Legacy_xls_or_encrypted_workbook_is_an_unsupported_file_type() =>
        Assert.Equal(ImportIssueCode.UnsupportedFileType, Assert.Single(Import([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).Issues).Code);

    [Fact]
    public void Every_code_has_a_test_and_a_documented_meaning()
    {
        var tested = CsvCases().Select(row => (ImportIssueCode)((ITheoryDataRow)row).GetData()[0]!).Concat(MappingCases().Select(row => (ImportIssueCode)((ITheoryDataRow)row).GetData()[0]!))
            .Concat([ImportIssueCode.InvalidEncoding, ImportIssueCode.MalformedCsv, ImportIssueCode.UnsupportedFileType, ImportIssueCode.TooManyRows])
            .Concat(XlsxImportTests.CodesTested)
            .ToHashSet();
        Assert.DoesNotContain(Enum.GetValues<ImportIssueCode>(), c => !tested.Contains(c));

        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "holdings-import.md"), Encoding.UTF8);
        Assert.DoesNotContain(Enum.GetValues<ImportIssueCode>(), c => !docs.Contains($"`{c}`", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rightscope.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
