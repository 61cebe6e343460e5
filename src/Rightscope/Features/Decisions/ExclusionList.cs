using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Decisions;
using Rightscope.Core.Exports;
using Rightscope.Data;

namespace Rightscope.Features.Decisions;

/// <summary>One excluded company: its identifiers and the terms of its current approved exclusion.</summary>
public sealed record Exclusion(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("isin")] string? Isin,
    [property: JsonPropertyName("lei")] string? Lei,
    [property: JsonPropertyName("ticker")] string? Ticker,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("effective_on")] string EffectiveOn,
    [property: JsonPropertyName("divest_by")] string? DivestBy,
    [property: JsonPropertyName("decision_id")] Guid DecisionId,
    [property: JsonPropertyName("company_id")] Guid CompanyId);

/// <summary>The list as a JSON document: the organization, when it was generated, the columns, and the exclusions.</summary>
public sealed record ExclusionListDocument(
    [property: JsonPropertyName("organization")] string Organization,
    [property: JsonPropertyName("generated_at")] DateTime GeneratedAt,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("exclusions")] IReadOnlyList<Exclusion> Exclusions);

public enum ExclusionFormat
{
    Csv,
    Json,
}

/// <summary>
/// The exclusion list for order-management systems: every company whose current approved decision is to exclude,
/// ordered by name then id. The columns are a stable contract (README): add new ones at the end, never rename or
/// reorder. Dates are YYYY-MM-DD; <c>effective_on</c> is the date the exclusion took effect; <c>mode</c> is
/// <c>do-not-invest</c> or <c>divest</c> (then <c>divest_by</c> is set). CSV is UTF-8 without BOM, CRLF lines, RFC 4180
/// quoting, and guarded against formula injection (<see cref="SafeCsv"/>).
/// </summary>
public sealed class ExclusionList(RightscopeDbContext db, TimeProvider clock)
{
    public static readonly string[] Columns =
        ["name", "isin", "lei", "ticker", "country", "mode", "effective_on", "divest_by", "decision_id", "company_id"];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public async Task<ExclusionListDocument> LoadAsync(string organizationSlug, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in db.Decisions.AsNoTracking()
            join c in db.Companies.AsNoTracking() on d.CompanyId equals c.Id
            where d.Status == DecisionStatus.Approved && d.Kind == DecisionKind.Exclude
            orderby c.NormalizedName, c.Id
            select new { Decision = d, Company = c }).ToListAsync(cancellationToken);
        return new ExclusionListDocument(
            organizationSlug,
            clock.GetUtcNow().UtcDateTime,
            Columns,
            [.. rows.Select(r => new Exclusion(
                r.Company.DisplayName("en"), r.Company.Isin, r.Company.Lei, r.Company.Ticker, r.Company.Country,
                (r.Decision.ExclusionMode ?? ExclusionMode.DoNotInvest).ToCode(),
                Day(r.Decision.EffectiveOn)!, Day(r.Decision.DivestBy), r.Decision.Id, r.Company.Id))]);
    }

    public static void Write(ExclusionListDocument document, ExclusionFormat format, Stream output)
    {
        if (format == ExclusionFormat.Json)
        {
            JsonSerializer.Serialize(output, document, JsonOptions);
            return;
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(SafeCsv.Line(Columns));
        foreach (var e in document.Exclusions)
        {
            writer.WriteLine(SafeCsv.Line([
                e.Name, e.Isin ?? "", e.Lei ?? "", e.Ticker ?? "", e.Country ?? "", e.Mode, e.EffectiveOn, e.DivestBy ?? "",
                e.DecisionId.ToString(), e.CompanyId.ToString(),
            ]));
        }
    }

    public static (string ContentType, string FileName) FileOf(ExclusionFormat format, DateTime generatedAt) => format == ExclusionFormat.Json
        ? ("application/json", $"exclusions-{Day(DateOnly.FromDateTime(generatedAt))}.json")
        : ("text/csv", $"exclusions-{Day(DateOnly.FromDateTime(generatedAt))}.csv");

    /// <summary>Only the names <c>csv</c> and <c>json</c> (any case); never a number.</summary>
    public static bool TryParseFormat(string? text, out ExclusionFormat format)
    {
        (var known, format) = text?.Trim().ToLowerInvariant() switch
        {
            "csv" => (true, ExclusionFormat.Csv),
            "json" => (true, ExclusionFormat.Json),
            _ => (false, ExclusionFormat.Csv),
        };
        return known;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
