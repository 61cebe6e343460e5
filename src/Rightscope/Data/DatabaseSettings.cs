using Rightscope.Infrastructure;

namespace Rightscope.Data;

/// <summary>
/// Which database to use: <c>Database:Provider</c> = <c>Sqlite</c> (default, <c>{data}/rightscope.db</c>) or
/// <c>Postgres</c> with <c>ConnectionStrings:Rightscope</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? SqliteFile)
{
    public static DatabaseSettings From(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var providerName = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(providerName) || providerName.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var configured = configuration.GetConnectionString("Rightscope");
            if (!string.IsNullOrWhiteSpace(configured) && !string.IsNullOrWhiteSpace(providerName))
            {
                return new DatabaseSettings(DatabaseProvider.Sqlite, configured, null);
            }

            var file = dataDirectory.File("rightscope.db");
            return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Foreign Keys=True;Pooling=True", file);
        }

        if (providerName.Equals("postgres", StringComparison.OrdinalIgnoreCase) || providerName.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Rightscope");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new StartupException("Database:Provider is Postgres but ConnectionStrings:Rightscope is empty. Set RIGHTSCOPE_ConnectionStrings__Rightscope.");
            }

            return new DatabaseSettings(DatabaseProvider.Postgres, connectionString, null);
        }

        throw new StartupException($"Database:Provider '{providerName}' is not supported; use Sqlite or Postgres.");
    }
}
