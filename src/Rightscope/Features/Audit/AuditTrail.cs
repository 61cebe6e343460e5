using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Audit;
using Rightscope.Data;

namespace Rightscope.Features.Audit;

/// <summary>
/// Appends entries to the hash chains. <see cref="SaveChangesAsync"/> writes the pending changes of the
/// context and their audit entry in one transaction, so a change is never stored without its entry.
/// </summary>
public sealed class AuditTrail(RightscopeDbContext db, AuditHasher hasher, TimeProvider clock)
{
    // Appends to one chain are serialized in this process; the unique (Chain, Sequence) index and, on
    // PostgreSQL, an advisory lock serialize them across processes.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ChainLocks = new(StringComparer.Ordinal);

    public static string ChainOf(Guid? organizationId) => organizationId?.ToString("N") ?? AuditChains.System;

    /// <summary>
    /// Saves the context's pending changes together with the entry for <paramref name="record"/> and commits
    /// the current transaction (or a new one).
    /// </summary>
    public async Task SaveChangesAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var chain = ChainOf(record.OrganizationId);
        var chainLock = ChainLocks.GetOrAdd(chain, _ => new SemaphoreSlim(1, 1));
        await chainLock.WaitAsync(cancellationToken);
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({chain}))", cancellationToken);
                }

                var last = await db.AuditEntries.IgnoreQueryFilters()
                    .Where(e => e.Chain == chain)
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(cancellationToken);

                var data = new AuditEntryData(
                    chain,
                    (last?.Sequence ?? 0) + 1,
                    TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
                    record.Actor.Id,
                    Truncate(record.Actor.Display, 256),
                    record.Action,
                    record.TargetType,
                    record.TargetId,
                    Truncate(record.Summary, 2000),
                    last?.Hash ?? AuditChains.Genesis);
                var hash = AuditHasher.Hash(data);

                var entry = db.AuditEntries.Add(new AuditEntry
                {
                    Chain = chain,
                    Sequence = data.Sequence,
                    OrganizationId = record.OrganizationId,
                    OccurredAt = data.OccurredAt,
                    ActorId = data.ActorId,
                    Actor = data.Actor,
                    Action = data.Action,
                    TargetType = data.TargetType,
                    TargetId = data.TargetId,
                    Summary = data.Summary,
                    PreviousHash = data.PreviousHash,
                    Hash = hash,
                    Seal = hasher.Seal(hash),
                });

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await db.Database.CommitTransactionAsync(cancellationToken);
                }
                catch
                {
                    // The entry's sequence is stale once this transaction is gone; never let a later save write it.
                    entry.State = EntityState.Detached;
                    throw;
                }
            }
            finally
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }
        finally
        {
            chainLock.Release();
        }
    }

    // PostgreSQL keeps microseconds; trimming first makes the stored value hash the same on every provider.
    private static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);

    // Never cuts a surrogate pair in half: a lone surrogate is not valid UTF-8, which PostgreSQL rejects.
    internal static string Truncate(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        return char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
    }
}
