using System.Diagnostics;
using Npgsql;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb and pg_ctl under a temporary directory, on a free loopback port), so
/// that the test may stop and restart it without disturbing the shared server other tests use. As root, the cluster
/// runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Database = "rightscope";
    private const string Superuser = "rightscope";

    private readonly string _bin;
    private readonly string _directory;
    private readonly string? _runAs;

    private PrivatePostgres(string bin, string directory, string? runAs, int port)
    {
        _bin = bin;
        _directory = directory;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    private string DataPath => Path.Combine(_directory, "data");

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={Database};Timeout=5";

    /// <summary>Rightscope's configuration for this cluster, with fixed test keys.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["DATA_DIR"] = Path.Combine(_directory, "app"),
        ["Database:Provider"] = ProviderData.Postgres,
        ["ConnectionStrings:Rightscope"] = ConnectionString,
        ["Rightscope:AuditKey"] = TestKeys.AuditKey,
        ["Rightscope:EncryptionKey"] = TestKeys.EncryptionKey,
    };

    /// <summary>Creates and starts the cluster with an empty database; skips (or fails under RIGHTSCOPE_REQUIRE_ALL) without the PostgreSQL server binaries.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            TestEnvironment.SkipOrFail("the PostgreSQL server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql (see .ci/run)");
        }

        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var directory = Path.Combine(Path.GetTempPath(), "rightscope-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(Path.Combine(directory, "app"));
        if (runAs is not null)
        {
            await RunAsync("chown", runAs, directory);
        }

        var cluster = new PrivatePostgres(bin!, directory, runAs, ServerProcess.FreePort());
        try
        {
            await cluster.PgAsync("initdb", "-D", cluster.DataPath, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--no-sync");
            await cluster.StartServerAsync();
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster.Port};Username={Superuser};Database=postgres");
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Stops the server at once, as a crash would (no shutdown checkpoint): committed work must survive by the write-ahead log.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", DataPath, "-m", "immediate", "-w", "stop");

    /// <summary>
    /// Starts the server. Without fsync, for speed: an immediate stop loses nothing the operating system holds, and
    /// what is tested is the application's handling of a database that goes away, not PostgreSQL's of a power cut.
    /// </summary>
    public Task StartServerAsync() => PgAsync(
        "pg_ctl", "-D", DataPath, "-l", Path.Combine(_directory, "postgres.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(Path.Combine(DataPath, "base")))
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Not running.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temporary directory eventually.
        }
    }

    private Task PgAsync(string tool, params string[] arguments) =>
        _runAs is null
            ? RunAsync(Path.Combine(_bin, tool), arguments)
            : RunAsync("runuser", ["-u", _runAs, "--", Path.Combine(_bin, tool), .. arguments]);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    /// <summary>The newest installed server's binaries (Debian keeps them under /usr/lib/postgresql/VERSION/bin).</summary>
    private static string? FindBinaries()
    {
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.EnumerateDirectories(Debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var version) ? version : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }
}
