using Microsoft.EntityFrameworkCore;

namespace Rightscope.Data;

/// <summary>PostgreSQL for production and scale-out (migrations in <c>Data/Migrations/Postgres</c>).</summary>
public sealed class PostgresRightscopeDbContext(DbContextOptions<PostgresRightscopeDbContext> options, TenantScope? tenant = null)
    : RightscopeDbContext(options, tenant);
