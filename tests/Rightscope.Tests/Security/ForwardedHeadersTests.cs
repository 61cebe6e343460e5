using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rightscope.Hosting;
using Rightscope.Tests.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy Rightscope sends HSTS and Secure cookies, but only when the request comes from a proxy
/// configured in <c>Rightscope:Proxy</c>; anyone else claiming <c>X-Forwarded-Proto: https</c> is not believed, and the
/// client address a proxy forwards never reaches the public channel's storage or logs.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.20.30.40";
    private const string Host = "rightscope.example";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Https_forwarded_by_a_configured_proxy_gets_hsts_and_secure_cookies(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = WithPeer(started, builder => builder.UseSetting(TrustedProxies.KnownProxiesKey, Proxy));

        var response = await SignInPageAsync(app, Proxy, "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rs.af=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_configured_network_is_trusted_like_a_proxy(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = WithPeer(started, builder => builder.UseSetting(TrustedProxies.KnownNetworksKey, "10.20.0.0/16, fd00::/8"));

        Assert.True((await SignInPageAsync(app, "10.20.99.1", "https")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await SignInPageAsync(app, "10.21.0.1", "https")).Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Https_claimed_by_an_address_that_is_not_a_configured_proxy_is_ignored(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var configured = WithPeer(started, builder => builder.UseSetting(TrustedProxies.KnownProxiesKey, Proxy));
        // Without configuration nothing is trusted, not even loopback (ASP.NET Core's own default).
        await using var unconfigured = WithPeer(started, _ => { });

        foreach (var (app, peer) in new[] { (configured, "198.51.100.9"), (unconfigured, "127.0.0.1"), (unconfigured, Proxy) })
        {
            var response = await SignInPageAsync(app, peer, "https");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"HSTS sent to {peer}");
            var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rs.af=", StringComparison.Ordinal));
            Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_proxy_setting_that_is_not_an_address_stops_start_up_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TrustedProxies.KnownNetworksKey] = "10.0.0.0/8, not-a-network" }).Build();

        var error = Assert.Throws<Rightscope.Infrastructure.StartupException>(() => TrustedProxies.Options(configuration));

        Assert.Equal("Rightscope:Proxy:KnownNetworks: 'not-a-network' is not a network in CIDR notation (e.g. 10.0.0.0/8).", error.Message);
        Assert.Null(TrustedProxies.Options(new ConfigurationBuilder().Build()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Through_a_configured_proxy_the_public_channel_is_https_but_the_forwarded_client_address_is_neither_stored_nor_logged(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(started);
        var logs = new CapturingLoggerProvider();
        var seen = new List<string>();
        await using var app = WithPeer(started, builder =>
        {
            builder.UseSetting(TrustedProxies.KnownProxiesKey, Proxy);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }, seen);
        // An address of its own, so that finding it anywhere can only mean it was kept.
        var client = $"203.0.113.{Random.Shared.Next(2, 250)}";
        var page = await Client(app, Proxy, "https", client).GetAsync($"/report/{setup.Channel}");
        // The reporter's browser speaks HTTPS to the proxy, so it sends the Secure anti-forgery cookie back; the client
        // here keeps cookies by the address it was given, so it is given an https one.
        var reporter = Client(app, Proxy, "https", client, "https");
        var (submitted, _, receipt) = await RemedySteps.SubmitAsync(reporter, setup.Channel, "A report sent through the proxy " + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Contains("; secure", Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rs.af=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.NotNull(receipt);
        // What the channel's own code sees of the connection: no address, no forwarding header.
        Assert.Contains("/report/", string.Join(" ", seen), StringComparison.Ordinal);
        Assert.All(seen.Where(s => s.StartsWith("/report/", StringComparison.Ordinal)), s => Assert.Matches("^/report/[^ ]+ from \\(none\\)$", s));
        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(started, client));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(client, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> SignInPageAsync(WebApplicationFactory<Program> app, string peer, string forwardedProto) =>
        Client(app, peer, forwardedProto, "192.0.2.1").GetAsync("/account/sign-in");

    private static HttpClient Client(WebApplicationFactory<Program> app, string peer, string forwardedProto, string forwardedFor, string scheme = "http")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri($"{scheme}://{Host}") });
        client.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static WebApplicationFactory<Program> WithPeer(RightscopeFactory started, Action<IWebHostBuilder> configure, List<string>? seen = null) =>
        started.WithWebHostBuilder(builder =>
        {
            configure(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new PeerAddress(seen ?? [])));
        });

    /// <summary>
    /// The in-memory server has no TCP peer: this sets the connection's address from a test header before the
    /// application's pipeline, as Kestrel would from the socket, and records what the application's endpoints saw.
    /// </summary>
    private sealed class PeerAddress(List<string> seen) : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(http.Request.Headers[Header].ToString());
                http.Request.Headers.Remove(Header);
                await nextMiddleware(http);
                lock (seen)
                {
                    var forwarded = string.Join(",", http.Request.Headers.Where(h => h.Key.EndsWith("-For", StringComparison.OrdinalIgnoreCase)).Select(h => $"{h.Key}={h.Value}"));
                    seen.Add($"{http.Request.Path}{(forwarded.Length > 0 ? " " + forwarded : "")} from {http.Connection.RemoteIpAddress?.ToString() ?? "(none)"}");
                }
            });
            next(app);
        };
    }
}
