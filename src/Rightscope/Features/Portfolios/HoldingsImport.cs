using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Data;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Portfolios;

public enum HoldingsImportStatus
{
    /// <summary>A new snapshot was written, with one audit entry.</summary>
    Imported,

    /// <summary>The snapshot of that date was replaced (asked for explicitly), with one audit entry.</summary>
    Replaced,

    /// <summary>The same holdings were already imported for that date: nothing was written.</summary>
    AlreadyImported,

    /// <summary>The file has errors (and bad rows were not to be skipped): nothing was written.</summary>
    Rejected,

    /// <summary>The portfolio has a different snapshot for that date and replacing was not asked: nothing was written.</summary>
    DateTaken,
}

/// <summary>What an import did: the report, and the snapshot written or found.</summary>
public sealed record HoldingsImportOutcome(
    HoldingsImportStatus Status,
    HoldingsImportResult Report,
    Guid? PortfolioId = null,
    Guid? SnapshotId = null,
    int Matched = 0,
    int Unmatched = 0,
    bool PortfolioCreated = false)
{
    public bool Written => Status is HoldingsImportStatus.Imported or HoldingsImportStatus.Replaced;
}

/// <summary>
/// Writes an import's holdings as one snapshot, used by the pages and the command line alike. Nothing is written
/// unless the report allows it (<see cref="HoldingsImportResult.CanWrite"/>: all-or-nothing, or the good rows when bad
/// rows are skipped); everything — a new portfolio, the replaced snapshot, the holdings, the mapping and the audit
/// entry — is saved in one transaction. The same holdings for the same date are not stored twice (idempotent); other
/// holdings for a date that has a snapshot are refused unless <c>replace</c> is asked, because a silent replacement
/// would rewrite history that screening and decisions rest on.
/// </summary>
public sealed class HoldingsImport(RightscopeDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static HoldingsImportResult Read(Stream content, HoldingsImportOptions options, CancellationToken cancellationToken = default) =>
        HoldingsImporter.Import(content, options, cancellationToken);

    /// <param name="portfolio">A tracked portfolio, or a new one (not yet added) that is created with the snapshot.</param>
    /// <param name="mapping">The mapping used, saved on the portfolio when the import is written; null keeps the saved one.</param>
    public async Task<HoldingsImportOutcome> WriteAsync(
        Guid organizationId,
        AuditActor actor,
        Portfolio portfolio,
        DateOnly asOf,
        string fileName,
        HoldingsImportResult report,
        string? mapping,
        bool replace,
        CancellationToken cancellationToken)
    {
        var isNew = db.Entry(portfolio).State == EntityState.Detached;
        if (!report.CanWrite)
        {
            return new HoldingsImportOutcome(HoldingsImportStatus.Rejected, report, isNew ? null : portfolio.Id);
        }

        HoldingsSnapshot? existing = null;
        if (!isNew)
        {
            existing = await db.HoldingsSnapshots.SingleOrDefaultAsync(s => s.PortfolioId == portfolio.Id && s.AsOf == asOf, cancellationToken);
            if (existing is not null && existing.Fingerprint == report.Fingerprint)
            {
                return new HoldingsImportOutcome(HoldingsImportStatus.AlreadyImported, report, portfolio.Id, existing.Id);
            }

            if (existing is not null && !replace)
            {
                return new HoldingsImportOutcome(HoldingsImportStatus.DateTaken, report, portfolio.Id, existing.Id);
            }
        }

        var companies = await db.Companies.AsNoTracking().ToListAsync(cancellationToken);
        var matcher = new CompanyMatcher(companies);
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = new HoldingsSnapshot
        {
            OrganizationId = organizationId,
            PortfolioId = portfolio.Id,
            AsOf = asOf,
            SourceFileName = TrimFileName(fileName),
            Fingerprint = report.Fingerprint!,
            RowCount = report.Rows.Count,
            SkippedRows = report.BadRows,
            ImportedBy = actor.Display,
            ImportedAt = now,
        };
        // Matched first (in memory, no query per row), so the snapshot carries its counts; the Holding rows are made
        // as they are written, in multi-row inserts without the change tracker (issue 4: 100,000 rows in < 5 s, < 300 MB).
        var companyIds = report.Rows
            .Select(row => matcher.Match(row.Isin?.Value, row.Lei?.Value, row.Ticker?.Value, row.Country?.Alpha2, row.Name))
            .ToArray();
        IEnumerable<Holding> Holdings(int start, int count) => Enumerable.Range(start, count).Select(i =>
        {
            var row = report.Rows[i];
            return new Holding
            {
                OrganizationId = organizationId,
                SnapshotId = snapshot.Id,
                Line = row.Line,
                Name = row.Name,
                Isin = row.Isin?.Value,
                Lei = row.Lei?.Value,
                Ticker = row.Ticker?.Value,
                Country = row.Country?.Alpha2,
                Weight = row.WeightPercent,
                MarketValueMinor = row.MarketValueMinorUnits,
                Currency = row.Currency?.Code,
                Shares = row.Shares is { } shares ? (double)shares : null,
                CompanyId = companyIds[i],
            };
        });
        snapshot.MatchedCount = companyIds.Count(id => id is not null);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (existing is not null)
            {
                await db.Holdings.Where(h => h.SnapshotId == existing.Id).ExecuteDeleteAsync(cancellationToken);
                await db.HoldingsSnapshots.Where(s => s.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
                db.Entry(existing).State = EntityState.Detached;
            }

            if (isNew)
            {
                portfolio.OrganizationId = organizationId;
                portfolio.CreatedAt = now;
                db.Portfolios.Add(portfolio);
            }

            if (mapping is not null)
            {
                portfolio.ColumnMapping = mapping.Length == 0 ? null : mapping;
            }

            portfolio.UpdatedAt = now;
            portfolio.ConcurrencyToken = Guid.NewGuid();
            db.HoldingsSnapshots.Add(snapshot);
            await db.SaveChangesAsync(cancellationToken);
            await db.InsertAsync(Holdings(0, companyIds.Length), cancellationToken);

            var holdingCount = companyIds.Length;
            var unmatched = holdingCount - snapshot.MatchedCount;
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{(isNew ? "portfolio created; " : "")}{(existing is null ? "" : $"replaced snapshot {existing.Id:N} ({existing.RowCount} holdings); ")}" +
                $"as of {asOf:yyyy-MM-dd}: {holdingCount} holdings ({snapshot.MatchedCount} matched, {unmatched} unmatched), " +
                $"{report.BadRows} bad rows skipped, {report.Issues.Count(i => i.Severity == IssueSeverity.Warning)} warnings; file {snapshot.SourceFileName}; fingerprint {snapshot.Fingerprint[..16]}");
            await audit.SaveChangesAsync(
                new AuditRecord(organizationId, actor, existing is null ? "holdings.imported" : "holdings.replaced", "portfolio", portfolio.Id.ToString("N"), $"{portfolio.Name}: {summary}"),
                cancellationToken); // commits the transaction
            return new HoldingsImportOutcome(
                existing is null ? HoldingsImportStatus.Imported : HoldingsImportStatus.Replaced,
                report, portfolio.Id, snapshot.Id, snapshot.MatchedCount, unmatched, isNew);
        }
        catch (DbUpdateException) when (!isNew)
        {
            // Someone imported the same date at the same moment: the unique (portfolio, date) index refused ours.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await db.HoldingsSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.PortfolioId == portfolio.Id && s.AsOf == asOf, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new HoldingsImportOutcome(
                winner.Fingerprint == report.Fingerprint ? HoldingsImportStatus.AlreadyImported : HoldingsImportStatus.DateTaken,
                report, portfolio.Id, winner.Id);
        }
    }

    private static string TrimFileName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return name.Length <= HoldingsSnapshot.FileNameMaxLength ? name : name[^HoldingsSnapshot.FileNameMaxLength..];
    }
}
