using Microsoft.EntityFrameworkCore;
using Rightscope.Infrastructure;

namespace Rightscope.Data.Backups;

/// <summary>
/// <c>rightscope backup</c> and <c>restore</c>: one portable archive of every table of the configured database. The
/// archive holds what the database holds — case content stays sealed to its recipients, users' case keys stay wrapped
/// by their passwords and recovery keys, the data-protection key ring stays encrypted — and none of the keys kept
/// outside the database (<c>Rightscope:AuditKey</c>, <c>Rightscope:EncryptionKey</c>).
/// </summary>
public sealed class DatabaseBackup(
    RightscopeDbContext db,
    DatabaseSettings settings,
    DataDirectory dataDirectory,
    DatabaseMigrator migrator,
    TimeProvider clock)
{
    public sealed record Outcome(string Path, DatabaseProvider Provider, string Migration, int Tables, long Rows);

    /// <summary>The newest migration this build of Rightscope knows, which a restored database must be at.</summary>
    public string ExpectedMigration => db.Database.GetMigrations().Last();

    public async Task<Outcome> BackupAsync(string path, CancellationToken cancellationToken)
    {
        var work = WorkDirectory();
        try
        {
            await using var archive = BackupArchiveWriter.Create(path);
            string? migration;
            IReadOnlyList<BackupTable> tables;
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                if (settings.SqliteFile is { } file && !File.Exists(file))
                {
                    throw new BackupException($"the database file {file} does not exist; there is nothing to back up.");
                }

                tables = await SqliteBackup.WriteAsync(settings, archive, work, cancellationToken);
                await using var snapshot = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(work, SqliteBackup.EntryPath)};Mode=ReadOnly;Pooling=False");
                await snapshot.OpenAsync(cancellationToken);
                migration = await SqliteBackup.LatestMigrationAsync(snapshot, cancellationToken);
            }
            else
            {
                (migration, tables) = await PostgresBackup.WriteAsync(settings, archive, cancellationToken);
            }

            if (migration is null)
            {
                throw new BackupException("the database has no schema yet (run `rightscope migrate` or start the server first); there is nothing to back up.");
            }

            var manifest = new BackupManifest(
                BackupManifest.FormatName,
                BackupManifest.CurrentVersion,
                settings.Provider,
                migration,
                clock.GetUtcNow().UtcDateTime,
                tables,
                archive.Entries);
            await archive.CompleteAsync(manifest);
            return new Outcome(Path.GetFullPath(path), settings.Provider, migration, tables.Count, tables.Sum(t => t.Rows));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public async Task<Outcome> RestoreAsync(string path, bool force, CancellationToken cancellationToken)
    {
        using var archive = await BackupArchiveReader.OpenVerifiedAsync(path, cancellationToken);
        var manifest = archive.Manifest;
        if (manifest.Provider != settings.Provider)
        {
            throw new BackupException($"{archive.Path} is a {manifest.Provider} backup and the configured database is {settings.Provider}; restore it into a {manifest.Provider} database.");
        }

        if (manifest.Migration != ExpectedMigration)
        {
            throw new BackupException($"{archive.Path} was made at schema migration {manifest.Migration}, but this Rightscope is at {ExpectedMigration}. Restore it with the Rightscope version that made it, then upgrade (`rightscope migrate`).");
        }

        var work = WorkDirectory();
        try
        {
            long rows;
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                rows = await SqliteBackup.RestoreAsync(settings, dataDirectory, archive, force, work, cancellationToken);
            }
            else
            {
                await migrator.MigrateAsync(cancellationToken);
                rows = await PostgresBackup.RestoreAsync(settings, archive, force, cancellationToken);
            }

            return new Outcome(archive.Path, settings.Provider, manifest.Migration, manifest.Tables.Count, rows);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A private scratch directory for the SQLite snapshot; it holds a database copy, so only the owner may read it.</summary>
    private static string WorkDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "rightscope-backup-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
