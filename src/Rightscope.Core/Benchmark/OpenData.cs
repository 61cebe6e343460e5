using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rightscope.Core.Exports;

namespace Rightscope.Core.Benchmark;

/// <summary>One row of a published edition: a company's total, a category score or an indicator score (null: not applicable).</summary>
public sealed record OpenDataRow(
    [property: JsonPropertyName("company")] string Company,
    [property: JsonPropertyName("company_slug")] string CompanySlug,
    [property: JsonPropertyName("company_id")] string? CompanyId,
    [property: JsonPropertyName("lei")] string? Lei,
    [property: JsonPropertyName("isin")] string? Isin,
    [property: JsonPropertyName("rank")] int? Rank,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("score")] double? Score);

/// <summary>A published edition as downloaded: metadata, licence, content hash and rows (docs/open-data-schema.md).</summary>
public sealed record OpenDataEdition(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("publisher")] string Publisher,
    [property: JsonPropertyName("publisher_slug")] string PublisherSlug,
    [property: JsonPropertyName("edition")] string Edition,
    [property: JsonPropertyName("edition_slug")] string EditionSlug,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("methodology")] string Methodology,
    [property: JsonPropertyName("licence")] string Licence,
    [property: JsonPropertyName("published_on")] string PublishedOn,
    [property: JsonPropertyName("content_sha256")] string ContentSha256,
    [property: JsonPropertyName("rows")] IReadOnlyList<OpenDataRow> Rows);

/// <summary>
/// The open data of a benchmark edition (issue 7, DESIGN §9.14). The content hash is SHA-256 over the canonical rows:
/// each row as <c>company_slug TAB kind TAB key TAB score</c> (score in shortest round-trip form with a '.' decimal
/// point, or <c>NA</c>) followed by a line feed, rows sorted by those four fields in ordinal order, UTF-8, lower-case hex.
/// </summary>
public static class OpenData
{
    public const string Schema = "rightscope/benchmark-open-data@2";
    public const string DefaultLicence = "CC-BY-4.0";
    public const string TotalKind = "total";
    public const string CategoryKind = "category";
    public const string IndicatorKind = "indicator";

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "publisher", "edition", "year", "methodology", "licence", "published_on",
        "company", "company_slug", "company_id", "lei", "isin", "rank", "kind", "key", "category", "score", "content_sha256",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static string Number(double? score) => score is { } s ? s.ToString("R", CultureInfo.InvariantCulture) : "NA";

    public static string CanonicalLine(OpenDataRow row) => $"{row.CompanySlug}\t{row.Kind}\t{row.Key}\t{Number(row.Score)}\n";

    public static string Hash(IEnumerable<OpenDataRow> rows)
    {
        var lines = rows.Select(CanonicalLine).OrderBy(line => line, StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string Csv(OpenDataEdition edition)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', CsvColumns)).Append('\n');
        foreach (var row in edition.Rows)
        {
            text.Append(SafeCsv.Line(
            [
                edition.Publisher, edition.Edition, edition.Year.ToString(CultureInfo.InvariantCulture), edition.Methodology,
                edition.Licence, edition.PublishedOn, row.Company, row.CompanySlug, row.CompanyId ?? "", row.Lei ?? "", row.Isin ?? "",
                row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", row.Kind, row.Key, row.Category ?? "", Number(row.Score),
                edition.ContentSha256,
            ])).Append('\n');
        }

        return text.ToString();
    }

    public static string Json(OpenDataEdition edition) => JsonSerializer.Serialize(edition, JsonOptions);

    public static OpenDataEdition? FromJson(string json) => JsonSerializer.Deserialize<OpenDataEdition>(json);
}
