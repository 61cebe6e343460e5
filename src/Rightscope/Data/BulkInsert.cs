using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rightscope.Data;

/// <summary>
/// Inserts many rows of one entity type with multi-row <c>INSERT … VALUES (…), (…)</c> statements inside the
/// context's current transaction, without the change tracker: EF Core tracks, snapshots and batches every entity,
/// which for a 100,000-row holdings import costs most of the time and memory (BENCHMARKS.md). Column names, value
/// converters and parameter types come from the EF model, so what is written is what <c>SaveChanges</c> would write
/// on SQLite and PostgreSQL alike. Only for entities whose values are all set by the application (no generated
/// columns, no owned types, no shadow properties).
/// </summary>
public static class BulkInsert
{
    // 500 rows × 14 columns = 7,000 parameters: under SQLite's 32,766 and PostgreSQL's 65,535.
    private const int MaxParameters = 7_000;

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
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var rowsPerStatement = Math.Max(1, MaxParameters / properties.Length);

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction, so a failure leaves nothing half-written.");
        var written = 0;
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + (chunk.Length * properties.Length * 8));
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = $"p{r}_{c}";
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(name), getters[c].GetClrValue(chunk[r]), properties[c].IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }
}
