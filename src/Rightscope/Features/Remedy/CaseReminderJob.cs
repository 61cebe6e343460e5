using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Infrastructure.Jobs;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Every hour, records a reminder for each recipient of each open case whose acknowledgement or feedback is due soon
/// or overdue — once per person, case, deadline and due day. The unique index on those makes the job idempotent even
/// when two instances run it at once (the lease normally prevents that): a reminder another run already stored is
/// skipped, never duplicated. Reminders hold no case content. Also removes reminders of cases that no longer exist
/// and of people who no longer receive the case (excluded for a conflict of interest).
/// </summary>
public sealed class CaseReminderJob(RightscopeDbContext db, CaseDeadlineBoard board) : IRecurringJob
{
    public const string Name = "case-deadline-reminders";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private sealed record Key(Guid OrganizationId, Guid UserId, int CaseNumber, DeadlineKind Kind, DateOnly DueOn);

    /// <summary>How many cases are handled per read and save; memory and transaction size stay the same whatever the data.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    public const int DefaultBatchSize = 500;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = board.Today;
        var deadlines = 0;
        var added = 0;
        await foreach (var batch in board.NeedingAttentionAsync(BatchSize, cancellationToken))
        {
            var attention = batch
                .SelectMany(row => row.Deadlines.Where(d => d.NeedsAttention).Select(d => (row.Case, Deadline: d)))
                .ToList();
            deadlines += attention.Count;
            added += await RecordAsync(attention, today, cancellationToken);
        }

        var removed = await RemoveStaleAsync(cancellationToken);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{deadlines} deadline(s) due soon or overdue; {added} reminder(s) recorded; {removed} stale reminder(s) removed");
    }

    /// <summary>The reminders of one batch (the cases of one channel, so of one organization) that are not stored yet.</summary>
    private async Task<int> RecordAsync(List<(CaseDeadlineCase Case, CaseDeadline Deadline)> attention, DateOnly today, CancellationToken cancellationToken)
    {
        if (attention.Count == 0)
        {
            return 0;
        }

        var caseIds = attention.Select(a => a.Case.Id).Distinct().ToList();
        var recipients = (await db.CaseRecipientEnvelopes.IgnoreQueryFilters().AsNoTracking()
                .Where(e => caseIds.Contains(e.CaseId))
                .Select(e => new { e.CaseId, e.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.CaseId, e => e.UserId);
        var wanted = attention
            .SelectMany(a => recipients[a.Case.Id].Select(user => new Key(a.Case.OrganizationId, user, a.Case.Number, a.Deadline.Kind, a.Deadline.DueOn)))
            .Distinct()
            .ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }

        var organizationId = wanted[0].OrganizationId;
        var numbers = wanted.Select(k => k.CaseNumber).Distinct().ToList();
        var existing = (await db.CaseReminders.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.OrganizationId == organizationId && numbers.Contains(r.CaseNumber))
                .Select(r => new { r.OrganizationId, r.UserId, r.CaseNumber, r.Kind, r.DueOn })
                .ToListAsync(cancellationToken))
            .Select(r => new Key(r.OrganizationId, r.UserId, r.CaseNumber, r.Kind, r.DueOn))
            .ToHashSet();
        return await AddAsync([.. wanted.Where(k => !existing.Contains(k))], today, cancellationToken);
    }

    /// <summary>Stores the new reminders in one save; if another run stored some meanwhile, one at a time, skipping those.</summary>
    private async Task<int> AddAsync(List<Key> keys, DateOnly today, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        db.CaseReminders.AddRange(keys.Select(k => Reminder(k, today)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return keys.Count;
        }
        catch (Exception e) when (IsConflictWithAnotherRun(e))
        {
            db.ChangeTracker.Clear();
        }

        var added = 0;
        foreach (var key in keys)
        {
            db.CaseReminders.Add(Reminder(key, today));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException e) when (CaseIntake.IsUniqueViolation(e))
            {
                // Recorded by the other run: once is enough.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }

    /// <summary>
    /// Another run stored some of the same reminders: a unique violation, or on PostgreSQL a deadlock when the two
    /// batches insert the same rows in different orders (the database rolls the batch back; the one-at-a-time retry
    /// cannot deadlock). Npgsql's execution strategy wraps a deadlock, being transient, in an InvalidOperationException.
    /// </summary>
    private static bool IsConflictWithAnotherRun(Exception e) => e switch
    {
        DbUpdateException update => CaseIntake.IsUniqueViolation(update)
            || update.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected },
        InvalidOperationException { InnerException: DbUpdateException update } => IsConflictWithAnotherRun(update),
        _ => false,
    };

    private async Task<int> RemoveStaleAsync(CancellationToken cancellationToken)
    {
        var cases = db.Cases.IgnoreQueryFilters();
        var envelopes = db.CaseRecipientEnvelopes.IgnoreQueryFilters();
        var stale = db.CaseReminders.IgnoreQueryFilters()
            .Where(r => !cases.Any(c => c.OrganizationId == r.OrganizationId && c.Number == r.CaseNumber
                && envelopes.Any(e => e.CaseId == c.Id && e.UserId == r.UserId)));
        var organizations = await stale.Select(r => r.OrganizationId).Distinct().ToListAsync(cancellationToken);
        if (organizations.Count == 0)
        {
            return 0;
        }

        var removed = await stale.ExecuteDeleteAsync(cancellationToken);
        foreach (var organizationId in organizations)
        {
            // Deleted without the change tracker: the handlers' kept reminder counts are stale now.
            await AggregateStampInterceptor.TouchAsync(db, organizationId, AggregateArea.Cases, cancellationToken);
        }

        return removed;
    }

    private static CaseReminder Reminder(Key key, DateOnly today) => new()
    {
        OrganizationId = key.OrganizationId,
        UserId = key.UserId,
        CaseNumber = key.CaseNumber,
        Kind = key.Kind,
        DueOn = key.DueOn,
        CreatedOn = today,
    };
}
