using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Remedy;

/// <summary>Why a case was deleted; the only thing about it the audit entry keeps besides its number and channel.</summary>
public enum CaseDeletionReason
{
    Manual,
    Retention,
}

/// <summary>
/// Why a handler deletes a case by hand: a fixed list (required for an open case), so the audit entry can say why
/// without free text that could carry case content.
/// </summary>
public enum ManualDeletionReason
{
    /// <summary>A closed case deleted before its retention period ends; only for closed cases.</summary>
    RetentionNotNeeded,
    Duplicate,
    NotAGrievance,
    ReporterRequest,
    HandedOver,
}

/// <summary>
/// Deletes one case and every row that belongs to it — its sealed keys (recipient envelopes and, in the case row, the
/// reporter's), report, messages, steps, notes, referrals, outcomes, check-ins, exclusions and files — in one
/// transaction with its audit entry. Destroying the envelopes destroys the case key, so even a copy of the ciphertext
/// kept elsewhere can no longer be opened with the keys the application holds. Used by the case page and by
/// <see cref="CaseRetentionPurge"/>; nothing else of the organization is touched. On SQLite the connections run with
/// <c>secure_delete</c> (<see cref="Data.SqliteSecureDelete"/>) so the freed pages are overwritten with zeros.
/// </summary>
public sealed class CaseDeletion(RightscopeDbContext db, AuditTrail audit)
{
    /// <summary>
    /// Deletes the case of <paramref name="organizationId"/>; false (and nothing written) when it no longer exists —
    /// another handler or the retention job deleted it first, which is the same outcome.
    /// </summary>
    /// <param name="guard">
    /// What must still hold of the case when it is deleted (the retention job: still closed on the day it saw, so a case
    /// reopened meanwhile is kept). Checked by the first statement, an update that locks the row until the commit.
    /// </param>
    public async Task<bool> DeleteAsync(
        Guid organizationId, Guid caseId, CaseDeletionReason reason, string? detail, AuditActor actor, CancellationToken cancellationToken,
        Expression<Func<GrievanceCase, bool>>? guard = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The retention job runs outside any organization, so the filters are replaced by the explicit organization.
        // Writing first takes the row (PostgreSQL) or the database (SQLite) for this transaction before anything is
        // read: a concurrent reopen or delete either waits for this one or finds the case gone.
        var claimed = await db.Cases.IgnoreQueryFilters()
            .Where(c => c.Id == caseId && c.OrganizationId == organizationId)
            .Where(guard ?? (c => true))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConcurrencyToken, Guid.NewGuid()), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var found = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.Number, c.ChannelId })
            .SingleAsync(cancellationToken);

        // Children first: the database would cascade, but the list here is what the tests hold to, table by table.
        await db.CaseRecipientEnvelopes.IgnoreQueryFilters().Where(e => e.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseAttachments.IgnoreQueryFilters().Where(a => a.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseMessages.IgnoreQueryFilters().Where(m => m.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseSteps.IgnoreQueryFilters().Where(s => s.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseNotes.IgnoreQueryFilters().Where(n => n.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseReferrals.IgnoreQueryFilters().Where(r => r.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseRemedyOutcomes.IgnoreQueryFilters().Where(o => o.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseCheckIns.IgnoreQueryFilters().Where(c => c.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        await db.CaseExclusions.IgnoreQueryFilters().Where(e => e.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        // Reminders name the case only by its number: without this they would outlive it until the reminder job's cleanup.
        await db.CaseReminders.IgnoreQueryFilters().Where(r => r.OrganizationId == organizationId && r.CaseNumber == found.Number).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Cases.IgnoreQueryFilters().Where(c => c.Id == caseId && c.OrganizationId == organizationId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new InvalidOperationException("The case claimed by this transaction was not deleted.");
        }

        // Deleted without the change tracker: the statistics kept for the organization's cases are stale now.
        await AggregateStampInterceptor.TouchAsync(db, organizationId, AggregateArea.Cases, cancellationToken);

        // Number, channel and reason only: never content, not even the triage.
        var reasonText = reason == CaseDeletionReason.Retention ? "retention" : "manual";
        if (detail is not null)
        {
            reasonText += ": " + detail;
        }

        await audit.SaveChangesAsync(
            new AuditRecord(organizationId, actor, "case.deleted", "case", caseId.ToString("N"), $"case {found.Number} of channel {found.ChannelId:N} deleted ({reasonText})"),
            cancellationToken);
        return true;
    }
}
