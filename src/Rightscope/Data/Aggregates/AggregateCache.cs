using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Rightscope.Data.Aggregates;

/// <summary>
/// Figures computed from an organization's data (statistics tables, transparency figures, register totals), kept in
/// memory until the area's <see cref="AggregateStamp"/> changes, so pages that aggregate every case or request answer
/// in the same time with 2,000 rows or 200,000 once computed (issue 8). The stamp is read from the database on each
/// request, so several instances agree on when a figure is stale. Entries are few and small; the least used go first.
/// </summary>
public sealed class AggregateCache : IDisposable
{
    public const int MaxEntries = 4096;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>
    /// The figure named <paramref name="key"/> of the current organization's <paramref name="area"/>: kept, or computed
    /// by <paramref name="compute"/> and kept. Outside an organization (no tenant) nothing is kept.
    /// </summary>
    public async Task<T> GetOrComputeAsync<T>(
        RightscopeDbContext db, string area, string key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        if (db.TenantId is not { } organizationId)
        {
            return await compute(cancellationToken);
        }

        // Read before computing: a change committed meanwhile leaves this figure under a stamp that is already old.
        var stamp = await StampAsync(db, organizationId, area, cancellationToken);
        var cacheKey = (organizationId, area, stamp, key, typeof(T));
        if (cache.TryGetValue(cacheKey, out T? kept) && kept is not null)
        {
            return kept;
        }

        var computed = await compute(cancellationToken);
        cache.Set(cacheKey, computed, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return computed;
    }

    public void Dispose() => cache.Dispose();

    private static async Task<long> StampAsync(RightscopeDbContext db, Guid organizationId, string area, CancellationToken cancellationToken)
    {
        var stamp = await db.AggregateStamps.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.Area == area)
            .Select(s => (long?)s.Stamp)
            .FirstOrDefaultAsync(cancellationToken);
        if (stamp is { } found)
        {
            return found;
        }

        // No change through the application since the table existed (data from before it, or written in bulk): the
        // first reader gives the area a stamp; if a writer got there first, theirs stays.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AggregateStamps" ("OrganizationId", "Area", "Stamp") VALUES ({organizationId}, {area}, {AggregateStampInterceptor.NewStamp()}) ON CONFLICT ("OrganizationId", "Area") DO NOTHING""",
            cancellationToken);
        return await db.AggregateStamps.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.Area == area)
            .Select(s => s.Stamp)
            .FirstAsync(cancellationToken);
    }
}
