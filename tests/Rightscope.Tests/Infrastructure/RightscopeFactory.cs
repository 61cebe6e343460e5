using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rightscope.Hosting;

namespace Rightscope.Tests.Infrastructure;

/// <summary>
/// The real application over a fresh database, reached through the in-memory test server.
/// What the server prints for the operator (setup token, demo passwords) is captured in <see cref="ConsoleOutput"/>.
/// </summary>
public sealed class RightscopeFactory(TestDatabase database, bool demo = false, bool ownsDatabase = true) : WebApplicationFactory<Program>
{
    private readonly StringWriter _console = new();

    public TestDatabase Database { get; } = database;

    public string ConsoleOutput
    {
        get
        {
            lock (_console)
            {
                return _console.ToString();
            }
        }
    }

    public static async Task<RightscopeFactory> StartAsync(string provider, bool demo = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new RightscopeFactory(database, demo);
        _ = factory.Server; // start the host: migrations, demo, setup token
        return factory;
    }

    /// <summary>A second server over the same database, as after a restart; the database outlives it.</summary>
    public RightscopeFactory Restart(bool demo = false)
    {
        var factory = new RightscopeFactory(Database, demo, ownsDatabase: false);
        _ = factory.Server;
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Configuration())
        {
            builder.UseSetting(key, value);
        }

        // Remedy's Argon2id at a reduced (test-only) cost, so submissions and unlocks take milliseconds.
        builder.UseSetting("Remedy:KeyDerivation:MemoryKiB", "64");
        builder.UseSetting("Remedy:KeyDerivation:Passes", "1");
        builder.UseSetting("Remedy:KeyDerivation:Reduced", "true");

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<OperatorConsole>();
            services.AddSingleton(new OperatorConsole(_console));
            services.RemoveAll<ServeOptions>();
            services.AddSingleton(new ServeOptions(demo));
        });
    }

    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
