using Microsoft.EntityFrameworkCore;
using Rightscope.Infrastructure;

namespace Rightscope.Data;

/// <summary>Applies the provider's migrations; used at start-up and by <c>rightscope migrate</c>.</summary>
public sealed class DatabaseMigrator(RightscopeDbContext db, DatabaseSettings settings, DataDirectory dataDirectory, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            dataDirectory.EnsureExists();
            if (settings.SqliteFile is { } file && File.Exists(file) && new FileInfo(file).IsReadOnly)
            {
                throw new StartupException($"The database file {file} is read-only.");
            }
        }

        IReadOnlyList<string> pending;
        try
        {
            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers proceed while one writer commits; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException && e is not StartupException)
        {
            throw new StartupException($"The database cannot be opened or migrated ({settings.Provider}): {e.Message}");
        }

        return pending;
    }
}
