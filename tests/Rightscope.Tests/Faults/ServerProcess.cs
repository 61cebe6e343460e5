using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rightscope.Tests.Faults;

/// <summary>
/// <c>rightscope serve</c> as a real operating-system process on a loopback port, configured only through
/// <c>RIGHTSCOPE_*</c> environment variables as an operator would; its output is kept for the failure message.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the server and waits until <c>/healthz</c> answers 200. With <paramref name="demo"/> it runs
    /// <c>serve --demo</c> with a reduced (demo-only) key-derivation cost, so that receipts take milliseconds, and raises
    /// the public channel's rate limit and derivation queue so that the load measures the server, not the limiter.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, bool demo, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var url = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerAssembly());
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));
        if (demo)
        {
            start.ArgumentList.Add("--demo");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in configuration)
        {
            start.Environment[Variable(key)] = value ?? "";
        }

        if (demo)
        {
            start.Environment[Variable("Remedy:KeyDerivation:MemoryKiB")] = "64";
            start.Environment[Variable("Remedy:KeyDerivation:Passes")] = "1";
            start.Environment[Variable("Remedy:KeyDerivation:Reduced")] = "true";
            start.Environment[Variable("Remedy:KeyDerivation:MaxWaiting")] = "256";
            start.Environment[Variable("Remedy:RateLimit:PostsPerChannelPerMinute")] = "1000000";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[Variable(key)] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, url);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>A client for this server with its own cookies, as one browser.</summary>
    public HttpClient CreateBrowserlikeClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = Url,
            Timeout = TimeSpan.FromMinutes(1),
        };

    public async Task<HttpStatusCode?> HealthAsync()
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync("/healthz");
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls <c>/healthz</c> until it answers <paramref name="wanted"/>; fails with the server's output after <paramref name="timeout"/>.</summary>
    public async Task WaitForHealthAsync(HttpStatusCode wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the server stopped (exit code {_process.ExitCode}):\n{Output}");
            }

            last = await HealthAsync();
            if (last == wanted)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"/healthz did not answer {(int)wanted} within {timeout} (last: {(last is null ? "no answer" : ((int)last).ToString(System.Globalization.CultureInfo.InvariantCulture))}):\n{Output}");
    }

    private Task WaitUntilHealthyAsync(TimeSpan timeout) => WaitForHealthAsync(HttpStatusCode.OK, timeout);

    /// <summary>SIGKILL: the process ends at once, without running any shutdown code.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Variable(string key) => "RIGHTSCOPE_" + key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The application's own entry assembly, built next to the tests (the project reference copies it).</summary>
    private static string ServerAssembly()
    {
        var next = Path.Combine(AppContext.BaseDirectory, "rightscope.dll");
        Assert.True(
            File.Exists(next) && File.Exists(Path.Combine(AppContext.BaseDirectory, "rightscope.runtimeconfig.json")),
            $"rightscope.dll and its runtimeconfig are not in {AppContext.BaseDirectory}: build the solution first");
        return next;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
