using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Security.Fuzz;

/// <summary>The row count of every table, all organizations together: what "nothing was written" is checked against.</summary>
public static class DatabaseCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> OfAsync(RightscopeFactory app, params string[] except)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await CountAsync(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>(), except);
    }

    public static Task<IReadOnlyDictionary<string, long>> OfAsync(TestDatabase database) =>
        Cli.Cli.WithDbAsync(database, (db, _) => CountAsync(db, []));

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(RightscopeDbContext db, string[] except)
    {
        var tables = db.Model.GetEntityTypes()
            .Select(e => (Table: e.GetTableName(), Schema: e.GetSchema()))
            .Where(t => t.Table is not null && !except.Contains(t.Table))
            .Distinct()
            .OrderBy(t => t.Table, StringComparer.Ordinal)
            .ToList();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (table, schema) in tables)
            {
                await using var command = connection.CreateCommand();
                // Names from the model, not from input.
                command.CommandText = $"SELECT COUNT(*) FROM {(schema is null ? "" : $"\"{schema}\".")}\"{table}\"";
                counts[table!] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }
}
