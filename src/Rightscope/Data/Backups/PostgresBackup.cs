using System.Data;
using Npgsql;

namespace Rightscope.Data.Backups;

/// <summary>
/// PostgreSQL: every table of the schema as one entry in PostgreSQL's binary COPY format, read in a single
/// repeatable-read snapshot through Npgsql. No <c>pg_dump</c> is needed on the machine, and its version need not
/// match the server's. Restoring loads the tables parents-first in one transaction on a database migrated to the same
/// schema, then moves every identity sequence past the restored rows.
/// </summary>
public static class PostgresBackup
{
    public static string EntryPath(string table) => $"tables/{table}.pgcopy";

    public static async Task<(string? Migration, IReadOnlyList<BackupTable> Tables)> WriteAsync(DatabaseSettings settings, BackupArchiveWriter archive, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await ExecuteAsync(connection, "SET TRANSACTION READ ONLY", cancellationToken);

        var migration = await LatestMigrationAsync(connection, cancellationToken);
        var tables = new List<BackupTable>();
        foreach (var name in await TableNamesAsync(connection, cancellationToken))
        {
            var columns = await ColumnsAsync(connection, name, cancellationToken);
            var rows = await CountAsync(connection, name, cancellationToken);
            await archive.AddAsync(EntryPath(name), async stream =>
            {
                await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {Identifier(name)} ({ColumnList(columns)}) TO STDOUT (FORMAT binary)", cancellationToken);
                await copy.CopyToAsync(stream, cancellationToken);
            });
            tables.Add(new BackupTable(name, columns, rows));
        }

        await transaction.CommitAsync(cancellationToken);
        return (migration, tables);
    }

    /// <summary>All tables or none: one transaction that is rolled back on any failure.</summary>
    public static async Task<long> RestoreAsync(DatabaseSettings settings, BackupArchiveReader archive, bool force, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var migration = await LatestMigrationAsync(connection, cancellationToken);
        if (migration != archive.Manifest.Migration)
        {
            throw new BackupException($"the target database is at schema migration {migration ?? "(none)"}, the archive at {archive.Manifest.Migration}; nothing was restored.");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var names = await TableNamesAsync(connection, cancellationToken);
        var archived = archive.Manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (names.FirstOrDefault(n => !archived.ContainsKey(n)) is { } missing)
        {
            throw new BackupException($"{archive.Path}: the archive has no data for the table {missing}.");
        }

        if (archived.Keys.FirstOrDefault(n => !names.Contains(n)) is { } unknown)
        {
            throw new BackupException($"{archive.Path}: the archive holds the table {unknown}, which the target database does not have.");
        }

        long existingRows = 0;
        foreach (var name in names)
        {
            existingRows += await CountAsync(connection, name, cancellationToken);
        }

        if (existingRows > 0)
        {
            if (!force)
            {
                throw new BackupException($"the target database is not empty ({existingRows} rows); restore refuses to overwrite it without --force.");
            }

            await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", names.Select(Identifier))} RESTART IDENTITY CASCADE", cancellationToken);
        }

        long restored = 0;
        var restoredTables = new List<BackupTable>();
        foreach (var name in await ParentsFirstAsync(connection, names, cancellationToken))
        {
            var table = archived[name];
            var columns = await ColumnsAsync(connection, name, cancellationToken);
            if (!columns.SequenceEqual(table.Columns, StringComparer.Ordinal))
            {
                throw new BackupException($"{archive.Path}: the table {name} has the columns ({string.Join(", ", table.Columns)}) in the archive but ({string.Join(", ", columns)}) in the target database.");
            }

            await using (var source = await archive.OpenAsync(EntryPath(name), cancellationToken))
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {Identifier(name)} ({ColumnList(columns)}) FROM STDIN (FORMAT binary)", cancellationToken))
            {
                await source.CopyToAsync(copy, cancellationToken);
            }

            await ResetSequencesAsync(connection, name, cancellationToken);
            var rows = await CountAsync(connection, name, cancellationToken);
            restoredTables.Add(table with { Rows = rows });
            restored += rows;
        }

        BackupCounts.RequireEqual(archive, restoredTables);
        await transaction.CommitAsync(cancellationToken);
        return restored;
    }

    private static async Task<string?> LatestMigrationAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var exists = await ScalarAsync(connection, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", cancellationToken);
        return exists is true
            ? await ScalarAsync(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1", cancellationToken) as string
            : null;
    }

    private static async Task<List<string>> TableNamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ListAsync(connection,
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '__EFMigrationsHistory' ORDER BY c.relname",
            null, cancellationToken);

    /// <summary>Stored columns in their order; generated columns are recomputed by the database.</summary>
    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        await ListAsync(connection,
            "SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = current_schema() AND c.relname = @table AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum",
            table, cancellationToken);

    /// <summary>Orders tables so that every table comes after the tables its foreign keys point to.</summary>
    private static async Task<List<string>> ParentsFirstAsync(NpgsqlConnection connection, List<string> names, CancellationToken cancellationToken)
    {
        var parents = names.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT child.relname, parent.relname FROM pg_constraint k "
            + "JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid "
            + "JOIN pg_namespace n ON n.oid = child.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema()", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (child, parent) = (reader.GetString(0), reader.GetString(1));
                if (child != parent && parents.TryGetValue(child, out var set) && parents.ContainsKey(parent))
                {
                    set.Add(parent);
                }
            }
        }

        var ordered = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < names.Count)
        {
            var ready = names.Where(n => !placed.Contains(n) && parents[n].All(placed.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new BackupException($"the tables {string.Join(", ", names.Where(n => !placed.Contains(n)))} reference each other in a cycle; restore cannot order them.");
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }

        return ordered;
    }

    private static async Task ResetSequencesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var sequences = new List<(string Column, string Sequence)>();
        await using (var command = new NpgsqlCommand(
            "SELECT a.attname, pg_get_serial_sequence(format('%I', c.relname), a.attname) FROM pg_attribute a "
            + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = current_schema() AND c.relname = @table AND a.attnum > 0 AND NOT a.attisdropped", connection))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(1))
                {
                    sequences.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        foreach (var (column, sequence) in sequences)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(@sequence, COALESCE((SELECT MAX({Identifier(column)}) FROM {Identifier(table)}), 0) + 1, false)", connection);
            command.Parameters.AddWithValue("sequence", sequence);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        (long)(await ScalarAsync(connection, $"SELECT COUNT(*) FROM {Identifier(table)}", cancellationToken))!;

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql, string? table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (table is not null)
        {
            command.Parameters.AddWithValue("table", table);
        }

        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Identifier));

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
