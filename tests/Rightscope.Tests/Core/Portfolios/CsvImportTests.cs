using System.Text;
using Rightscope.Core.Portfolios.Import;
using static Rightscope.Tests.Core.Portfolios.ImportFixtures;

namespace Rightscope.Tests.Core.Portfolios;

public sealed class CsvImportTests
{
    private static readonly string Default = Csv(Header, Apple, MicrosoftRow);

    [Fact]
    public void Default_layout_imports_every_field()
    {
        var result = Import(Default);

        Assert.True(result.CanWrite, Describe(result));
        Assert.Empty(result.Issues);
        Assert.Equal(HoldingsFileFormat.Csv, result.Format);
        Assert.Equal(',', result.Delimiter);
        Assert.Equal(2, result.RowsRead);
        var apple = result.Rows[0];
        Assert.Equal(2, apple.Line);
        Assert.Equal("Apple Inc.", apple.Name);
        Assert.Equal("US0378331005", apple.Isin?.Value);
        Assert.Equal("HWUPKR0MPOU8FGXBT394", apple.Lei?.Value);
        Assert.Equal("AAPL", apple.Ticker?.Value);
        Assert.Equal("US", apple.Country?.Alpha2);
        Assert.Equal(60, apple.WeightPercent);
        Assert.Equal(6000.50m, apple.MarketValue);
        Assert.Equal(600050, apple.MarketValueMinorUnits);
        Assert.Equal("USD", apple.Currency?.Code);
        Assert.Equal(30m, apple.Shares);
        Assert.Equal("US", result.Rows[1].Country?.Alpha2); // given as alpha-3 USA
        Assert.Equal(100, result.WeightSum);
        Assert.Matches("^[0-9a-f]{64}$", result.Fingerprint!);
    }

    public static TheoryData<string, byte[]> Encodings()
    {
        var data = new TheoryData<string, byte[]>();
        data.Add("utf-8", Encoding.UTF8.GetBytes(Default));
        data.Add("utf-8", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Default)]);
        data.Add("utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Default)]);
        data.Add("utf-16BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Default)]);
        data.Add("utf-16", Encoding.Unicode.GetBytes(Default));
        data.Add("utf-16BE", Encoding.BigEndianUnicode.GetBytes(Default));
        return data;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Encodings_are_detected_and_give_the_same_holdings(string encoding, byte[] bytes)
    {
        var expected = Import(Default).Fingerprint;
        var result = ImportForwardOnly(bytes);

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal(encoding, result.Encoding);
        Assert.Equal("Apple Inc.", result.Rows[0].Name);
        Assert.Equal(expected, result.Fingerprint);
    }

    [Fact]
    public void Chinese_names_survive_utf16_and_utf8()
    {
        var text = Csv("name,weight", "杭州海康威视数字技术股份有限公司,100");
        foreach (var bytes in new[] { Encoding.UTF8.GetBytes(text), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] })
        {
            Assert.Equal("杭州海康威视数字技术股份有限公司", Import(bytes).Rows.Single().Name);
        }
    }

    [Fact]
    public void Invalid_utf8_is_refused_and_an_explicit_legacy_encoding_is_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030");
        var bytes = gb18030.GetBytes(Csv("name,weight", "华为技术有限公司,100"));

        var refused = Import(bytes);
        Assert.False(refused.CanWrite);
        Assert.Contains(refused.Issues, i => i.Code == ImportIssueCode.InvalidEncoding);

        var read = Import(bytes, new HoldingsImportOptions { Encoding = gb18030 });
        Assert.True(read.CanWrite, Describe(read));
        Assert.Equal("华为技术有限公司", read.Rows.Single().Name);
    }

    [Fact]
    public void Semicolon_files_read_decimal_commas()
    {
        var result = Import(Csv("name;weight;market_value;currency", "A;12,5;1.234,56;EUR", "B;87,5;0,44;EUR"));

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal(';', result.Delimiter);
        Assert.Equal([12.5, 87.5], result.Rows.Select(r => r.WeightPercent!.Value));
        Assert.Equal(1234.56m, result.Rows[0].MarketValue);
    }

    [Fact]
    public void Tab_files_and_number_formats()
    {
        var result = Import(Csv("name\tweight\tmarket_value\tcurrency", "A\t12.5%\t\"1,234.56\"\tEUR", "B\t 87.5 % \t1 000\tEUR"));

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal('\t', result.Delimiter);
        Assert.Equal([12.5, 87.5], result.Rows.Select(r => r.WeightPercent!.Value));
        Assert.Equal([1234.56m, 1000m], result.Rows.Select(r => r.MarketValue!.Value));
    }

    [Fact]
    public void Explicit_delimiter_and_decimal_separator_win()
    {
        var result = Import(Csv("name;weight", "A;12.5", "B;87.5"), new HoldingsImportOptions { DecimalSeparator = DecimalSeparator.Point });
        Assert.Equal([12.5, 87.5], result.Rows.Select(r => r.WeightPercent!.Value));

        var excel = Import(Csv("sep=;", "name;weight", "A;100"));
        Assert.True(excel.CanWrite, Describe(excel));
        Assert.Equal(3, excel.Rows.Single().Line);
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_and_line_breaks_and_lines_stay_physical()
    {
        var result = Import(Csv("name,weight,country", "\"Procter & Gamble, Co.\",50,US", "\"Line\nbreak Ltd\",25,GB", "\"Quote \"\"Q\"\" AG\",25,DE"));

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal(["Procter & Gamble, Co.", "Line\nbreak Ltd", "Quote \"Q\" AG"], result.Rows.Select(r => r.Name));
        Assert.Equal([2, 3, 5], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Headers_match_ignoring_case_spaces_and_underscores()
    {
        var result = Import(Csv("Company Name,ISIN,Weight,Market Value,CURRENCY", "A,US0378331005,100,1,USD"));

        Assert.Contains(result.Issues, i => i.Code == ImportIssueCode.ColumnIgnored && i.Column == "Company Name");
        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal(1m, result.Rows.Single().MarketValue);
    }

    [Fact]
    public void Mapping_reads_another_layout()
    {
        var mapping = ColumnMapping.Parse("Wertpapier=name\nKennnummer = isin\nAnteil (%)=weight\nSektor=-");
        var result = Import(Csv("Wertpapier;Kennnummer;Anteil (%);Sektor;name", "Apple;US0378331005;60;Tech;x", "Microsoft;US5949181045;40;Tech;y"),
            new HoldingsImportOptions { Mapping = mapping });

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal(["Apple", "Microsoft"], result.Rows.Select(r => r.Name));
        Assert.Equal([HoldingField.Name, HoldingField.Isin, HoldingField.Weight, null, null], result.Columns.Select(c => c.Field));
        // The column called "name" lost to the mapping and is reported as ignored; "Sektor" is ignored silently.
        Assert.Equal("name", Assert.Single(result.Issues, i => i.Code == ImportIssueCode.ColumnIgnored).Column);
    }

    [Fact]
    public void Title_rows_above_the_header_are_skipped_with_a_warning()
    {
        var result = Import(Csv("Portfolio Green Fund,,", "As of 2026-06-30,,", "name,isin,weight", "Apple,US0378331005,100"));

        Assert.True(result.CanWrite, Describe(result));
        Assert.Equal(3, result.HeaderLine);
        Assert.Equal(ImportIssueCode.RowsAboveHeaderIgnored, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void All_or_nothing_by_default_and_skip_bad_rows_keeps_the_good()
    {
        var text = Csv(Header, Apple, "Bad,US0378331006,,,,40,,,");

        var strict = Import(text);
        Assert.False(strict.CanWrite);
        Assert.Equal(1, strict.BadRows);
        Assert.Single(strict.Rows);

        var lenient = Import(text, new HoldingsImportOptions { SkipBadRows = true });
        Assert.True(lenient.CanWrite);
        Assert.Equal("Apple Inc.", lenient.Rows.Single().Name);
        Assert.Contains(lenient.Issues, i => i.Code == ImportIssueCode.WeightSumOff); // 60 % kept
    }

    [Fact]
    public void Bad_isin_names_line_column_value_and_expected_check_digit()
    {
        var issue = Assert.Single(Import(Csv("name,ISIN,weight", "Apple,US0378331006,100")).Issues);

        Assert.Equal(2, issue.Line);
        Assert.Equal("ISIN", issue.Column);
        Assert.Equal(ImportIssueCode.IsinCheckDigit, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal("US0378331006", issue.Arguments["value"]);
        Assert.Equal("5", issue.Arguments["expected"]);
    }

    [Fact]
    public void Share_classes_with_one_lei_are_not_duplicates_but_one_isin_twice_is()
    {
        var classes = Import(Csv("name,isin,lei,weight", "Alphabet A,US02079K3059,5493006MHB84DD0ZWV18,50", "Alphabet C,US02079K1079,5493006MHB84DD0ZWV18,50"));
        Assert.DoesNotContain(classes.Issues, i => i.Code == ImportIssueCode.DuplicateIdentifier);

        var twice = Import(Csv("name,isin,weight", "Apple,US0378331005,50", "Apple again,us0378331005,50"));
        var issue = Assert.Single(twice.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(ImportIssueCode.DuplicateIdentifier, issue.Code);
        Assert.Equal(3, issue.Line);
        Assert.Equal("2", issue.Arguments["firstLine"]);
    }

    [Fact]
    public void Market_values_are_rounded_to_the_minor_unit_with_a_warning()
    {
        var result = Import(Csv("name,market_value,currency", "A,1000.555,EUR", "B,12.5,JPY"));

        Assert.True(result.CanWrite);
        Assert.Equal([1000.56m, 13m], result.Rows.Select(r => r.MarketValue!.Value));
        Assert.Equal(2, result.Issues.Count(i => i.Code == ImportIssueCode.MarketValueRounded && i.Severity == IssueSeverity.Warning));
    }

    [Fact]
    public void Fingerprint_ignores_row_order_case_and_number_format_but_not_content()
    {
        var a = Import(Csv(Header, Apple, MicrosoftRow)).Fingerprint;
        var b = Import(Csv(Header, MicrosoftRow.ToLowerInvariant().Replace("microsoft corporation", "Microsoft Corporation", StringComparison.Ordinal), Apple.Replace(",60,", ",60.00,", StringComparison.Ordinal)).Replace("US,60", "us,60", StringComparison.Ordinal)).Fingerprint;
        var c = Import(Csv(Header, Apple.Replace(",60,", ",60.01,", StringComparison.Ordinal), MicrosoftRow)).Fingerprint;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Row_limit_stops_reading()
    {
        var rows = Enumerable.Range(0, 20).Select(i => $"Company {i},5");
        var result = Import(Csv(["name,weight", .. rows]), new HoldingsImportOptions { MaxRows = 10 });

        Assert.False(result.CanWrite);
        Assert.Equal(10, result.RowsRead);
        Assert.Contains(result.Issues, i => i.Code == ImportIssueCode.TooManyRows && i.Line == 12 && i.Arguments["limit"] == "10");
    }

    [Fact]
    public void Issues_beyond_the_limit_are_counted_not_kept()
    {
        var rows = Enumerable.Range(0, 50).Select(i => $"Company {i},x");
        var result = Import(Csv(["name,weight", .. rows]), new HoldingsImportOptions { MaxIssues = 5 });

        Assert.Equal(5, result.Issues.Count);
        Assert.Equal(45, result.IssuesOmitted);
        Assert.Equal(50, result.IssueCounts[ImportIssueCode.NotANumber]);
    }

    [Fact]
    public void Progress_reports_rows_read()
    {
        var reports = new List<int>();
        var rows = Enumerable.Range(0, 2_500).Select(i => $"Company {i},0.04");
        Import(Csv(["name,weight", .. rows]), new HoldingsImportOptions { Progress = new SyncProgress(reports.Add) });

        Assert.Equal([1_000, 2_000, 2_500], reports);
    }

    [Fact]
    public void Cancellation_throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => HoldingsImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(Default)), null, cancelled.Token));
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
