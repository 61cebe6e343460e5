using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rightscope.Core.Exports;

namespace Rightscope.Core.Transparency;

/// <summary>
/// A transparency report as it is exported and as a publication freezes it: the JSON schema
/// <c>rightscope-transparency/1</c> (docs/transparency-schema.md). Keys are snake_case; codes are the fixed lists'
/// kebab-case codes; the CSV export has one line per cell with the columns of <see cref="CsvColumns"/>, which is also
/// the layout the aggregate import reads, so an export can be loaded into another workspace unchanged.
/// </summary>
public sealed record TransparencyDocument
{
    public const string SchemaName = "rightscope-transparency/1";

    /// <summary>The CSV export's columns, in order (the aggregate import's default columns).</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
        ["period", "country", "request_type", "legal_process", "requests", "accounts_specified", "complied_fully", "complied_partially", "rejected", "challenged_in_court"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string Schema { get; init; } = SchemaName;

    /// <summary>The organization's slug.</summary>
    public required string Organization { get; init; }

    public required string OrganizationName { get; init; }

    public required string Period { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>When the report was published (UTC, ISO 8601); null for a live preview or an unpublished export.</summary>
    public string? PublishedAt { get; init; }

    public required Counts Totals { get; init; }

    public required IReadOnlyList<CountryRow> ByCountry { get; init; }

    public required IReadOnlyList<TypeRow> ByRequestType { get; init; }

    public required IReadOnlyList<ProcessRow> ByLegalProcess { get; init; }

    public required IReadOnlyList<CellRow> Cells { get; init; }

    /// <summary>Register requests not counted because an imported aggregate covers their cell.</summary>
    public int SupersededRequests { get; init; }

    /// <summary>The numbers of one cell or breakdown; <c>pending</c> = requests not decided yet.</summary>
    public sealed record Counts(
        int Requests, int AccountsSpecified, int CompliedFully, int CompliedPartially, int Rejected, int ChallengedInCourt, int Pending, double? ShareSomeDataProduced)
    {
        public static Counts From(RequestCounts c) => new(
            c.Requests, c.AccountsSpecified, c.CompliedFully, c.CompliedPartially, c.Rejected, c.ChallengedInCourt, c.Pending,
            c.ShareSomeDataProduced is { } share ? Math.Round(share, 4) : null);

        public RequestCounts ToCounts() => new(Requests, AccountsSpecified, CompliedFully, CompliedPartially, Rejected, ChallengedInCourt);
    }

    public sealed record CountryRow(string Country, Counts Counts);

    public sealed record TypeRow(string RequestType, Counts Counts);

    public sealed record ProcessRow(string LegalProcess, Counts Counts);

    public sealed record CellRow(string Country, string RequestType, string LegalProcess, string Source, Counts Counts);

    public static TransparencyDocument Create(TransparencyFigures figures, string organization, string organizationName, DateTime? publishedAt) => new()
    {
        Organization = organization,
        OrganizationName = organizationName,
        Period = figures.Period.ToString(),
        From = Iso(figures.Period.From),
        To = Iso(figures.Period.To),
        PublishedAt = publishedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Totals = Counts.From(figures.Totals),
        ByCountry = [.. figures.ByCountry.Select(c => new CountryRow(c.Country, Counts.From(c.Counts)))],
        ByRequestType = [.. figures.ByType.Select(t => new TypeRow(TransparencyCodes.Code(t.Type), Counts.From(t.Counts)))],
        ByLegalProcess = [.. figures.ByProcess.Select(p => new ProcessRow(TransparencyCodes.Code(p.Process), Counts.From(p.Counts)))],
        Cells = [.. figures.Cells.Select(c => new CellRow(
            c.Key.Country, TransparencyCodes.Code(c.Key.Type), TransparencyCodes.Code(c.Key.Process), TransparencyCodes.Code(c.Source), Counts.From(c.Counts)))],
        SupersededRequests = figures.SupersededRequests,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TransparencyDocument FromJson(string json) =>
        JsonSerializer.Deserialize<TransparencyDocument>(json, Json) ?? throw new JsonException("An empty transparency document.");

    /// <summary>The CSV export: a header line, then one line per cell; UTF-8 without a byte order mark, CRLF line ends (RFC 4180).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(SafeCsv.Line(CsvColumns)).Append("\r\n");
        foreach (var cell in Cells)
        {
            var c = cell.Counts;
            csv.Append(SafeCsv.Line([
                Period, cell.Country, cell.RequestType, cell.LegalProcess,
                Int(c.Requests), Int(c.AccountsSpecified), Int(c.CompliedFully), Int(c.CompliedPartially), Int(c.Rejected), Int(c.ChallengedInCourt)]))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
