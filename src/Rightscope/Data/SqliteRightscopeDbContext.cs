using Microsoft.EntityFrameworkCore;

namespace Rightscope.Data;

/// <summary>The embedded default: a SQLite file in the data directory (migrations in <c>Data/Migrations/Sqlite</c>).</summary>
public sealed class SqliteRightscopeDbContext(DbContextOptions<SqliteRightscopeDbContext> options, TenantScope? tenant = null)
    : RightscopeDbContext(options, tenant);
