using System.Globalization;
using CsvHelper;
using Rightscope.Core.Companies;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;

namespace Rightscope.Core.Benchmark;

/// <summary>What an import file holds: one element answer per row, or one indicator score per row.</summary>
public enum BenchmarkImportLevel
{
    Element,
    Indicator,
}

public enum BenchmarkField
{
    Company,
    Service,
    Indicator,
    Element,
    Answer,
    Score,
    Lei,
    Isin,
}

public enum BenchmarkIssueCode
{
    /// <summary>A <c>--map</c> entry is not <c>source=field</c> or names an unknown field.</summary>
    BadMapping,
    MissingColumn,
    EmptyFile,
    Required,
    UnknownIndicator,
    UnknownElement,
    ElementNotInIndicator,
    UnknownAnswer,
    NotANumber,
    OutOfRange,

    /// <summary>A service was named for something scored at company level only.</summary>
    CompanyLevelOnly,

    /// <summary>No service was named for something scored per service only.</summary>
    ServiceRequired,
    Duplicate,

    /// <summary>A company name or service name longer than the registry and the assessments store.</summary>
    TooLong,

    /// <summary>The file is not UTF-8 text (invalid byte sequences, or NUL bytes of a binary file).</summary>
    InvalidEncoding,

    /// <summary>A LEI whose format or check digits are wrong.</summary>
    InvalidLei,

    /// <summary>An ISIN whose format or check digit is wrong.</summary>
    InvalidIsin,

    /// <summary>Two rows of one company give different LEIs (or ISINs).</summary>
    IdentifierConflict,

    /// <summary>One LEI (or ISIN) given for two companies of the file.</summary>
    IdentifierShared,

    /// <summary>No registry company has the identifier.</summary>
    UnknownIdentifier,

    /// <summary>The identifier is one registry company's, the company name matches another's.</summary>
    IdentifierNameMismatch,

    /// <summary>The LEI and the ISIN of a company are two different registry companies'.</summary>
    IdentifiersDisagree,
}

/// <summary>A problem at a line (0: the file or the mapping) and field of the import; <see cref="Args"/> fill the localized message.</summary>
public sealed record BenchmarkIssue(int Line, string Field, BenchmarkIssueCode Code, IReadOnlyList<string> Args);

/// <summary>A normalized LEI or ISIN of a company and the line of the file that gave it first.</summary>
public sealed record RowIdentifier(string Value, int Line);

/// <summary>
/// One company's rows, ready for the engine: services in order of appearance, element answers or given indicator
/// scores, and the LEI and ISIN the file gives for it (they identify its registry company before its name does).
/// </summary>
public sealed record BenchmarkCompanyRows(string Name, IReadOnlyList<string> Services, IReadOnlyList<Answer> Answers, IReadOnlyList<GivenScore> Given)
{
    public RowIdentifier? Lei { get; init; }

    public RowIdentifier? Isin { get; init; }

    public AssessmentInput ToInput() => new(new Dictionary<string, string>(), Services, Answers, []) { Given = Given };
}

public sealed record BenchmarkImportResult(IReadOnlyList<BenchmarkCompanyRows> Companies, IReadOnlyList<BenchmarkIssue> Issues, int RowsRead, int BadRows, bool FileIssues)
{
    /// <summary>All or nothing: any issue stops the import unless bad rows are skipped (never a file-level issue).</summary>
    public bool CanWrite(bool skipBadRows) => !FileIssues && Companies.Count > 0 && (Issues.Count == 0 || skipBadRows);
}

/// <summary>
/// Reads benchmark results from CSV (issue 7): element answers <c>company, service, indicator, element, answer</c> or
/// indicator scores <c>company, service, indicator, score</c> (0–100 or NA; service empty or <c>company</c> for the
/// company level). Every key is checked against the methodology, including the scoring level of the indicator, so
/// the engine receives only valid input and aggregates it by the methodology's own rules. Optional <c>lei</c> and
/// <c>isin</c> columns identify the company (check digits verified; one identifier per company and one company per
/// identifier within the file).
/// </summary>
public static class BenchmarkImportReader
{
    public const string IndicatorLevel = "indicator";
    public const int MaxIssues = 200;
    public const int CompanyMaxLength = 200;
    public const int ServiceMaxLength = 100;
    private const int MaxRecordSize = 1024 * 1024;

    public static readonly IReadOnlyList<BenchmarkField> ElementColumns =
        [BenchmarkField.Company, BenchmarkField.Service, BenchmarkField.Indicator, BenchmarkField.Element, BenchmarkField.Answer];

    public static readonly IReadOnlyList<BenchmarkField> IndicatorColumns =
        [BenchmarkField.Company, BenchmarkField.Service, BenchmarkField.Indicator, BenchmarkField.Score];

    /// <summary>Columns either level may have.</summary>
    public static readonly IReadOnlyList<BenchmarkField> IdentifierColumns = [BenchmarkField.Lei, BenchmarkField.Isin];

    public static string Name(BenchmarkField field) => field.ToString().ToLowerInvariant();

    public static BenchmarkImportResult Read(Stream stream, Methodology methodology, BenchmarkImportLevel level, IEnumerable<string> mapping)
    {
        // Strict: a replacement character silently put into a company name is worse than a refused file.
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (System.Text.DecoderFallbackException)
        {
            return new([], [new(0, "file", BenchmarkIssueCode.InvalidEncoding, [])], 0, 0, true);
        }

        return Read(text, methodology, level, mapping);
    }

    /// <summary>The separator is whichever of comma, semicolon and tab occurs most often in the first line.</summary>
    public static BenchmarkImportResult Read(string text, Methodology methodology, BenchmarkImportLevel level, IEnumerable<string> mapping)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return new([], [new(0, "file", BenchmarkIssueCode.InvalidEncoding, [])], 0, 0, true);
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        var separator = new[] { ',', ';', '\t' }.OrderByDescending(c => first.Count(x => x == c)).First();
        try
        {
            return Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), separator, methodology, level, mapping);
        }
        catch (CsvFormatException e)
        {
            // A record over MaxRecordSize (a file without line breaks, or a quote never closed).
            return new([], [new((int)Math.Min(e.LineNumber, int.MaxValue), "file", BenchmarkIssueCode.TooLong, [MaxRecordSize.ToString(CultureInfo.InvariantCulture)])], 0, 0, true);
        }
    }

    private static BenchmarkImportResult Read(Stream stream, char separator, Methodology methodology, BenchmarkImportLevel level, IEnumerable<string> mapping)
    {
        var issues = new List<BenchmarkIssue>();
        var map = ParseMapping(mapping, issues);
        if (issues.Count > 0)
        {
            return new([], issues, 0, 0, true);
        }

        var tree = Tree.Of(methodology);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MaxRecordSize = MaxRecordSize,
            MalformedData = CsvMalformedDataHandling.Recover,
        }, leaveOpen: true);
        if (!csv.Read() || csv.FieldCount == 0)
        {
            return new([], [new(0, "file", BenchmarkIssueCode.EmptyFile, [])], 0, 0, true);
        }

        var header = new string[csv.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = csv.GetString(i) ?? "";
        }

        var required = level == BenchmarkImportLevel.Element ? ElementColumns : IndicatorColumns;
        var columns = new Dictionary<BenchmarkField, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            var field = map.TryGetValue(name, out var mapped) ? mapped : Enum.TryParse<BenchmarkField>(name, true, out var own) && !map.ContainsValue(own) ? own : (BenchmarkField?)null;
            if (field is { } f && (required.Contains(f) || IdentifierColumns.Contains(f)))
            {
                columns.TryAdd(f, i);
            }
        }

        foreach (var field in required.Where(f => f != BenchmarkField.Service && !columns.ContainsKey(f)))
        {
            issues.Add(new(1, Name(field), BenchmarkIssueCode.MissingColumn, [Name(field)]));
        }

        if (issues.Count > 0)
        {
            return new([], issues, 0, 0, true);
        }

        var companies = new Dictionary<string, Builder>(StringComparer.OrdinalIgnoreCase);
        var order = new List<Builder>();
        var seen = new Dictionary<(string Company, string Key, string Component), int>();
        var identifiers = new Identifiers();
        int rows = 0, bad = 0, omitted = 0;
        while (csv.Read())
        {
            rows++;
            var line = checked((int)csv.LineNumber);
            string Get(BenchmarkField field) => columns.TryGetValue(field, out var i) && i < csv.FieldCount ? (csv.GetString(i) ?? "").Trim() : "";
            var rowIssues = new List<BenchmarkIssue>();
            void Problem(BenchmarkField field, BenchmarkIssueCode code, params string[] args) => rowIssues.Add(new(line, Name(field), code, args));

            var company = Get(BenchmarkField.Company);
            var service = Get(BenchmarkField.Service);
            var indicatorKey = Get(BenchmarkField.Indicator);
            if (company.Length == 0)
            {
                Problem(BenchmarkField.Company, BenchmarkIssueCode.Required);
            }

            else if (company.Length > CompanyMaxLength)
            {
                Problem(BenchmarkField.Company, BenchmarkIssueCode.TooLong, CompanyMaxLength.ToString(CultureInfo.InvariantCulture));
            }

            if (service.Length > ServiceMaxLength)
            {
                Problem(BenchmarkField.Service, BenchmarkIssueCode.TooLong, ServiceMaxLength.ToString(CultureInfo.InvariantCulture));
            }

            if (level == BenchmarkImportLevel.Indicator && string.Equals(service, AssessmentInput.Company, StringComparison.OrdinalIgnoreCase))
            {
                service = "";
            }

            Node? indicator = null;
            if (indicatorKey.Length == 0)
            {
                Problem(BenchmarkField.Indicator, BenchmarkIssueCode.Required);
            }
            else if (!tree.Nodes.TryGetValue(indicatorKey, out var found) || found.Node.Level != IndicatorLevel)
            {
                Problem(BenchmarkField.Indicator, BenchmarkIssueCode.UnknownIndicator, indicatorKey);
            }
            else
            {
                indicator = found.Node;
            }

            string? key = null;
            string? option = null;
            double? score = null;
            ScoringLevel scoringLevel = ScoringLevel.Company;
            if (level == BenchmarkImportLevel.Element)
            {
                var elementKey = Get(BenchmarkField.Element);
                var answer = Get(BenchmarkField.Answer);
                if (elementKey.Length == 0)
                {
                    Problem(BenchmarkField.Element, BenchmarkIssueCode.Required);
                }
                else if (!tree.Nodes.TryGetValue(elementKey, out var element) || !element.Node.IsItem)
                {
                    Problem(BenchmarkField.Element, BenchmarkIssueCode.UnknownElement, elementKey);
                }
                else if (indicator is not null && element.Indicator != indicator.Key)
                {
                    Problem(BenchmarkField.Element, BenchmarkIssueCode.ElementNotInIndicator, elementKey, indicator.Key);
                }
                else
                {
                    key = element.Node.Key;
                    scoringLevel = element.Level;
                    var options = methodology.AnswerSets.First(s => s.Key == element.Node.AnswerSet).Options;
                    option = options.FirstOrDefault(o => string.Equals(o.Key, answer, StringComparison.OrdinalIgnoreCase))?.Key;
                    if (answer.Length == 0)
                    {
                        Problem(BenchmarkField.Answer, BenchmarkIssueCode.Required);
                    }
                    else if (option is null)
                    {
                        Problem(BenchmarkField.Answer, BenchmarkIssueCode.UnknownAnswer, answer, string.Join(", ", options.Select(o => o.Key)));
                    }
                }
            }
            else
            {
                var text = Get(BenchmarkField.Score);
                if (indicator is not null)
                {
                    key = indicator.Key;
                    scoringLevel = tree.Nodes[indicator.Key].Level;
                }

                if (text.Length == 0)
                {
                    Problem(BenchmarkField.Score, BenchmarkIssueCode.Required);
                }
                else if (!string.Equals(text, "NA", StringComparison.OrdinalIgnoreCase))
                {
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    {
                        Problem(BenchmarkField.Score, BenchmarkIssueCode.NotANumber, text);
                    }
                    else if (value is < 0 or > 100)
                    {
                        Problem(BenchmarkField.Score, BenchmarkIssueCode.OutOfRange, text);
                    }
                    else
                    {
                        score = value;
                    }
                }
            }

            if (key is not null)
            {
                if (service.Length > 0 && scoringLevel == ScoringLevel.Company)
                {
                    Problem(BenchmarkField.Service, BenchmarkIssueCode.CompanyLevelOnly, service, key);
                }
                else if (service.Length == 0 && scoringLevel == ScoringLevel.Service)
                {
                    Problem(BenchmarkField.Service, BenchmarkIssueCode.ServiceRequired, key);
                }
            }

            var lei = Identifier(BenchmarkField.Lei, Get(BenchmarkField.Lei));
            var isin = Identifier(BenchmarkField.Isin, Get(BenchmarkField.Isin));
            string? Identifier(BenchmarkField field, string text)
            {
                if (text.Length == 0)
                {
                    return null;
                }

                var (valid, value) = field == BenchmarkField.Lei
                    ? (Lei.TryParse(text, out var l), l.Value)
                    : (Isin.TryParse(text, out var i), i.Value);
                if (!valid)
                {
                    Problem(field, field == BenchmarkField.Lei ? BenchmarkIssueCode.InvalidLei : BenchmarkIssueCode.InvalidIsin, text);
                    return null;
                }

                if (identifiers.Conflict(field, company, value, line) is { } conflict)
                {
                    Problem(field, conflict.Code, conflict.Args);
                    return null;
                }

                return value;
            }

            if (rowIssues.Count == 0 && key is not null)
            {
                var component = service.Length == 0 ? AssessmentInput.Company : service;
                if (seen.TryGetValue((company.ToUpperInvariant(), key, component.ToUpperInvariant()), out var first))
                {
                    Problem(level == BenchmarkImportLevel.Element ? BenchmarkField.Element : BenchmarkField.Indicator,
                        BenchmarkIssueCode.Duplicate, first.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    seen.Add((company.ToUpperInvariant(), key, component.ToUpperInvariant()), line);
                }
            }

            if (rowIssues.Count > 0)
            {
                bad++;
                foreach (var issue in rowIssues)
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

                continue;
            }

            if (!companies.TryGetValue(company, out var builder))
            {
                builder = new Builder(company);
                companies.Add(company, builder);
                order.Add(builder);
            }

            identifiers.Accept(company, BenchmarkField.Lei, lei, line);
            identifiers.Accept(company, BenchmarkField.Isin, isin, line);
            builder.Identify(lei, isin, line);
            var componentKey = builder.Component(service);
            if (level == BenchmarkImportLevel.Element)
            {
                builder.Answers.Add(new Answer(key!, componentKey, option!, []));
            }
            else
            {
                builder.Given.Add(new GivenScore(key!, componentKey, score));
            }
        }

        if (rows == 0)
        {
            issues.Add(new(0, "file", BenchmarkIssueCode.EmptyFile, []));
            return new([], issues, 0, 0, true);
        }

        return new([.. order.Select(b => b.Build())], issues, rows, bad, false);
    }

    /// <summary>Column mapping entries <c>source=field</c>; the last '=' separates them.</summary>
    private static Dictionary<string, BenchmarkField> ParseMapping(IEnumerable<string> entries, List<BenchmarkIssue> issues)
    {
        var map = new Dictionary<string, BenchmarkField>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var at = entry.LastIndexOf('=');
            var source = at < 0 ? "" : entry[..at].Trim().ToLowerInvariant();
            var target = at < 0 ? "" : entry[(at + 1)..].Trim();
            if (source.Length == 0 || !Enum.TryParse<BenchmarkField>(target, true, out var field) || int.TryParse(target, out _) || !map.TryAdd(source, field))
            {
                issues.Add(new(0, "--map", BenchmarkIssueCode.BadMapping, [entry]));
            }
        }

        return map;
    }

    private sealed class Builder(string name)
    {
        private readonly List<string> _services = [];

        public List<Answer> Answers { get; } = [];

        public List<GivenScore> Given { get; } = [];

        /// <summary>The component key of a service named in a row: the first spelling seen (case-insensitive).</summary>
        public string Component(string service)
        {
            if (service.Length == 0)
            {
                return AssessmentInput.Company;
            }

            var known = _services.FirstOrDefault(s => string.Equals(s, service, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                _services.Add(service);
                known = service;
            }

            return known;
        }

        private RowIdentifier? _lei;
        private RowIdentifier? _isin;

        public void Identify(string? lei, string? isin, int line)
        {
            _lei ??= lei is null ? null : new RowIdentifier(lei, line);
            _isin ??= isin is null ? null : new RowIdentifier(isin, line);
        }

        public BenchmarkCompanyRows Build() => new(name, [.. _services], [.. Answers], [.. Given]) { Lei = _lei, Isin = _isin };
    }

    /// <summary>The identifiers accepted so far: each company has at most one LEI and one ISIN, each identifier one company.</summary>
    private sealed class Identifiers
    {
        private readonly Dictionary<(BenchmarkField, string Company), (string Value, int Line)> _ofCompany = [];
        private readonly Dictionary<(BenchmarkField, string Value), (string Company, int Line)> _company = [];

        public (BenchmarkIssueCode Code, string[] Args)? Conflict(BenchmarkField field, string company, string value, int line)
        {
            var label = field == BenchmarkField.Lei ? "LEI" : "ISIN";
            if (_ofCompany.TryGetValue((field, company.ToUpperInvariant()), out var given) && given.Value != value)
            {
                return (BenchmarkIssueCode.IdentifierConflict, [$"{label} {value}", $"{label} {given.Value}", given.Line.ToString(CultureInfo.InvariantCulture)]);
            }

            if (_company.TryGetValue((field, value), out var other) && !string.Equals(other.Company, company, StringComparison.OrdinalIgnoreCase))
            {
                return (BenchmarkIssueCode.IdentifierShared, [$"{label} {value}", other.Company, other.Line.ToString(CultureInfo.InvariantCulture)]);
            }

            return null;
        }

        public void Accept(string company, BenchmarkField field, string? value, int line)
        {
            if (value is not null)
            {
                _ofCompany.TryAdd((field, company.ToUpperInvariant()), (value, line));
                _company.TryAdd((field, value), (company, line));
            }
        }
    }

    /// <summary>Each node with its inherited scoring level and the indicator above it (or itself).</summary>
    internal sealed record Placed(Node Node, ScoringLevel Level, string? Indicator);

    internal sealed class Tree
    {
        public Dictionary<string, Placed> Nodes { get; } = new(StringComparer.Ordinal);

        public static Tree Of(Methodology methodology)
        {
            var tree = new Tree();
            foreach (var root in methodology.Structure)
            {
                tree.Add(root, ScoringLevel.Company, null);
            }

            return tree;
        }

        private void Add(Node node, ScoringLevel inherited, string? indicator)
        {
            var level = node.ScoringLevel ?? inherited;
            indicator = node.Level == IndicatorLevel ? node.Key : indicator;
            Nodes.TryAdd(node.Key, new Placed(node, level, indicator));
            foreach (var child in node.Children)
            {
                Add(child, level, indicator);
            }
        }
    }
}
