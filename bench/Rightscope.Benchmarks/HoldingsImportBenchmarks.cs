using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rightscope.Core.Companies;
using Rightscope.Core.Portfolios.Import;

namespace Rightscope.Benchmarks;

/// <summary>
/// Importing a 100,000-row holdings snapshot (parse and validate, no database) from CSV and from XLSX: every row has
/// a name, a valid ISIN and LEI, a ticker, a country, a weight, a market value, a currency and shares.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HoldingsImportBenchmarks
{
    private byte[] _csv = [];
    private byte[] _xlsx = [];

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = HoldingsFiles.Csv(Rows);
        _xlsx = HoldingsFiles.Xlsx(Rows);
    }

    [Benchmark]
    public int ImportCsv() => Check(HoldingsImporter.Import(new MemoryStream(_csv)));

    [Benchmark]
    public int ImportXlsx() => Check(HoldingsImporter.Import(new MemoryStream(_xlsx)));

    private int Check(HoldingsImportResult result) =>
        result.CanWrite && result.Rows.Count == Rows ? result.Rows.Count : throw new InvalidOperationException(string.Join("\n", result.Issues.Take(5)));
}

/// <summary>Generated holdings files (fixed seed), shared by the benchmarks and the peak-memory mode.</summary>
public static class HoldingsFiles
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly string[] Countries = ["US", "CN", "DE", "JP", "GB", "FR", "IL", "KR", "NL", "CH"];
    private static readonly string[] Currencies = ["USD", "CNY", "EUR", "JPY", "GBP", "EUR", "ILS", "KRW", "EUR", "CHF"];

    public static IEnumerable<string[]> Rows(int count)
    {
        var random = new Random(100_000);
        var weight = 100.0 / count;
        for (var i = 0; i < count; i++)
        {
            var country = random.Next(Countries.Length);
            var isin = Countries[country] + Random(random, 9);
            var lei = Random(random, 18);
            yield return
            [
                $"Company {i.ToString(CultureInfo.InvariantCulture)} Holdings Ltd",
                isin + Isin.ComputeCheckDigit(isin),
                lei + Lei.ComputeCheckDigits(lei),
                "T" + i.ToString(CultureInfo.InvariantCulture),
                Countries[country],
                weight.ToString("R", CultureInfo.InvariantCulture),
                (random.Next(1, 10_000_000) / 100m).ToString(CultureInfo.InvariantCulture),
                Currencies[country] is "JPY" or "KRW" ? "USD" : Currencies[country],
                random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture),
            ];
        }
    }

    private static string Random(Random random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphanumerics[r.Next(Alphanumerics.Length)];
            }
        });

    public static byte[] Csv(int count)
    {
        var text = new StringBuilder("name,isin,lei,ticker,country,weight,market_value,currency,shares\n");
        foreach (var row in Rows(count))
        {
            text.AppendJoin(',', row).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>An XLSX written with the SDK's streaming writer: names and codes as shared strings, numbers as numbers.</summary>
    public static byte[] Xlsx(int count)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var strings = new Dictionary<string, int>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, ["name", "isin", "lei", "ticker", "country", "weight", "market_value", "currency", "shares"], strings, 0);
                foreach (var row in Rows(count))
                {
                    WriteRow(writer, row, strings, 5);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var shared = workbook.AddNewPart<SharedStringTablePart>();
            using (var writer = OpenXmlWriter.Create(shared))
            {
                writer.WriteStartElement(new SharedStringTable());
                foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
                {
                    writer.WriteElement(new SharedStringItem(new Text(text)));
                }

                writer.WriteEndElement();
            }

            workbook.Workbook.Sheets!.AppendChild(new Sheet { Name = "Holdings", SheetId = 1, Id = workbook.GetIdOfPart(sheet) });
        }

        return memory.ToArray();
    }

    private static void WriteRow(OpenXmlWriter writer, string[] cells, Dictionary<string, int> strings, int firstNumber)
    {
        writer.WriteStartElement(new Row());
        for (var i = 0; i < cells.Length; i++)
        {
            var numeric = firstNumber > 0 && i >= firstNumber && i != 7;
            if (numeric)
            {
                writer.WriteElement(new Cell { CellValue = new CellValue(cells[i]) });
            }
            else
            {
                if (!strings.TryGetValue(cells[i], out var index))
                {
                    strings[cells[i]] = index = strings.Count;
                }

                writer.WriteElement(new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index) });
            }
        }

        writer.WriteEndElement();
    }
}
