using System.Globalization;
using System.Text;

namespace Rightscope.Tests.Security.Fuzz;

/// <summary>
/// A valid CSV file damaged the ways real uploads are: columns dropped, duplicated or swapped (in the header, one row
/// or every line), cells replaced by hostile values, the file cut mid-row, stray bytes (NUL, CR, quotes, byte order
/// marks, invalid UTF-8) put in. Built from one seed so that a failure names a reproducible damage, described in words.
/// </summary>
public static class FileMutations
{
    /// <summary>Cell values that have broken parsers, number readers, date readers or spreadsheets before.</summary>
    public static readonly string[] HostileCells =
    [
        "", " ", "\"", "\"\"", "\"unclosed", "a\"b", "\0", "\r", "\n", "\r\n", "\uFEFF", "\u202E", "\uFFFD", "\uD800",
        "NaN", "-NaN", "Infinity", "-Infinity", "∞", "1e309", "-1e309", "1e-400", "99999999999999999999999999999999",
        "-0", "0x1F", "1,5", "1.234,56", "１２", "1_000", "+", "-", "%", ".",
        "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "2024-13-01", "-2024-01-01", "2024H3", "2147483648",
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x.invalid\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1",
        "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "华为", "ZZ", "XXX", "NA",
    ];

    private static readonly byte[][] HostileBytes =
    [
        [0x00], [0x0D], [0x0A], [0x22], [0x2C], [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
        [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0x1A],
    ];

    public static (byte[] Bytes, string Description) Mutate(string validCsv, int seed)
    {
        var random = new Random(seed);
        var table = validCsv.TrimEnd('\n').Split('\n').Select(line => line.Split(',').ToList()).ToList();
        var steps = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            steps.Add(MutateTable(table, random));
        }

        var separator = random.Next(6) == 0 ? random.Next(2) == 0 ? ";" : "\t" : ",";
        var newline = new[] { "\n", "\r\n", "\r" }[random.Next(3)];
        var text = string.Join(newline, table.Select(row => string.Join(separator, row))) + (random.Next(4) == 0 ? "" : newline);
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            steps.Add(MutateBytes(bytes, random));
        }

        return ([.. bytes], $"seed {seed}: {string.Join("; ", steps)}");
    }

    private static string MutateTable(List<List<string>> table, Random random)
    {
        var row = random.Next(table.Count);
        var rows = random.Next(3) switch
        {
            0 => table,
            1 => [table[0]],
            _ => [table[row]],
        };
        var scope = ReferenceEquals(rows, table) ? "every line" : rows[0] == table[0] ? "the header" : $"line {row + 1}";
        var width = table.Max(r => r.Count);
        var column = random.Next(Math.Max(1, width));
        var other = random.Next(Math.Max(1, width));
        switch (random.Next(8))
        {
            case 0:
                rows.ForEach(r => RemoveAt(r, column));
                return $"drop column {column} in {scope}";
            case 1:
                rows.ForEach(r => r.Insert(Math.Min(column, r.Count), column < r.Count ? r[column] : ""));
                return $"duplicate column {column} in {scope}";
            case 2:
                rows.ForEach(r => Swap(r, column, other));
                return $"swap columns {column} and {other} in {scope}";
            case 3:
                table[row].Add(Hostile(random));
                return $"extra cell on line {row + 1}";
            case 4:
                table.Insert(random.Next(table.Count + 1), [.. table[row]]);
                return $"duplicate line {row + 1}";
            case 5:
                var prefix = Hostile(random);
                Set(table[row], column, prefix + Get(table[row], column));
                return $"prefix {Show(prefix)} to line {row + 1} column {column}";
            default:
                var value = Hostile(random);
                Set(table[row], column, value);
                return $"line {row + 1} column {column} = {Show(value)}";
        }
    }

    private static string MutateBytes(List<byte> bytes, Random random)
    {
        var at = random.Next(bytes.Count + 1);
        switch (random.Next(3))
        {
            case 0:
                bytes.RemoveRange(at, bytes.Count - at);
                return $"cut at byte {at}";
            case 1:
                var inserted = HostileBytes[random.Next(HostileBytes.Length)];
                bytes.InsertRange(at, inserted);
                return $"insert {Convert.ToHexString(inserted)} at byte {at}";
            default:
                bytes.InsertRange(0, random.Next(2) == 0 ? [0xEF, 0xBB, 0xBF] : [0xFF, 0xFE]);
                return "prepend a byte order mark";
        }
    }

    /// <summary>Mostly short hostile values; sometimes a cell longer than any field allows, rarely one longer than a record may be (1 MiB).</summary>
    private static string Hostile(Random random) => random.Next(40) switch
    {
        0 => new string('x', 1_100_000),
        < 4 => new string('长', 5_000),
        _ => HostileCells[random.Next(HostileCells.Length)],
    };

    private static string Show(string value) =>
        value.Length > 40 ? $"<{value.Length.ToString(CultureInfo.InvariantCulture)} × '{value[0]}'>" : $"'{value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)}'";

    private static string Get(List<string> row, int column) => column < row.Count ? row[column] : "";

    private static void Set(List<string> row, int column, string value)
    {
        while (row.Count <= column)
        {
            row.Add("");
        }

        row[column] = value;
    }

    private static void RemoveAt(List<string> row, int column)
    {
        if (column < row.Count)
        {
            row.RemoveAt(column);
        }
    }

    private static void Swap(List<string> row, int a, int b)
    {
        if (a < row.Count && b < row.Count)
        {
            (row[a], row[b]) = (row[b], row[a]);
        }
    }
}
