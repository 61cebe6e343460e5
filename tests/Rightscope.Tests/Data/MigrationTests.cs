using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Tests.Data;

/// <summary>Each provider's migrations match the model: a model change without a migration fails here.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteRightscopeDbContext(new DbContextOptionsBuilder<SqliteRightscopeDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQLite migration: run `dotnet ef migrations add NAME --project src/Rightscope --context SqliteRightscopeDbContext --output-dir Data/Migrations/Sqlite`.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new PostgresRightscopeDbContext(new DbContextOptionsBuilder<PostgresRightscopeDbContext>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a PostgreSQL migration: run `dotnet ef migrations add NAME --project src/Rightscope --context PostgresRightscopeDbContext --output-dir Data/Migrations/Postgres`.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Every_tenant_owned_entity_has_an_organization_query_filter()
    {
        using var db = new SqliteRightscopeDbContext(new DbContextOptionsBuilder<SqliteRightscopeDbContext>().UseSqlite("Data Source=:memory:").Options);
        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name);
        Assert.Empty(unfiltered);
        Assert.Contains(db.Model.GetEntityTypes(), t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType));
    }
}
