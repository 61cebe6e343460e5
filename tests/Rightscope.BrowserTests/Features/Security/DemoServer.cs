using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Hosting;

namespace Rightscope.BrowserTests.Features.Security;

/// <summary>
/// A second real server on Kestrel, started with the demo data (<c>serve --demo</c>) over its own SQLite database, so
/// the security tests see every public page with real content; the shared test server stays free of demo organizations.
/// </summary>
public sealed partial class DemoServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rightscope-browser-tests", "demo-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _console = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            return;
        }

        Directory.CreateDirectory(_dataDirectory);
        _app = RightscopeWebApp.Build(
            [
                "--DATA_DIR=" + _dataDirectory,
                "--Rightscope:AuditKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                "--Rightscope:EncryptionKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                "--environment=Testing",
                "--Remedy:KeyDerivation:MemoryKiB=64",
                "--Remedy:KeyDerivation:Passes=1",
                "--Remedy:KeyDerivation:Reduced=true",
                "--applicationName=" + typeof(RightscopeWebApp).Assembly.GetName().Name,
            ],
            new ServeOptions(Demo: true),
            new OperatorConsole(_console),
            "http://127.0.0.1:0");
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The e-mail address and password the demo printed for <paramref name="role"/> of <paramref name="organization"/>.</summary>
    public (string Email, string Password) Account(string organization, string role)
    {
        var line = PasswordLine().Matches(_console.ToString()).FirstOrDefault(m => m.Groups[1].Value == organization && m.Groups[2].Value == role);
        Assert.True(line is not null, $"the demo printed no password for {organization} {role}:{Environment.NewLine}{_console}");
        return (line.Groups[3].Value, line.Groups[4].Value);
    }

    /// <summary>A new browser context whose relative URLs go to this server; CSP stays on, unlike the axe contexts.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserFixture browser, bool javaScript = true) =>
        browser.RequireBrowser().NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), JavaScriptEnabled = javaScript, Locale = "en-GB" });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A SQLite handle may still be closing; the temp directory is cleaned by the OS eventually.
        }
    }

    [GeneratedRegex(@"^\s+(demo-[a-z-]+)\s+([a-z-]+)\s+(\S+@\S+)\s+(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();
}

[CollectionDefinition(Name)]
public sealed class DemoServerCollection : ICollectionFixture<DemoServer>
{
    public const string Name = "Demo server";
}
