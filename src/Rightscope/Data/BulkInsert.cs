using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rightscope.Data;

/// <summary>
/// Inserts many rows of one entity type inside the context's current transaction, without the change tracker — binary
/// <c>COPY</c> on PostgreSQL, a reused prepared statement on SQLite: EF Core tracks, snapshots and batches every entity,
/// which for a 100,000-row holdings import costs most of the time and memory (BENCHMARKS.md). Column names, value
/// converters and parameter types come from the EF model, so what is written is what <c>SaveChanges</c> would write
/// on SQLite and PostgreSQL alike. Only for entities whose values are all set by the application (no generated
/// columns, no owned types, no shadow properties).
/// </summary>
public static class BulkInsert
{
    public static async Task<int> InsertAsync<T>(this RightscopeDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().ToArray();
        if (properties.Any(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey()))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has values the database or EF Core would generate; use SaveChanges.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var into = $"{sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))})";

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction, so a failure leaves nothing half-written.");
        if (db.Database.IsSqlite())
        {
            return await InsertOneByOneAsync(connection, transaction, $"INSERT INTO {into} VALUES ", properties, mappings, getters, rows, sql, cancellationToken);
        }

        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            return await CopyAsync(npgsql, $"COPY {into} FROM STDIN (FORMAT BINARY)", mappings, getters, rows, cancellationToken);
        }

        throw new NotSupportedException($"Bulk inserts support SQLite and PostgreSQL, not {db.Database.ProviderName}.");
    }

    /// <summary>
    /// SQLite: one prepared single-row statement, executed per row with new values. SQLite looks a named parameter up by
    /// a linear scan, so a statement of thousands of parameters costs quadratic time to bind (a 100,000-row import took
    /// 37 s that way); in one transaction a reused statement inserts a row in microseconds.
    /// </summary>
    private static async Task<int> InsertOneByOneAsync<T>(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        string head,
        IProperty[] properties,
        RelationalTypeMapping[] mappings,
        IClrPropertyGetter[] getters,
        IEnumerable<T> rows,
        ISqlGenerationHelper sql,
        CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = head + "(" + string.Join(", ", properties.Select((_, c) => sql.GenerateParameterNamePlaceholder($"p{c}"))) + ")";
        System.Data.Common.DbParameter[]? parameters = null;
        var written = 0;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = [.. properties.Select((p, c) => mappings[c].CreateParameter(command, sql.GenerateParameterName($"p{c}"), getters[c].GetClrValue(row), p.IsNullable))];
                command.Parameters.AddRange(parameters);
                await command.PrepareAsync(cancellationToken);
            }
            else
            {
                for (var c = 0; c < parameters.Length; c++)
                {
                    var value = getters[c].GetClrValue(row);
                    parameters[c].Value = (value is null ? null : mappings[c].Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                }
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// PostgreSQL: binary <c>COPY … FROM STDIN</c>, the server's own bulk path, in the connection's open transaction. Each
    /// value is sent as the column's store type (facets such as a length dropped), after the model's value converter.
    /// </summary>
    private static async Task<int> CopyAsync<T>(
        Npgsql.NpgsqlConnection connection,
        string copy,
        RelationalTypeMapping[] mappings,
        IClrPropertyGetter[] getters,
        IEnumerable<T> rows,
        CancellationToken cancellationToken)
        where T : class
    {
        var types = mappings.Select(m => m.StoreType.Split('(')[0].Trim()).ToArray();
        var written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var c = 0; c < mappings.Length; c++)
                {
                    var value = getters[c].GetClrValue(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(mappings[c].Converter?.ConvertToProvider(value) ?? value, types[c], cancellationToken);
                    }
                }

                written++;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return written;
    }
}
