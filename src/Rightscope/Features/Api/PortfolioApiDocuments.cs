using System.Globalization;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Features.Portfolios;

namespace Rightscope.Features.Api;

public sealed record CreatePortfolioRequest(string? Name, string? BaseCurrency);

public sealed record SnapshotSummary(Guid Id, DateOnly AsOf, int Holdings, int Matched, int SkippedRows, string SourceFileName, DateTime ImportedAt)
{
    public static SnapshotSummary From(HoldingsSnapshot s) => new(s.Id, s.AsOf, s.RowCount, s.MatchedCount, s.SkippedRows, s.SourceFileName, s.ImportedAt);
}

public sealed record PortfolioSummary(Guid Id, string Name, string BaseCurrency, SnapshotSummary? LatestSnapshot);

public sealed record PortfolioList(IReadOnlyList<PortfolioSummary> Items, int Page, int PageSize, int Total);

/// <summary>A portfolio with its snapshots, newest first, and the column mapping saved by its last mapped import.</summary>
public sealed record PortfolioDocument(Guid Id, string Name, string BaseCurrency, IReadOnlyList<string> ColumnMapping, IReadOnlyList<SnapshotSummary> Snapshots)
{
    public static PortfolioDocument From(Portfolio p, IEnumerable<HoldingsSnapshot> snapshots) => new(
        p.Id, p.Name, p.BaseCurrency,
        p.ColumnMapping?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
        [.. snapshots.OrderByDescending(s => s.AsOf).Select(SnapshotSummary.From)]);
}

/// <summary>A page of a snapshot's holdings with each one's company, tier, decision and assessment date (the export's columns).</summary>
public sealed record HoldingsPage(Guid SnapshotId, DateOnly AsOf, IReadOnlyList<ExportedHolding> Items, int Page, int PageSize, int Total);

public sealed record ImportColumnDocument(int Index, string Header, string? Field);

/// <summary>One problem of an import: where (line 0 is the whole file), which column, a stable code, and the message in the caller's language.</summary>
public sealed record ImportIssueDocument(int Line, string? Column, string Code, string Severity, string Message);

/// <summary>
/// What an import did or would do. <c>status</c>: <c>preview</c> (dry run, nothing written), <c>imported</c>,
/// <c>replaced</c>, <c>already-imported</c> (same holdings for that date, nothing written), <c>rejected</c> (errors,
/// nothing written), <c>date-taken</c> (another snapshot has that date and replace was not asked, nothing written).
/// </summary>
public sealed record HoldingsImportDocument(
    string Status,
    Guid? SnapshotId,
    DateOnly AsOf,
    string Format,
    string? Encoding,
    string? Delimiter,
    string? Sheet,
    int RowsRead,
    int RowsAccepted,
    int BadRows,
    int Matched,
    int Unmatched,
    double? WeightSum,
    string? Fingerprint,
    IReadOnlyList<ImportColumnDocument> Columns,
    IReadOnlyList<ImportIssueDocument> Issues,
    int IssuesOmitted)
{
    public static HoldingsImportDocument From(string status, DateOnly asOf, HoldingsImportResult report, IStringLocalizer<PortfoliosText> text, HoldingsImportOutcome? outcome = null) => new(
        status,
        outcome?.SnapshotId,
        asOf,
        report.Format.ToString().ToLowerInvariant(),
        report.Encoding,
        report.Delimiter?.ToString(CultureInfo.InvariantCulture),
        report.Sheet,
        report.RowsRead,
        report.Rows.Count,
        report.BadRows,
        outcome?.Matched ?? 0,
        outcome?.Unmatched ?? 0,
        report.WeightSum,
        report.Fingerprint,
        [.. report.Columns.Select(c => new ImportColumnDocument(c.Index, c.Header, c.Field is { } field ? HoldingFields.Name(field) : null))],
        [.. report.Issues.Select(i => new ImportIssueDocument(
            i.Line, i.Column, System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(i.Code.ToString()), i.Severity.ToString().ToLowerInvariant(), ImportMessages.Format(text, i)))],
        report.IssuesOmitted);
}
