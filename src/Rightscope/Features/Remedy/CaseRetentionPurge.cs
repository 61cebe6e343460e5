using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Jobs;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Deletes, in every organization, the closed cases whose channel's retention period has run out
/// (<see cref="CaseRetention"/>): each through <see cref="CaseDeletion"/>, in its own transaction with its own audit
/// entry. Open cases are never deleted here. Idempotent: a case already deleted (by a handler meanwhile, or by a run
/// that crashed half-way) is simply not found again.
/// </summary>
public sealed class CaseRetentionPurge(RightscopeDbContext db, CaseDeletion deletion, TimeProvider clock) : IRecurringJob
{
    public const string Name = "case-retention-purge";

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Only closed cases are candidates; the exact rule (check-ins) is applied in code, per case.
        var closed = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ClosedOn != null && c.Status == CaseStatus.Closed)
            .Join(db.Channels.IgnoreQueryFilters(), c => c.ChannelId, ch => ch.Id, (c, ch) => new { c.Id, c.OrganizationId, c.ClosedOn, ch.RetentionDays })
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var due in closed.Where(c => CaseRetention.IsDue(c.ClosedOn, c.RetentionDays, today)))
        {
            var closedOn = due.ClosedOn;
            if (await deletion.DeleteAsync(
                due.OrganizationId, due.Id, CaseDeletionReason.Retention, null, AuditActor.System, cancellationToken,
                guard: c => c.Status == CaseStatus.Closed && c.ClosedOn == closedOn))
            {
                deleted++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{deleted} case(s) deleted at the end of their retention period");
    }
}
