using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Demo;

/// <summary>
/// How the scale data reaches the database: the big tables go through <see cref="BulkInsert"/> (a reused prepared
/// statement on SQLite, binary <c>COPY</c> on PostgreSQL; columns, converters and types from the EF model, so the rows
/// are those <c>SaveChanges</c> would write), one transaction per batch, on one connection kept open for the whole run.
/// EF Core's change tracking and per-row batching cost most of the generation time before (BENCHMARKS.md "Scale data").
/// </summary>
public sealed class ScaleBulkWriter(RightscopeDbContext db) : IAsyncDisposable
{
    // 64 MiB instead of SQLite's 2 MiB: the random-GUID indexes of 200,000 cases and envelopes outgrow the default, and
    // every insert then reads index pages back from the file. Per connection, and set back before the connection
    // returns to the pool, so it ends with the run.
    private const string SqliteCache = "PRAGMA cache_size = -65536;";

    private const string SqliteDefaultCache = "PRAGMA cache_size = -2000;";

    private bool opened;

    /// <summary>Opens the context's connection for the run (one connection, so the SQLite cache setting holds throughout).</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        opened = true;
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(SqliteCache, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of its own: a batch is written whole or not at all.</summary>
    public async Task InTransactionAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await write();
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (opened)
        {
            opened = false;
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(SqliteDefaultCache);
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
