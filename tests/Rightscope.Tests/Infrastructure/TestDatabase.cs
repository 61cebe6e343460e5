using Npgsql;

namespace Rightscope.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test host: a temporary SQLite directory or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresDatabase;

    private TestDatabase(string provider, string dataDirectory, string? connectionString, string? postgresDatabase)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _postgresDatabase = postgresDatabase;
    }

    public string Provider { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    public string SqliteFile => Path.Combine(DataDirectory, "rightscope.db");

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "rightscope-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (provider == ProviderData.Sqlite)
        {
            return new TestDatabase(provider, dataDirectory, null, null);
        }

        if (string.IsNullOrWhiteSpace(TestEnvironment.PostgresServer))
        {
            TestEnvironment.SkipOrFail("PostgreSQL is not available: set RIGHTSCOPE_TEST_POSTGRES to a server connection string (see .ci/run)");
        }

        var database = "rightscope_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(TestEnvironment.PostgresServer + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(provider, dataDirectory, TestEnvironment.PostgresServer + $";Database={database}", database);
    }

    /// <summary>Configuration that points Rightscope at this database, with fixed test keys.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["DATA_DIR"] = DataDirectory,
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Rightscope"] = ConnectionString ?? "",
        ["Rightscope:AuditKey"] = TestKeys.AuditKey,
        ["Rightscope:EncryptionKey"] = TestKeys.EncryptionKey,
    };

    private static async Task DropPostgresDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer + ";Database=postgres");
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // An autovacuum worker (a superuser process this role may not terminate) can hold a fresh database
                // for a moment. Retry briefly; a database left behind is harmless to other tests.
                if (attempt == 10)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            await DropPostgresDatabaseAsync(_postgresDatabase);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle may still be closing; the temp directory is cleaned by the OS eventually.
        }
    }
}

public static class TestKeys
{
    public static readonly string AuditKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string EncryptionKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
}
