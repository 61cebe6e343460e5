using System.Text;
using CsvHelper;

namespace Rightscope.Core.Portfolios.Import;

/// <summary>
/// Reads CSV records with CsvHelper, streaming. Encoding and delimiter are detected from the first 64 KiB: a UTF-8 or
/// UTF-16 byte order mark, else UTF-16 recognized by its zero bytes, else UTF-8 (which must be valid); the delimiter
/// is the one of comma, semicolon and tab that occurs most often outside quotes in the first line (an Excel
/// <c>sep=;</c> line is honored).
/// </summary>
internal sealed class CsvHoldingsReader
{
    private const int SniffBytes = 64 * 1024;
    private const int MaxRecordBytes = 1024 * 1024;

    private CsvHoldingsReader(Stream stream, Encoding? encoding, string encodingName, char? delimiter, bool separatorHint)
    {
        Stream = stream;
        Encoding = encoding;
        EncodingName = encodingName;
        Delimiter = delimiter;
        SeparatorHint = separatorHint;
    }

    private Stream Stream { get; }

    private Encoding? Encoding { get; }

    private bool SeparatorHint { get; }

    public string EncodingName { get; }

    public char? Delimiter { get; }

    /// <summary>Sniffs the start of <paramref name="input"/>; returns null after reporting a file error.</summary>
    public static CsvHoldingsReader? Open(Stream input, HoldingsImportOptions options, IssueCollector issues)
    {
        var prefix = new byte[SniffBytes];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = input.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        var head = prefix.AsSpan(0, length);
        var stream = new PrefixedStream(prefix, length, input);

        Encoding? encoding = options.Encoding;
        int bom = 0;
        string name;
        if (encoding is not null)
        {
            name = encoding.WebName;
        }
        else if (head.StartsWith("\xEF\xBB\xBF"u8))
        {
            (name, bom) = ("utf-8", 3);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            issues.FileError(Issues.File(ImportIssueCode.InvalidEncoding, ("encoding", "utf-32")));
            return null;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (name, bom, encoding) = ("utf-16", 2, new UnicodeEncoding(false, false));
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (name, bom, encoding) = ("utf-16BE", 2, new UnicodeEncoding(true, false));
        }
        else if (LooksLikeUtf16(head, out var bigEndian))
        {
            encoding = new UnicodeEncoding(bigEndian, false);
            name = bigEndian ? "utf-16BE" : "utf-16";
        }
        else
        {
            name = "utf-8";
        }

        var decoder = encoding ?? new UTF8Encoding(false, false);
        var body = head[bom..];
        if (encoding is null && !IsValidUtf8Prefix(body, length < SniffBytes))
        {
            issues.FileError(Issues.File(ImportIssueCode.InvalidEncoding, ("encoding", "utf-8")));
            return null;
        }

        var text = decoder.GetString(body).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.FileError(Issues.File(ImportIssueCode.EmptyFile));
            return null;
        }

        var delimiter = options.Delimiter;
        var hint = false;
        var firstLine = FirstLine(text);
        if (firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && firstLine.TrimEnd().Length == 5)
        {
            delimiter = firstLine[4];
            hint = options.Delimiter is null;
        }
        else
        {
            delimiter ??= DetectDelimiter(firstLine);
        }

        if (delimiter is not (',' or ';' or '\t'))
        {
            issues.FileError(Issues.File(ImportIssueCode.UnsupportedDelimiter, ("delimiter", delimiter.ToString() ?? "")));
            return null;
        }

        return new CsvHoldingsReader(stream, encoding, name, delimiter, hint);
    }

    /// <summary>
    /// The records; quoting problems are reported through <paramref name="malformed"/> with their line, possibly
    /// before or after the record itself is returned.
    /// </summary>
    public IEnumerable<SourceRow> Rows(Action<int, CsvMalformedReason> malformed)
    {
        var csvOptions = new CsvReaderOptions
        {
            Separator = SeparatorHint ? null : Delimiter,
            DetectSeparatorHint = SeparatorHint,
            HasHeader = false,
            Encoding = Encoding,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed(checked((int)record.LineNumber), record.Reason),
        };

        using var reader = CsvReader.Create(Stream, csvOptions, leaveOpen: true);
        while (reader.Read())
        {
            var cells = new string?[reader.FieldCount];
            List<CellProblem>? problems = null;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
                if (Encoding is null && cells[i]!.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    // Bytes past the sniffed start that are not UTF-8 come out as replacement characters.
                    (problems ??= []).Add(new CellProblem(i, ImportIssueCode.InvalidEncoding, Issues.Arguments(("encoding", "utf-8"))));
                }
                else if (cells[i]!.Contains('\0', StringComparison.Ordinal) || HasLoneSurrogate(cells[i]!))
                {
                    // Binary content, or UTF-16 that is not: no database text column takes a NUL, and no text has half a
                    // character. The half is replaced (through UTF-8) so that the checks after this one can still read the row.
                    cells[i] = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(cells[i]!));
                    (problems ??= []).Add(new CellProblem(i, ImportIssueCode.InvalidEncoding, Issues.Arguments(("encoding", EncodingName))));
                }
            }

            yield return new SourceRow(checked((int)reader.LineNumber), cells, problems);
        }
    }

    private static bool HasLoneSurrogate(string cell)
    {
        for (var i = 0; i < cell.Length; i++)
        {
            if (char.IsHighSurrogate(cell[i]) && i + 1 < cell.Length && char.IsLowSurrogate(cell[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(cell[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> head, out bool bigEndian)
    {
        var sample = head[..(Math.Min(head.Length, 1024) & ~1)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        bigEndian = evenZeros > oddZeros;
        return pairs >= 2 && Math.Max(evenZeros, oddZeros) * 10 >= pairs * 3 && Math.Min(evenZeros, oddZeros) * 10 < pairs;
    }

    /// <summary>Valid UTF-8, allowing a sequence cut at the end of the sniffed bytes when more input follows.</summary>
    private static bool IsValidUtf8Prefix(ReadOnlySpan<byte> bytes, bool complete)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        if (complete)
        {
            return false;
        }

        for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^cut]))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstLine(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                return text[..i];
            }
        }

        return text;
    }

    private static char DetectDelimiter(string line)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in line)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    comma++;
                    break;
                case ';' when !quoted:
                    semicolon++;
                    break;
                case '\t' when !quoted:
                    tab++;
                    break;
            }
        }

        return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }
}
