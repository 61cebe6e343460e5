using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rightscope.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRightscopeDbContext>
{
    public SqliteRightscopeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRightscopeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRightscopeDbContext>
{
    public PostgresRightscopeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRightscopeDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
