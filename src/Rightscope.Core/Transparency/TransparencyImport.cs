using System.Globalization;
using System.Text;
using CsvHelper;

namespace Rightscope.Core.Transparency;

/// <summary>What a government requests file holds: one request per line, or counts per period and cell.</summary>
public enum ImportKind
{
    Requests,
    Aggregates,
}

/// <summary>
/// Why a government requests file, its header or a line was refused. The web layer and the command line turn the code
/// and its arguments into a sentence (resource key <c>Import.{Code}</c>, arguments as <c>{0}</c>, <c>{1}</c>…). Names
/// are part of the contract: never rename one.
/// </summary>
public enum ImportIssueCode
{
    EmptyFile,
    FileTooLarge,
    InvalidEncoding,
    MalformedCsv,
    TooManyRows,
    NoRows,
    MappingMalformed,
    MappingUnknownField,
    CountryMapMalformed,
    KindUnknown,
    UnknownColumn,
    DuplicateColumn,
    MissingColumn,
    Required,
    DateInvalid,
    PeriodInvalid,
    CountryNotIso,
    CountryUnknown,
    CountryUnknownNamed,
    CodeUnknown,
    NotACount,
    OutcomesExceedRequests,
    YesNoInvalid,
    ValueTooLong,
    DuplicateCell,
}

/// <summary>One problem: the 1-based line (0: the file or the options), the field (a column of the schema), the code and its arguments.</summary>
public sealed record ImportIssue(int Line, string? Field, ImportIssueCode Code, IReadOnlyList<string> Arguments);

/// <summary>A request line of an import, validated.</summary>
public sealed record ImportedRequest(
    int Line,
    DateOnly ReceivedOn,
    string Country,
    string Authority,
    RequestType Type,
    LegalProcess Process,
    int AccountsSpecified,
    int ItemsSpecified,
    RequestDecision Decision,
    int ItemsDisclosedOrRemoved,
    bool NonDisclosureOrder,
    bool? UserNotified,
    string? Reference);

public sealed record ImportedAggregate(int Line, AggregateCount Count);

public sealed record TransparencyImportOptions
{
    /// <summary>The kind of file; null decides by the columns (a <c>requests</c> column means aggregates, <c>received_on</c> requests).</summary>
    public ImportKind? Kind { get; init; }

    /// <summary>Column mapping entries <c>SOURCE=FIELD</c>; FIELD <c>-</c> ignores a column.</summary>
    public IReadOnlyList<string> Mapping { get; init; } = [];

    public CountryMap CountryMap { get; init; } = CountryMap.Empty;

    /// <summary>Keep the good lines and list the bad ones, instead of refusing the whole file.</summary>
    public bool SkipBadRows { get; init; }
}

public sealed class TransparencyImportResult
{
    public ImportKind? Kind { get; internal set; }

    public List<ImportIssue> Issues { get; } = [];

    public List<ImportedRequest> Requests { get; } = [];

    public List<ImportedAggregate> Aggregates { get; } = [];

    public int RowsRead { get; internal set; }

    public int BadRows { get; internal set; }

    /// <summary>True when something was found wrong with the file itself (not only with lines).</summary>
    public bool FileFailed { get; internal set; }

    /// <summary>Whether the good lines may be written: no file error, and no bad line unless bad lines are skipped.</summary>
    public bool CanWrite(bool skipBadRows) => !FileFailed && (BadRows == 0 || skipBadRows) && Requests.Count + Aggregates.Count > 0;
}

/// <summary>
/// Reads a CSV of government requests or of aggregated counts (columns in docs/transparency-schema.md). UTF-8 (a byte
/// order mark is allowed), comma or semicolon separated, a header line first. Every problem is reported with its line and
/// field; nothing is guessed: unknown columns, codes and non-ISO countries are errors with a suggested fix.
/// </summary>
public static class TransparencyImport
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public const int MaxRows = 100_000;

    public const int AuthorityMaxLength = 300;

    public const int ReferenceMaxLength = 100;

    public static readonly IReadOnlyList<string> RequestColumns =
    [
        "received_on", "country", "authority", "request_type", "legal_process", "accounts_specified", "items_specified",
        "decision", "items_disclosed_or_removed", "non_disclosure_order", "user_notified", "reference",
    ];

    public static readonly IReadOnlyList<string> RequiredRequestColumns = ["received_on", "country", "authority", "request_type", "legal_process"];

    public static IReadOnlyList<string> AggregateColumns => TransparencyDocument.CsvColumns;

    public static readonly IReadOnlyList<string> RequiredAggregateColumns = ["period", "country", "request_type", "legal_process", "requests"];

    public static TransparencyImportResult Read(Stream stream, TransparencyImportOptions options)
    {
        var result = new TransparencyImportResult();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return FileError(result, ImportIssueCode.FileTooLarge, (MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture));
            }

            buffer.Write(chunk, 0, read);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return FileError(result, ImportIssueCode.InvalidEncoding);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return FileError(result, ImportIssueCode.EmptyFile);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // A binary file, or UTF-16 read as UTF-8; no database text column takes a NUL.
            return FileError(result, ImportIssueCode.InvalidEncoding);
        }

        foreach (var bad in options.CountryMap.Errors)
        {
            result.Issues.Add(new ImportIssue(0, "country", ImportIssueCode.CountryMapMalformed, [bad]));
            result.FileFailed = true;
        }

        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var end && end >= 0 ? end : text.Length));
        var separator = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        var rows = new List<(int Line, string[] Cells)>();
        var malformed = new List<int>();
        var csvOptions = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.Add(checked((int)record.LineNumber)),
        };
        using (var reader = CsvReader.Create(new StringReader(text), csvOptions))
        {
            while (reader.Read())
            {
                if (rows.Count > MaxRows)
                {
                    return FileError(result, ImportIssueCode.TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture));
                }

                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i) ?? "";
                }

                rows.Add((checked((int)reader.LineNumber), cells));
            }
        }

        foreach (var line in malformed.Distinct())
        {
            result.Issues.Add(new ImportIssue(line, null, ImportIssueCode.MalformedCsv, []));
            result.FileFailed = true;
        }

        if (rows.Count == 0)
        {
            return FileError(result, ImportIssueCode.EmptyFile);
        }

        var (headerLine, header) = rows[0];
        var mapping = ParseMapping(options.Mapping, result);
        var named = header.Select(h => mapping.TryGetValue(Key(h), out var field) ? field : Key(h)).ToArray();
        var kind = options.Kind ?? (named.Contains("requests") ? ImportKind.Aggregates : named.Contains("received_on") ? ImportKind.Requests : null);
        if (kind is null)
        {
            result.Issues.Add(new ImportIssue(headerLine, null, ImportIssueCode.KindUnknown, []));
            result.FileFailed = true;
            return result;
        }

        result.Kind = kind;
        var known = kind == ImportKind.Requests ? RequestColumns : AggregateColumns;
        var required = kind == ImportKind.Requests ? RequiredRequestColumns : RequiredAggregateColumns;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < named.Length; i++)
        {
            var field = named[i];
            if (field == "-")
            {
                continue;
            }

            if (!known.Contains(field))
            {
                // A column without a name is named by its position, so that the message can point at it.
                var shown = string.IsNullOrWhiteSpace(header[i]) ? $"#{(i + 1).ToString(CultureInfo.InvariantCulture)}" : header[i];
                result.Issues.Add(new ImportIssue(headerLine, shown, ImportIssueCode.UnknownColumn, [shown, string.Join(", ", known)]));
                result.FileFailed = true;
            }
            else if (!columns.TryAdd(field, i))
            {
                result.Issues.Add(new ImportIssue(headerLine, header[i], ImportIssueCode.DuplicateColumn, [field]));
                result.FileFailed = true;
            }
        }

        foreach (var missing in required.Where(r => !columns.ContainsKey(r)))
        {
            result.Issues.Add(new ImportIssue(headerLine, missing, ImportIssueCode.MissingColumn, [missing]));
            result.FileFailed = true;
        }

        if (result.FileFailed)
        {
            return result;
        }

        if (rows.Count == 1)
        {
            return FileError(result, ImportIssueCode.NoRows);
        }

        var cellsSeen = new Dictionary<(TransparencyPeriod, CellKey), int>();
        foreach (var (line, cells) in rows.Skip(1))
        {
            result.RowsRead++;
            var row = new Row(line, cells, columns, result.Issues);
            var before = result.Issues.Count;
            if (kind == ImportKind.Requests)
            {
                var request = ReadRequest(row, options.CountryMap);
                if (result.Issues.Count == before && request is not null)
                {
                    result.Requests.Add(request);
                }
            }
            else
            {
                var aggregate = ReadAggregate(row, options.CountryMap);
                if (aggregate is not null && !cellsSeen.TryAdd((aggregate.Count.Period, aggregate.Count.Key), line))
                {
                    row.Error("period", ImportIssueCode.DuplicateCell, cellsSeen[(aggregate.Count.Period, aggregate.Count.Key)].ToString(CultureInfo.InvariantCulture));
                }

                if (result.Issues.Count == before && aggregate is not null)
                {
                    result.Aggregates.Add(aggregate);
                }
            }

            if (result.Issues.Count > before)
            {
                result.BadRows++;
            }
        }

        return result;
    }

    /// <summary>The header key a column name is matched by: trimmed, lower case, spaces and hyphens as underscores.</summary>
    public static string Key(string header) =>
        string.Join('_', header.Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, string> ParseMapping(IReadOnlyList<string> entries, TransparencyImportResult result)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.SelectMany(e => e.Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var at = entry.LastIndexOf('=');
            var source = at < 0 ? "" : Key(entry[..at]);
            var target = at < 0 ? "" : entry[(at + 1)..].Trim();
            if (source.Length == 0 || target.Length == 0 || mapping.ContainsKey(source))
            {
                result.Issues.Add(new ImportIssue(0, null, ImportIssueCode.MappingMalformed, [entry]));
                result.FileFailed = true;
                continue;
            }

            var field = target == "-" ? "-" : Key(target);
            if (field != "-" && !RequestColumns.Contains(field) && !AggregateColumns.Contains(field))
            {
                result.Issues.Add(new ImportIssue(0, null, ImportIssueCode.MappingUnknownField, [entry, target]));
                result.FileFailed = true;
                continue;
            }

            mapping[source] = field;
        }

        return mapping;
    }

    private static ImportedRequest? ReadRequest(Row row, CountryMap map)
    {
        var receivedOn = row.Date("received_on");
        var country = row.Country(map);
        var authority = row.Text("authority", AuthorityMaxLength, required: true);
        var type = row.Code<RequestType>("request_type", required: true);
        var process = row.Code<LegalProcess>("legal_process", required: true);
        var accounts = row.Count("accounts_specified") ?? 0;
        var items = row.Count("items_specified") ?? 0;
        var decision = row.Code<RequestDecision>("decision", required: false) ?? RequestDecision.Pending;
        var affected = row.Count("items_disclosed_or_removed") ?? 0;
        var order = row.YesNo("non_disclosure_order") ?? false;
        var notified = row.YesNo("user_notified");
        var reference = row.Text("reference", ReferenceMaxLength, required: false);
        return receivedOn is { } day && country is not null && authority is not null && type is { } t && process is { } p
            ? new ImportedRequest(row.Line, day, country, authority, t, p, accounts, items, decision, affected, order, notified, reference)
            : null;
    }

    private static ImportedAggregate? ReadAggregate(Row row, CountryMap map)
    {
        var period = row.Period("period");
        var country = row.Country(map);
        var type = row.Code<RequestType>("request_type", required: true);
        var process = row.Code<LegalProcess>("legal_process", required: true);
        var requests = row.Count("requests", required: true);
        var counts = new RequestCounts(
            requests ?? 0,
            row.Count("accounts_specified") ?? 0,
            row.Count("complied_fully") ?? 0,
            row.Count("complied_partially") ?? 0,
            row.Count("rejected") ?? 0,
            row.Count("challenged_in_court") ?? 0);
        if (requests is not null && !counts.IsConsistent)
        {
            row.Error("requests", ImportIssueCode.OutcomesExceedRequests,
                counts.Decided.ToString(CultureInfo.InvariantCulture), counts.Requests.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        return period is not null && country is not null && type is { } t && process is { } p && requests is not null
            ? new ImportedAggregate(row.Line, new AggregateCount(period, new CellKey(country, t, p), counts))
            : null;
    }

    private static TransparencyImportResult FileError(TransparencyImportResult result, ImportIssueCode code, params string[] arguments)
    {
        result.Issues.Add(new ImportIssue(0, null, code, arguments));
        result.FileFailed = true;
        return result;
    }

    private sealed class Row(int line, string[] cells, Dictionary<string, int> columns, List<ImportIssue> issues)
    {
        public int Line => line;

        public void Error(string field, ImportIssueCode code, params string[] arguments) => issues.Add(new ImportIssue(line, field, code, arguments));

        private string? Value(string field) =>
            columns.TryGetValue(field, out var index) && index < cells.Length && cells[index].Trim() is { Length: > 0 } value ? value : null;

        public string? Text(string field, int maxLength, bool required)
        {
            var value = Value(field);
            if (value is null)
            {
                if (required)
                {
                    Error(field, ImportIssueCode.Required);
                }

                return null;
            }

            if (value.Length > maxLength)
            {
                Error(field, ImportIssueCode.ValueTooLong, maxLength.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            return value;
        }

        public DateOnly? Date(string field)
        {
            var value = Value(field);
            if (value is null)
            {
                Error(field, ImportIssueCode.Required);
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day.Year is >= TransparencyPeriod.FirstYear and <= TransparencyPeriod.LastYear)
            {
                return day;
            }

            Error(field, ImportIssueCode.DateInvalid, value);
            return null;
        }

        public TransparencyPeriod? Period(string field)
        {
            var value = Value(field);
            if (value is null)
            {
                Error(field, ImportIssueCode.Required);
                return null;
            }

            if (TransparencyPeriod.TryParse(value, out var period))
            {
                return period;
            }

            Error(field, ImportIssueCode.PeriodInvalid, value);
            return null;
        }

        public string? Country(CountryMap map)
        {
            var value = Value("country");
            var resolved = CountryCodes.Resolve(value, map);
            switch (resolved.Status)
            {
                case CountryStatus.Valid:
                    return resolved.Code;
                case CountryStatus.Missing:
                    Error("country", ImportIssueCode.Required);
                    return null;
                case CountryStatus.NotIso:
                    Error("country", ImportIssueCode.CountryNotIso, value!, resolved.Suggestion!);
                    return null;
                default:
                    if (resolved.Suggestion is { } named)
                    {
                        Error("country", ImportIssueCode.CountryUnknownNamed, value!, named);
                    }
                    else
                    {
                        Error("country", ImportIssueCode.CountryUnknown, value!);
                    }

                    return null;
            }
        }

        public TEnum? Code<TEnum>(string field, bool required)
            where TEnum : struct, Enum
        {
            var value = Value(field);
            if (value is null)
            {
                if (required)
                {
                    Error(field, ImportIssueCode.Required);
                }

                return null;
            }

            if (TransparencyCodes.TryParse<TEnum>(value, out var parsed))
            {
                return parsed;
            }

            Error(field, ImportIssueCode.CodeUnknown, value, string.Join(", ", TransparencyCodes.Codes<TEnum>()));
            return null;
        }

        public int? Count(string field, bool required = false)
        {
            var value = Value(field);
            if (value is null)
            {
                if (required)
                {
                    Error(field, ImportIssueCode.Required);
                }

                return null;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 100_000_000)
            {
                return count;
            }

            Error(field, ImportIssueCode.NotACount, value);
            return null;
        }

        public bool? YesNo(string field)
        {
            var value = Value(field)?.ToLowerInvariant();
            switch (value)
            {
                case null:
                    return null;
                case "yes" or "true" or "1" or "y":
                    return true;
                case "no" or "false" or "0" or "n":
                    return false;
                default:
                    Error(field, ImportIssueCode.YesNoInvalid, Value(field)!);
                    return null;
            }
        }
    }
}
