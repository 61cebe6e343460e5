using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;

namespace Rightscope.Core.Portfolios.Import;

/// <summary>
/// Reads a holdings snapshot from CSV or XLSX and validates it, without writing anything: the result is the preview
/// and validation report (docs/holdings-import.md). Bad input never throws; it gives a report whose issues say what
/// and where. Only cancellation throws.
/// </summary>
public static class HoldingsImporter
{
    /// <summary>Non-seekable XLSX input is buffered in memory up to this size (a ZIP needs random access).</summary>
    private const long MaxBufferedXlsxBytes = 256L * 1024 * 1024;

    public static HoldingsImportResult Import(Stream input, HoldingsImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new HoldingsImportOptions();
        var issues = new IssueCollector(Math.Max(0, options.MaxIssues));
        foreach (var error in options.Mapping.Errors)
        {
            issues.FileError(error);
        }

        if (issues.HasFileErrors)
        {
            return Result(options.Format, issues, null, [], null, default);
        }

        var format = options.Format;
        var stream = input;
        if (format == HoldingsFileFormat.Auto)
        {
            var head = new byte[8];
            var length = ReadAtMost(input, head);
            stream = new PrefixedStream(head, length, input);
            var span = head.AsSpan(0, length);
            if (span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            {
                // An OLE compound file: a legacy .xls, or an encrypted .xlsx (Excel wraps those in one).
                issues.FileError(Issues.File(ImportIssueCode.UnsupportedFileType, ("detected", "xls-or-encrypted")));
                return Result(format, issues, null, [], null, default);
            }

            format = span.StartsWith("PK\x03\x04"u8) ? HoldingsFileFormat.Xlsx : HoldingsFileFormat.Csv;
        }

        return format == HoldingsFileFormat.Xlsx
            ? ImportXlsx(stream, options, issues, cancellationToken)
            : ImportCsv(stream, options, issues, cancellationToken);
    }

    private static HoldingsImportResult ImportCsv(Stream input, HoldingsImportOptions options, IssueCollector issues, CancellationToken cancellationToken)
    {
        CsvHoldingsReader? reader;
        try
        {
            reader = CsvHoldingsReader.Open(input, options, issues);
        }
        catch (IOException e)
        {
            issues.FileError(Issues.File(ImportIssueCode.MalformedCsv, ("reason", e.GetType().Name)));
            reader = null;
        }

        if (reader is null)
        {
            return Result(HoldingsFileFormat.Csv, issues, null, [], null, default);
        }

        var separator = options.DecimalSeparator switch
        {
            DecimalSeparator.Point => '.',
            DecimalSeparator.Comma => ',',
            _ => reader.Delimiter == ';' ? ',' : '.',
        };
        var builder = new HoldingsBuilder(options, separator, issues);
        var malformed = new List<(int Line, CsvMalformedReason Reason)>();
        try
        {
            foreach (var row in reader.Rows((line, reason) => malformed.Add((line, reason))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                builder.Add(row);
                if (builder.Stopped)
                {
                    break;
                }
            }
        }
        catch (CsvFormatException e)
        {
            issues.FileError(new ImportIssue((int)Math.Min(e.LineNumber, int.MaxValue), null, ImportIssueCode.MalformedCsv,
                Issues.Arguments(("reason", "record-too-large")), IssueSeverity.Error));
        }
        catch (DecoderFallbackException)
        {
            issues.FileError(Issues.File(ImportIssueCode.InvalidEncoding, ("encoding", reader.EncodingName)));
        }
        catch (IOException e)
        {
            issues.FileError(Issues.File(ImportIssueCode.MalformedCsv, ("reason", e.GetType().Name)));
        }

        // Quoting problems are reported by the scanner, possibly before or after their record was returned.
        foreach (var (line, reason) in malformed.Where(m => m.Line > builder.HeaderLine || builder.HeaderLine == 0))
        {
            issues.Add(new ImportIssue(line, null, ImportIssueCode.MalformedQuoting, Issues.Arguments(("reason", reason.ToString())), IssueSeverity.Error));
            builder.MarkBad(line);
        }

        var (rows, sum) = builder.Finish();
        return Result(HoldingsFileFormat.Csv, issues, builder, rows, sum, (reader.EncodingName, reader.Delimiter, null));
    }

    private static HoldingsImportResult ImportXlsx(Stream input, HoldingsImportOptions options, IssueCollector issues, CancellationToken cancellationToken)
    {
        Stream? buffered = null;
        XlsxHoldingsReader? reader = null;
        HoldingsBuilder? builder = null;
        try
        {
            var stream = input.CanSeek ? input : buffered = Buffer(input);
            if (stream is null)
            {
                issues.FileError(Issues.File(ImportIssueCode.XlsxUnreadable, ("reason", "too-large")));
                return Result(HoldingsFileFormat.Xlsx, issues, null, [], null, default);
            }

            reader = XlsxHoldingsReader.Open(stream, options, issues);
            if (reader is null)
            {
                return Result(HoldingsFileFormat.Xlsx, issues, null, [], null, default);
            }

            builder = new HoldingsBuilder(options, options.DecimalSeparator == DecimalSeparator.Comma ? ',' : '.', issues) { Merges = reader.Merges };
            foreach (var row in reader.Rows())
            {
                cancellationToken.ThrowIfCancellationRequested();
                builder.Add(row);
                if (builder.Stopped)
                {
                    break;
                }
            }

            if (reader.FormulaCells > 0)
            {
                issues.Add(new ImportIssue(0, null, ImportIssueCode.XlsxFormulaCachedValues, Issues.Arguments(
                    ("count", Issues.Invariant(reader.FormulaCells)), ("cell", reader.FirstFormulaCell ?? "")), IssueSeverity.Warning));
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
            or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or UnauthorizedAccessException)
        {
            // The SDK and System.IO.Packaging report a damaged package, ZIP or XML in these ways.
            issues.FileError(Issues.File(ImportIssueCode.XlsxUnreadable, ("reason", e.GetType().Name)));
        }
        finally
        {
            reader?.Dispose();
            buffered?.Dispose();
        }

        if (builder is null)
        {
            return Result(HoldingsFileFormat.Xlsx, issues, null, [], null, default);
        }

        var (rows, sum) = builder.Finish();
        return Result(HoldingsFileFormat.Xlsx, issues, builder, rows, sum, (null, null, reader?.SheetName));
    }

    private static MemoryStream? Buffer(Stream input)
    {
        var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            memory.Write(chunk, 0, read);
            if (memory.Length > MaxBufferedXlsxBytes)
            {
                memory.Dispose();
                return null;
            }
        }

        memory.Position = 0;
        return memory;
    }

    private static int ReadAtMost(Stream input, byte[] buffer)
    {
        var length = 0;
        int read;
        while (length < buffer.Length && (read = input.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return length;
    }

    private static HoldingsImportResult Result(
        HoldingsFileFormat format,
        IssueCollector issues,
        HoldingsBuilder? builder,
        IReadOnlyList<HoldingRow> rows,
        double? weightSum,
        (string? Encoding, char? Delimiter, string? Sheet) source)
    {
        var badRows = builder?.BadRows ?? 0;
        var canWrite = !issues.HasFileErrors && rows.Count > 0 && (badRows == 0 || builder!.SkipsBadRows);
        return new HoldingsImportResult
        {
            Format = format,
            Encoding = source.Encoding,
            Delimiter = source.Delimiter,
            Sheet = source.Sheet,
            HeaderLine = builder?.HeaderLine ?? 0,
            Columns = builder?.Columns ?? [],
            RowsRead = builder?.RowsRead ?? 0,
            BadRows = badRows,
            Rows = rows,
            Issues = issues.Issues,
            IssuesOmitted = issues.Omitted,
            IssueCounts = issues.Counts,
            HasFileErrors = issues.HasFileErrors,
            WeightSum = weightSum,
            Fingerprint = rows.Count == 0 ? null : Fingerprint(rows),
            CanWrite = canWrite,
        };
    }

    /// <summary>
    /// SHA-256 over one canonical line per row (identifiers, country, name, numbers in invariant round-trip form,
    /// currency), the lines sorted ordinally so row order does not matter. The line number is left out.
    /// </summary>
    public static string Fingerprint(IEnumerable<HoldingRow> rows)
    {
        var lines = rows.Select(Canonical).ToList();
        lines.Sort(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Canonical(HoldingRow row) => string.Join('\u001F',
        row.Isin?.Value ?? "",
        row.Lei?.Value ?? "",
        row.Ticker?.Value ?? "",
        row.Country?.Alpha2 ?? "",
        row.Name is null ? "" : TextInput.UnicodeText.Normalize(row.Name, NormalizationForm.FormC),
        row.WeightPercent?.ToString("R", CultureInfo.InvariantCulture) ?? "",
        row.MarketValueMinorUnits?.ToString(CultureInfo.InvariantCulture) ?? "",
        row.Currency?.Code ?? "",
        row.Shares is { } shares ? (shares / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "");
}
