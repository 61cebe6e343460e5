using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Rightscope.Infrastructure;

namespace Rightscope.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> Rightscope believes, and only those:
/// with none configured the headers are ignored (ASP.NET Core's own default would trust loopback), because anyone who
/// can reach the server directly could otherwise claim HTTPS or another client address.
/// </summary>
public static class TrustedProxies
{
    public const string KnownProxiesKey = "Rightscope:Proxy:KnownProxies";
    public const string KnownNetworksKey = "Rightscope:Proxy:KnownNetworks";

    /// <summary>The forwarded-headers options for the configured proxies, or null when none is configured.</summary>
    public static ForwardedHeadersOptions? Options(IConfiguration configuration)
    {
        var proxies = Values(configuration, KnownProxiesKey).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new StartupException($"{KnownProxiesKey}: '{value}' is not an IP address (e.g. 10.0.0.5 or ::1)."))
            .ToList();
        var networks = Values(configuration, KnownNetworksKey).Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new StartupException($"{KnownNetworksKey}: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."))
            .ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return null;
        }

        // The host is not taken from the proxy: links and cookies keep the Host header the proxy passes on.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        proxies.ForEach(options.KnownProxies.Add);
        networks.ForEach(options.KnownIPNetworks.Add);
        return options;
    }

    // A list in configuration: "a, b" in one value (an environment variable) or an array section (appsettings.json).
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(child => child.Value).OfType<string>().ToList();
        if (section.Value is { } single)
        {
            values.Add(single);
        }

        return values.SelectMany(value => value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
