using Microsoft.Data.Sqlite;
using Rightscope.Infrastructure;

namespace Rightscope.Data.Backups;

/// <summary>
/// SQLite: the online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>) copies a consistent
/// snapshot while the server keeps running; the snapshot file is the archive's one data entry. Restoring copies it
/// back with the same API, which replaces the target's pages in one write transaction.
/// </summary>
public static class SqliteBackup
{
    public const string EntryPath = "database.sqlite";

    public static async Task<IReadOnlyList<BackupTable>> WriteAsync(DatabaseSettings settings, BackupArchiveWriter archive, string workDirectory, CancellationToken cancellationToken)
    {
        var snapshot = Path.Combine(workDirectory, EntryPath);
        await using (var source = new SqliteConnection(settings.ConnectionString))
        await using (var destination = new SqliteConnection(Isolated(snapshot, readOnly: false)))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
            // One self-contained file: no -wal beside it.
            await ExecuteAsync(destination, "PRAGMA journal_mode=DELETE;", cancellationToken);
        }

        IReadOnlyList<BackupTable> tables;
        await using (var connection = new SqliteConnection(Isolated(snapshot, readOnly: true)))
        {
            await connection.OpenAsync(cancellationToken);
            tables = await TablesAsync(connection, cancellationToken);
        }

        await archive.AddAsync(EntryPath, async stream =>
        {
            await using var file = File.OpenRead(snapshot);
            await file.CopyToAsync(stream, cancellationToken);
        });
        return tables;
    }

    public static async Task<string?> LatestMigrationAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks the extracted snapshot (integrity, schema, row counts) and only then copies it over the target database.
    /// </summary>
    public static async Task<long> RestoreAsync(DatabaseSettings settings, DataDirectory dataDirectory, BackupArchiveReader archive, bool force, string workDirectory, CancellationToken cancellationToken)
    {
        var snapshot = Path.Combine(workDirectory, EntryPath);
        await using (var source = await archive.OpenAsync(EntryPath, cancellationToken))
        await using (var file = File.Create(snapshot))
        {
            await source.CopyToAsync(file, cancellationToken);
        }

        await using var verified = new SqliteConnection(Isolated(snapshot, readOnly: false));
        await verified.OpenAsync(cancellationToken);
        await using (var check = verified.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync(cancellationToken) is not "ok")
            {
                throw new BackupException($"{archive.Path}: the database in the archive fails SQLite's integrity check.");
            }
        }

        var migration = await LatestMigrationAsync(verified, cancellationToken);
        if (migration != archive.Manifest.Migration)
        {
            throw new BackupException($"{archive.Path}: the database in the archive is at schema migration {migration ?? "(none)"}, but its manifest says {archive.Manifest.Migration}.");
        }

        var tables = await TablesAsync(verified, cancellationToken);
        BackupCounts.RequireEqual(archive, tables);

        if (settings.SqliteFile is not null)
        {
            dataDirectory.EnsureExists();
        }

        var targetExists = settings.SqliteFile is null || File.Exists(settings.SqliteFile);
        await using var target = new SqliteConnection(settings.ConnectionString);
        await target.OpenAsync(cancellationToken);
        var existingRows = targetExists ? (await TablesAsync(target, cancellationToken)).Sum(t => t.Rows) : 0;
        if (existingRows > 0 && !force)
        {
            throw new BackupException($"the target database {settings.SqliteFile ?? "(configured connection string)"} is not empty ({existingRows} rows); restore refuses to overwrite it without --force.");
        }

        verified.BackupDatabase(target);
        await ExecuteAsync(target, "PRAGMA journal_mode=WAL;", cancellationToken);
        SqliteConnection.ClearPool(target);
        return tables.Sum(t => t.Rows);
    }

    /// <summary>Every table with its columns and row count, except SQLite's and EF's bookkeeping.</summary>
    public static async Task<IReadOnlyList<BackupTable>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new List<BackupTable>();
        foreach (var name in names)
        {
            var columns = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT name FROM pragma_table_info({Literal(name)}) ORDER BY cid";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    columns.Add(reader.GetString(0));
                }
            }

            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT COUNT(*) FROM {Identifier(name)}";
                tables.Add(new BackupTable(name, columns, (long)(await command.ExecuteScalarAsync(cancellationToken))!));
            }
        }

        return tables;
    }

    private static string Isolated(string file, bool readOnly) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate }.ToString();

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
