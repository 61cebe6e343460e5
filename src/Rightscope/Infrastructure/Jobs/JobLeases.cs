using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Infrastructure.Jobs;

/// <summary>
/// Takes and gives back job leases with single conditional updates, so that of several instances polling the same
/// database exactly one runs a due job; a lease that outlives its holder (a crash) expires by itself.
/// </summary>
public sealed class JobLeases(RightscopeDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>True when <paramref name="holder"/> now holds the lease of a due job; false when it is not due or someone else runs it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan interval, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now;
        var dueBefore = now - interval;
        var until = now + lease;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == null || l.LeaseUntil <= now) && (l.LastRunAt == null || l.LastRunAt <= dueBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeaseUntil, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        // The job's first run anywhere: the primary key lets one instance's row in and refuses the others'.
        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, LeaseUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Records how the run ended and releases the lease, if <paramref name="holder"/> still holds it.</summary>
    public Task ReleaseAsync(string name, string holder, bool failed, string outcome, CancellationToken cancellationToken)
    {
        var now = Now;
        var text = outcome.Length <= JobLease.OutcomeMaxLength ? outcome : outcome[..JobLease.OutcomeMaxLength];
        return db.JobLeases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set
                .SetProperty(l => l.Holder, (string?)null)
                .SetProperty(l => l.LeaseUntil, now)
                .SetProperty(l => l.LastRunAt, now)
                .SetProperty(l => l.LastRunFailed, failed)
                .SetProperty(l => l.LastOutcome, text)
                .SetProperty(l => l.ConsecutiveFailures, l => failed ? l.ConsecutiveFailures + 1 : 0), cancellationToken);
    }
}
