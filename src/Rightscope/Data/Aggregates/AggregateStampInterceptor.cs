using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rightscope.Features.Indicators;
using Rightscope.Features.Remedy;
using Rightscope.Features.Transparency;

namespace Rightscope.Data.Aggregates;

/// <summary>
/// Gives an organization's area a new <see cref="AggregateStamp"/> whenever a save adds, changes or deletes one of its
/// rows, whatever page or command made the change. The stamp is written after the rows: inside the caller's transaction
/// when there is one (so both commit together), otherwise right after the commit. A reader who reads the stamp before
/// the new rows therefore either computes from the old rows under the old stamp or from the new rows under a stamp that
/// is about to be replaced, never caches old rows under the new stamp. Writes that bypass the change tracker
/// (ExecuteUpdate, ExecuteDelete, bulk inserts) call <see cref="TouchAsync"/> themselves, unless a tracked save of the
/// same area in the same transaction already renews the stamp (an indicator import saves its dataset row).
/// </summary>
public sealed class AggregateStampInterceptor : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, SortedSet<(Guid OrganizationId, string Area)>> Pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } touched)
        {
            foreach (var (organizationId, area) in touched)
            {
                eventData.Context!.Database.ExecuteSql(Upsert(organizationId, area, NewStamp()));
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } touched)
        {
            foreach (var (organizationId, area) in touched)
            {
                await eventData.Context!.Database.ExecuteSqlAsync(Upsert(organizationId, area, NewStamp()), cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A new stamp for an area changed without the change tracker.</summary>
    public static async Task TouchAsync(DbContext db, Guid organizationId, string area, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(Upsert(organizationId, area, NewStamp()), cancellationToken);

    /// <summary>The area a changed entity belongs to, or null for data no kept figure depends on.</summary>
    public static (Guid OrganizationId, string Area)? AreaOf(object entity) => entity switch
    {
        GrievanceCase c => (c.OrganizationId, AggregateArea.Cases),
        CaseRecipientEnvelope e => (e.OrganizationId, AggregateArea.Cases),
        CaseCheckIn i => (i.OrganizationId, AggregateArea.Cases),
        CaseReminder r => (r.OrganizationId, AggregateArea.Cases),
        CaseExclusion x => (x.OrganizationId, AggregateArea.Cases),
        Channel h => (h.OrganizationId, AggregateArea.Cases),
        ChannelRecipient h => (h.OrganizationId, AggregateArea.Cases),
        GovernmentRequest r => (r.OrganizationId, AggregateArea.Transparency),
        GovernmentRequestAggregate a => (a.OrganizationId, AggregateArea.Transparency),
        TransparencyReport t => (t.OrganizationId, AggregateArea.Transparency),
        IndicatorDataset d => (d.OrganizationId, AggregateArea.Indicators),
        IndicatorValue v => (v.OrganizationId, AggregateArea.Indicators),
        _ => null,
    };

    internal static long NewStamp() => Random.Shared.NextInt64();

    // One statement both providers understand: SQLite (3.24+) and PostgreSQL share the upsert syntax.
    internal static FormattableString Upsert(Guid organizationId, string area, long stamp) =>
        $"""INSERT INTO "AggregateStamps" ("OrganizationId", "Area", "Stamp") VALUES ({organizationId}, {area}, {stamp}) ON CONFLICT ("OrganizationId", "Area") DO UPDATE SET "Stamp" = excluded."Stamp" """;

    private static void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        SortedSet<(Guid, string)>? touched = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is (EntityState.Added or EntityState.Modified or EntityState.Deleted) && AreaOf(entry.Entity) is { } area)
            {
                (touched ??= []).Add(area);
            }
        }

        if (touched is not null)
        {
            Pending.AddOrUpdate(context, touched);
        }
    }

    private static SortedSet<(Guid OrganizationId, string Area)>? Take(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var touched))
        {
            return null;
        }

        Pending.Remove(context);
        return touched;
    }
}
