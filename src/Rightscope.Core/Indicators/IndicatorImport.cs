using System.Globalization;
using CsvHelper;
using Rightscope.Core.Companies;

namespace Rightscope.Core.Indicators;

/// <summary>A column of an indicator file.</summary>
public enum IndicatorField
{
    Indicator,
    Country,
    Year,
    Value,
    Unit,
    Sex,
    AgeGroup,
    Location,
    Disability,
    Source,
}

/// <summary>What is wrong with a file, a row or a cell.</summary>
public enum IndicatorIssueCode
{
    NotUtf8,
    NoHeader,
    MissingColumn,
    DuplicateColumn,
    BadMapping,
    Required,
    UnknownIndicator,
    UnknownCountry,
    BadYear,
    NotANumber,
    UnitMismatch,
    BadSex,
    BadAgeGroup,
    BadLocation,
    BadDisability,
    TooLong,
    Duplicate,
    TooManyRows,

    /// <summary>A header and no data row.</summary>
    NoRows,
}

/// <summary>One problem: the file line (0 for the whole file), the field as named in the file format, and the offending text.</summary>
public sealed record IndicatorIssue(int Line, string Field, IndicatorIssueCode Code, string Value = "", int OtherLine = 0);

/// <summary>A valid row: the country as ISO alpha-2, the breakdown normalized (an empty part is the total).</summary>
public sealed record IndicatorRow(int Line, string IndicatorKey, string Country, int Year, double Value, string Unit, Breakdown Breakdown, string Source);

/// <summary>What reading a file gave: the valid rows, the issues, and whether anything may be written.</summary>
public sealed record IndicatorImportResult(IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<IndicatorIssue> Issues, int RowsRead, int BadRows, int IssuesOmitted, bool SkipBadRows)
{
    /// <summary>Nothing is written when the file has an error, unless bad rows are skipped and the file itself is readable.</summary>
    public bool CanWrite =>
        !Issues.Any(i => i.Line == 0) && Rows.Count > 0 && (BadRows == 0 || SkipBadRows);
}

/// <summary>
/// Reads an indicator file (CSV, UTF-8, comma-separated, one header line) with the columns <c>indicator, country, year,
/// value, unit, sex, age_group, location, disability, source</c> (the first four required; the rest optional), checks
/// every cell against the catalog and ISO 3166-1, and rejects duplicate (indicator, country, year, breakdown) rows.
/// Column names may be mapped (<c>SOURCE=field</c>), e.g. <c>iso3=country</c>.
/// </summary>
public static class IndicatorImport
{
    public const int MaxRows = 500_000;
    public const int MaxIssues = 200;
    public const int SourceMaxLength = 300;
    public const int UnitMaxLength = 40;
    public const int FirstYear = 1960;
    public const int LastYear = 2100;
    private const int MaxRecordBytes = 1024 * 1024;

    /// <summary>The field's name in the file format.</summary>
    public static string Name(IndicatorField field) => field switch
    {
        IndicatorField.AgeGroup => "age_group",
        _ => field.ToString().ToLowerInvariant(),
    };

    private static readonly Dictionary<string, IndicatorField> ByName =
        Enum.GetValues<IndicatorField>().ToDictionary(Name, f => f, StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses mapping lines <c>SOURCE=FIELD</c> (source column name in the file, field of the format); errors name the entry.</summary>
    public static IReadOnlyDictionary<string, IndicatorField> ParseMapping(IEnumerable<string> entries, List<IndicatorIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(issues);
        var mapping = new Dictionary<string, IndicatorField>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in entries.SelectMany(e => e.Split('\n')).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !ByName.TryGetValue(raw[(equals + 1)..].Trim(), out var field) || !mapping.TryAdd(raw[..equals].Trim(), field))
            {
                issues.Add(new IndicatorIssue(0, "map", IndicatorIssueCode.BadMapping, raw));
            }
        }

        return mapping;
    }

    public static IndicatorImportResult Read(Stream input, IndicatorCatalog catalog, IReadOnlyDictionary<string, IndicatorField> mapping, bool skipBadRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(mapping);
        var issues = new List<IndicatorIssue>();
        var omitted = 0;
        void Add(IndicatorIssue issue)
        {
            if (issues.Count < MaxIssues)
            {
                issues.Add(issue);
            }
            else
            {
                omitted++;
            }
        }

        IndicatorImportResult Done(List<IndicatorRow> rows, int read, int bad) => new(rows, issues, read, bad, omitted, skipBadRows);

        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var reader = CsvReader.Create(input, options, leaveOpen: true);
        var rows = new List<IndicatorRow>();
        var seen = new Dictionary<(string, string, int, Breakdown), int>();
        var read = 0;
        var bad = 0;
        try
        {
            return ReadRecords();
        }
        catch (CsvFormatException e)
        {
            // A record over MaxRecordSize (a file without line breaks, or a quote never closed): refused as a whole.
            Add(new IndicatorIssue((int)Math.Min(e.LineNumber, int.MaxValue), "file", IndicatorIssueCode.TooLong,
                MaxRecordBytes.ToString(CultureInfo.InvariantCulture)));
            return Done([], read, bad);
        }

        IndicatorImportResult ReadRecords()
        {
            if (!reader.Read())
            {
                Add(new IndicatorIssue(0, "file", IndicatorIssueCode.NoHeader));
                return Done(rows, 0, 0);
            }

            var columns = new Dictionary<IndicatorField, int>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = (reader.GetString(i) ?? "").Trim().TrimStart('\uFEFF');
                if (!IsText(name))
                {
                    Add(new IndicatorIssue(0, "file", IndicatorIssueCode.NotUtf8));
                    return Done(rows, 0, 0);
                }

                if (!mapping.TryGetValue(name, out var field) && !ByName.TryGetValue(name, out field))
                {
                    continue;
                }

                if (!columns.TryAdd(field, i))
                {
                    Add(new IndicatorIssue(0, Name(field), IndicatorIssueCode.DuplicateColumn, name));
                }
            }

            foreach (var required in new[] { IndicatorField.Indicator, IndicatorField.Country, IndicatorField.Year, IndicatorField.Value })
            {
                if (!columns.ContainsKey(required))
                {
                    Add(new IndicatorIssue(0, Name(required), IndicatorIssueCode.MissingColumn));
                }
            }

            if (issues.Count > 0)
            {
                return Done(rows, 0, 0);
            }

            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                if (read > MaxRows)
                {
                    Add(new IndicatorIssue(0, "file", IndicatorIssueCode.TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture)));
                    return Done(rows, read - 1, bad);
                }

                var line = checked((int)reader.LineNumber);
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = (reader.GetString(i) ?? "").Trim();
                }

                if (!cells.All(IsText))
                {
                    Add(new IndicatorIssue(0, "file", IndicatorIssueCode.NotUtf8, line.ToString(CultureInfo.InvariantCulture)));
                    return Done(rows, read, bad + 1);
                }

                string Cell(IndicatorField field) => columns.TryGetValue(field, out var i) && i < cells.Length ? cells[i] : "";
                var before = issues.Count + omitted;
                var row = ReadRow(line, Cell, catalog, Add);
                if (row is not null)
                {
                    var key = (row.IndicatorKey, row.Country, row.Year, row.Breakdown);
                    if (seen.TryGetValue(key, out var first))
                    {
                        Add(new IndicatorIssue(line, Name(IndicatorField.Indicator), IndicatorIssueCode.Duplicate, row.IndicatorKey, first));
                        row = null;
                    }
                    else
                    {
                        seen[key] = line;
                    }
                }

                if (row is null || issues.Count + omitted > before)
                {
                    bad++;
                    continue;
                }

                rows.Add(row);
            }

            if (read == 0)
            {
                Add(new IndicatorIssue(0, "file", IndicatorIssueCode.NoRows));
            }

            return Done(rows, read, bad);
        }
    }

    /// <summary>Not UTF-8 (decoded to replacement characters) or binary (NUL, which no database text column takes).</summary>
    private static bool IsText(string cell) => !cell.AsSpan().ContainsAny('\uFFFD', '\0');

    private static IndicatorRow? ReadRow(int line, Func<IndicatorField, string> cell, IndicatorCatalog catalog, Action<IndicatorIssue> add)
    {
        var ok = true;
        void Fail(IndicatorField field, IndicatorIssueCode code, string value)
        {
            add(new IndicatorIssue(line, Name(field), code, value));
            ok = false;
        }

        var key = cell(IndicatorField.Indicator);
        var definition = catalog.Indicator(key);
        if (key.Length == 0)
        {
            Fail(IndicatorField.Indicator, IndicatorIssueCode.Required, key);
        }
        else if (definition is null)
        {
            Fail(IndicatorField.Indicator, IndicatorIssueCode.UnknownIndicator, key);
        }

        var countryText = cell(IndicatorField.Country);
        Country.TryParse(countryText, out var country);
        if (countryText.Length == 0)
        {
            Fail(IndicatorField.Country, IndicatorIssueCode.Required, countryText);
        }
        else if (country is null)
        {
            Fail(IndicatorField.Country, IndicatorIssueCode.UnknownCountry, countryText);
        }

        var yearText = cell(IndicatorField.Year);
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < FirstYear || year > LastYear)
        {
            Fail(IndicatorField.Year, yearText.Length == 0 ? IndicatorIssueCode.Required : IndicatorIssueCode.BadYear, yearText);
        }

        var valueText = cell(IndicatorField.Value);
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(IndicatorField.Value, valueText.Length == 0 ? IndicatorIssueCode.Required : IndicatorIssueCode.NotANumber, valueText);
        }

        var unit = cell(IndicatorField.Unit);
        if (definition is not null && unit.Length > 0 && !string.Equals(unit, definition.Unit, StringComparison.OrdinalIgnoreCase))
        {
            Fail(IndicatorField.Unit, IndicatorIssueCode.UnitMismatch, unit);
        }

        if (!Breakdown.TryParseSex(cell(IndicatorField.Sex), out var sex))
        {
            Fail(IndicatorField.Sex, IndicatorIssueCode.BadSex, sex);
        }

        if (!Breakdown.TryParseAgeGroup(cell(IndicatorField.AgeGroup), out var age))
        {
            Fail(IndicatorField.AgeGroup, IndicatorIssueCode.BadAgeGroup, age);
        }

        if (!Breakdown.TryParseLocation(cell(IndicatorField.Location), out var location))
        {
            Fail(IndicatorField.Location, IndicatorIssueCode.BadLocation, location);
        }

        if (!Breakdown.TryParseDisability(cell(IndicatorField.Disability), out var disability))
        {
            Fail(IndicatorField.Disability, IndicatorIssueCode.BadDisability, disability);
        }

        var source = cell(IndicatorField.Source);
        if (source.Length > SourceMaxLength)
        {
            Fail(IndicatorField.Source, IndicatorIssueCode.TooLong, SourceMaxLength.ToString(CultureInfo.InvariantCulture));
        }

        return ok
            ? new IndicatorRow(line, definition!.Key, country!.Alpha2, year, value, definition.Unit, new Breakdown(sex, age, location, disability), source)
            : null;
    }
}
