using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Companies;

/// <summary>
/// Merges a duplicate registry company into the company that stays: everything that points at the duplicate —
/// assessments, decisions, engagements, holdings, linked grievance cases and benchmark entries (so the company keeps
/// its year-over-year change) — moves to the survivor, the survivor's
/// empty fields are filled from the duplicate, and the duplicate is deleted, all in one transaction with one audit
/// entry. The survivor's own values always win; the preview lists what the duplicate had that is dropped.
/// </summary>
public sealed class CompanyMerge(RightscopeDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<CompaniesText> text)
{
    /// <summary>How many records point at the duplicate and would move.</summary>
    public sealed record Moves(int Assessments, int Decisions, int Engagements, int Holdings, int Cases, int BenchmarkEntries)
    {
        public override string ToString() =>
            $"{Assessments} assessments, {Decisions} decisions, {Engagements} engagements, {Holdings} holdings, {Cases} cases, {BenchmarkEntries} benchmark entries";
    }

    /// <summary>A field of the duplicate whose value is lost because the survivor has another value.</summary>
    public sealed record DroppedValue(string Field, string Kept, string Dropped);

    public sealed record Preview(Company Survivor, Company Duplicate, Moves Moves, IReadOnlyList<DroppedValue> Dropped, string? Refusal);

    public async Task<Preview?> PreviewAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken)
    {
        var companies = await db.Companies.AsNoTracking().Where(c => c.Id == survivorId || c.Id == duplicateId).ToListAsync(cancellationToken);
        var survivor = companies.SingleOrDefault(c => c.Id == survivorId);
        var duplicate = companies.SingleOrDefault(c => c.Id == duplicateId);
        if (survivor is null || duplicate is null)
        {
            return null;
        }

        return new Preview(survivor, duplicate, await CountAsync(duplicateId, cancellationToken), DroppedValues(survivor, duplicate), Refusal(survivor, duplicate));
    }

    /// <summary>
    /// Merges when both companies are still as the preview showed them (<paramref name="survivorVersion"/>,
    /// <paramref name="duplicateVersion"/>); a conflict otherwise, so nothing changed since the user looked is merged blind.
    /// </summary>
    public async Task<CommandOutcome> MergeAsync(
        CommandActor actor, Guid survivorId, Guid duplicateId, Guid survivorVersion, Guid duplicateVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var companies = await db.Companies.Where(c => c.Id == survivorId || c.Id == duplicateId).ToListAsync(cancellationToken);
        var survivor = companies.SingleOrDefault(c => c.Id == survivorId);
        var duplicate = companies.SingleOrDefault(c => c.Id == duplicateId);
        if (survivor is null || duplicate is null)
        {
            return CommandOutcome.NotFound();
        }

        if (Refusal(survivor, duplicate) is { } refusal)
        {
            return CommandOutcome.Refused(refusal);
        }

        if (survivor.ConcurrencyToken != survivorVersion || duplicate.ConcurrencyToken != duplicateVersion)
        {
            return CommandOutcome.Conflict(text["Merge.Conflict"]);
        }

        var moves = await CountAsync(duplicateId, cancellationToken);
        var dropped = DroppedValues(survivor, duplicate);
        var (isin, lei) = (survivor.Isin ?? duplicate.Isin, survivor.Lei ?? duplicate.Lei);
        var merged = CompanyCommands.Summary(duplicate);

        try
        {
            // The identifiers are unique per organization: free the duplicate's before the survivor takes them.
            (duplicate.Isin, duplicate.Lei) = (null, null);
            db.Entry(duplicate).Property(c => c.ConcurrencyToken).OriginalValue = duplicateVersion;
            duplicate.ConcurrencyToken = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);

            await MoveDecisionsAsync(survivorId, duplicateId, cancellationToken);
            await db.Assessments.Where(a => a.CompanyId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompanyId, survivorId), cancellationToken);
            await db.Engagements.Where(e => e.CompanyId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CompanyId, survivorId), cancellationToken);
            await db.Holdings.Where(h => h.CompanyId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(h => h.CompanyId, survivorId), cancellationToken);
            await db.Cases.Where(c => c.CompanyId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CompanyId, survivorId), cancellationToken);
            await db.BenchmarkEntries.Where(e => e.CompanyId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CompanyId, survivorId), cancellationToken);

            FillFrom(survivor, duplicate, isin, lei);
            db.Entry(survivor).Property(c => c.ConcurrencyToken).OriginalValue = survivorVersion;
            survivor.ConcurrencyToken = Guid.NewGuid();
            survivor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Companies.Remove(duplicate);
            var summary = $"{merged} merged into {CompanyCommands.Summary(survivor)}; moved {moves}";
            if (dropped.Count > 0)
            {
                summary += "; dropped " + string.Join(", ", dropped.Select(d => $"{d.Field} {d.Dropped}"));
            }

            await audit.SaveChangesAsync(
                new AuditRecord(actor.OrganizationId, actor.Audit, "company.merged", "company", survivor.Id.ToString("N"), summary),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandOutcome.Conflict(text["Merge.Conflict"]);
        }

        return CommandOutcome.Done(survivor.Id);
    }

    /// <summary>Why these two may not be merged, or null.</summary>
    private string? Refusal(Company survivor, Company duplicate)
    {
        if (survivor.Id == duplicate.Id)
        {
            return text["Merge.Same"].Value;
        }

        // A fictional demo company and a real one are never the same company (DESIGN §7).
        return survivor.Fictional != duplicate.Fictional ? text["Merge.FictionalMix"].Value : null;
    }

    /// <summary>
    /// The company's current decision is its one approved decision: when both have one, the survivor's stays current and
    /// the duplicate's is superseded by it; when only the duplicate has one, it becomes the survivor's current decision.
    /// </summary>
    private async Task MoveDecisionsAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken)
    {
        var current = await db.Decisions.Where(d => d.ApprovedCompanyId == survivorId).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
        if (current is { } survivorDecision)
        {
            await db.Decisions.Where(d => d.ApprovedCompanyId == duplicateId).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DecisionStatus.Superseded)
                    .SetProperty(d => d.ApprovedCompanyId, (Guid?)null)
                    .SetProperty(d => d.SupersededById, survivorDecision)
                    .SetProperty(d => d.ConcurrencyToken, Guid.NewGuid()),
                cancellationToken);
        }
        else
        {
            await db.Decisions.Where(d => d.ApprovedCompanyId == duplicateId).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.ApprovedCompanyId, survivorId), cancellationToken);
        }

        await db.Decisions.Where(d => d.CompanyId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(d => d.CompanyId, survivorId), cancellationToken);
    }

    private async Task<Moves> CountAsync(Guid duplicateId, CancellationToken cancellationToken) => new(
        await db.Assessments.CountAsync(a => a.CompanyId == duplicateId, cancellationToken),
        await db.Decisions.CountAsync(d => d.CompanyId == duplicateId, cancellationToken),
        await db.Engagements.CountAsync(e => e.CompanyId == duplicateId, cancellationToken),
        await db.Holdings.CountAsync(h => h.CompanyId == duplicateId, cancellationToken),
        await db.Cases.CountAsync(c => c.CompanyId == duplicateId, cancellationToken),
        await db.BenchmarkEntries.CountAsync(e => e.CompanyId == duplicateId, cancellationToken));

    private static void FillFrom(Company survivor, Company duplicate, string? isin, string? lei)
    {
        (survivor.Isin, survivor.Lei) = (isin, lei);
        survivor.NameEn ??= duplicate.NameEn;
        survivor.NameZhHans ??= duplicate.NameZhHans;
        survivor.Country ??= duplicate.Country;
        survivor.Ticker ??= duplicate.Ticker;
        survivor.Sector ??= duplicate.Sector;
        survivor.ExposureType ??= duplicate.ExposureType;
        survivor.Products ??= duplicate.Products;
        survivor.Website ??= duplicate.Website;
        survivor.Technologies = string.Join(',', survivor.TechnologyKeys.Union(duplicate.TechnologyKeys, StringComparer.Ordinal));
        CompanyCommands.SetNormalizedNames(survivor);
    }

    /// <summary>The duplicate's values that differ from the survivor's own (non-empty) values, which win.</summary>
    private static List<DroppedValue> DroppedValues(Company survivor, Company duplicate)
    {
        var dropped = new List<DroppedValue>();
        void Compare(string field, string? kept, string? other)
        {
            if (kept is not null && other is not null && !string.Equals(kept, other, StringComparison.Ordinal))
            {
                dropped.Add(new DroppedValue(field, kept, other));
            }
        }

        Compare("nameEn", survivor.NameEn, duplicate.NameEn);
        Compare("nameZhHans", survivor.NameZhHans, duplicate.NameZhHans);
        Compare("country", survivor.Country, duplicate.Country);
        Compare("isin", survivor.Isin, duplicate.Isin);
        Compare("lei", survivor.Lei, duplicate.Lei);
        Compare("ticker", survivor.Ticker, duplicate.Ticker);
        Compare("sector", survivor.Sector, duplicate.Sector);
        Compare("exposureType", survivor.ExposureType?.ToString(System.Globalization.CultureInfo.InvariantCulture), duplicate.ExposureType?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("products", survivor.Products, duplicate.Products);
        Compare("website", survivor.Website, duplicate.Website);
        return dropped;
    }
}
