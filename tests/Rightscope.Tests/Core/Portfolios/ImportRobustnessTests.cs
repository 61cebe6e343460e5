using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Portfolios.Import;

namespace Rightscope.Tests.Core.Portfolios;

/// <summary>Whatever the input, the importer returns a report; it never throws and never lets a file error through as writable.</summary>
public sealed class ImportRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "name", "isin", "weight", "market_value", "currency", "lei", "country", "shares", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r",
        "US0378331005", "12.5", "12,5", "1,234.56", "%", "-", "EUR", "XXX", "Apple Inc.", "华为", "\uFEFF", "\0", "sep=;", "=", " ",
        "1e400", "99999999999999999999999999999999", "NaN", "\uFFFD", "PK\u0003\u0004",
    ];

    public static class Generators
    {
        public static Arbitrary<string> MalformedCsv() => Arb.From(
            Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)));
    }

    private static bool Consistent(HoldingsImportResult result) =>
        (!result.HasFileErrors || !result.CanWrite)
        && result.Rows.Count <= result.RowsRead
        && result.Issues.Count + result.IssuesOmitted == result.IssueCounts.Values.Sum()
        && (result.CanWrite == false || result.Rows.Count > 0);

    [Property(MaxTest = 500)]
    public bool Random_bytes_always_give_a_report(byte[] bytes) =>
        Consistent(HoldingsImporter.Import(new MemoryStream(bytes)));

    [Property(MaxTest = 200)]
    public bool Random_bytes_read_as_xlsx_always_give_a_report(byte[] bytes) =>
        Consistent(HoldingsImporter.Import(new MemoryStream([.. "PK\u0003\u0004"u8, .. bytes])));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Random_malformed_csv_always_gives_a_report(string text) =>
        Consistent(HoldingsImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text))))
        && Consistent(HoldingsImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), new HoldingsImportOptions { SkipBadRows = true, Mapping = ColumnMapping.Parse("isin=name") }));

    [Property(MaxTest = 200)]
    public Property Random_cell_values_in_a_workbook_always_give_a_report(NonNull<string>[] cells)
    {
        var rows = new List<XCell?[]> { new XCell?[] { "name", "isin", "weight" } };
        for (var i = 0; i + 2 < cells.Length; i += 3)
        {
            rows.Add([Clean(cells[i].Get), Clean(cells[i + 1].Get), Clean(cells[i + 2].Get)]);
        }

        return Consistent(ImportFixtures.Import(Xlsx.Build([.. rows]))).ToProperty();

        // XML cannot carry most control characters; the SDK would refuse to write them.
        static XCell Clean(string s) => new(Text: new string([.. s.Where(c => c is '\t' or '\n' or '\r' or >= ' ' and < '\uD800' or > '\uDFFF' and < '\uFFFE')]));
    }
}
