using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Transparency;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Security;

/// <summary>
/// Every page the application serves — each GET route of the authorization matrix, requested by a member allowed to see
/// it, and the public pages of the demo with real content — carries the strict security headers and CSP.
/// </summary>
public sealed partial class SecurityHeadersTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Every_get_route_of_the_matrix_carries_a_strict_csp_and_the_security_headers(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        var clients = new Dictionary<Role, HttpClient> { [Role.Owner] = await app.SignInAsync(owner.Email!) };
        foreach (var role in Roles.All.Where(r => r != Role.Owner))
        {
            clients[role] = await app.SignInAsync((await app.AddMemberAsync(organization, role)).Email!);
        }

        var anonymous = app.CreateBrowserlikeClient();
        var failures = new List<string>();
        var pages = 0;
        foreach (var (pattern, rule) in AuthorizationMatrix.Routes.Where(r => r.Value.Methods.Contains("GET") && r.Value.Access != Access.Api))
        {
            var path = rule.SamplePath.Replace("{org}", organization.Slug, StringComparison.Ordinal);
            var client = rule.Access switch
            {
                Access.Anonymous => anonymous,
                Access.SignedIn => clients[Role.Owner],
                _ => clients[Roles.All.First(role => rule.Grants(role, "GET"))],
            };
            var response = await client.GetAsync(path);
            if ((int)response.StatusCode != rule.SuccessStatus)
            {
                failures.Add($"{pattern}: GET {path} gave {(int)response.StatusCode}, expected {rule.SuccessStatus} (the headers would be checked on the wrong page)");
            }

            failures.AddRange(HeaderFailures(pattern, response));
            pages += IsHtml(response) ? 1 : 0;
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // The walk really looked at pages, not only redirects and downloads.
        Assert.True(pages > 50, $"only {pages} HTML pages were checked");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Every_public_page_of_the_demo_and_the_pages_it_links_to_carry_the_headers_and_the_channel_is_never_cached(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var start = new List<string> { "/", "/account/sign-in", "/benchmark", "/open-data/", "/open-data/index.json" };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var slugs = await db.Organizations.IgnoreQueryFilters().ToDictionaryAsync(o => o.Id, o => o.Slug);
            foreach (var channel in await db.Channels.IgnoreQueryFilters().Select(c => c.Slug).ToListAsync())
            {
                start.Add($"/report/{channel}");
                start.Add($"/report/{channel}?lang=zh-Hans");
                start.Add($"/report/{channel}/follow-up");
            }

            foreach (var report in await db.HumanRightsReports.IgnoreQueryFilters().Where(r => r.Status == ReportStatus.Published).ToListAsync())
            {
                start.Add($"/human-rights-reports/{slugs[report.OrganizationId]}/{report.Year}");
            }

            foreach (var report in await db.TransparencyReports.IgnoreQueryFilters().Where(r => r.Status == TransparencyReportStatus.Published).ToListAsync())
            {
                start.Add($"/transparency/{slugs[report.OrganizationId]}/{report.Period}");
            }
        }

        var anonymous = app.CreateBrowserlikeClient();
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        var channelPages = 0;
        while (queue.Count > 0 && seen.Count < 150)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            var response = await anonymous.GetAsync(path);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {path} gave {(int)response.StatusCode}");
            }

            failures.AddRange(HeaderFailures(path, response));
            if (path.StartsWith("/report/", StringComparison.Ordinal))
            {
                channelPages++;
                if (response.Headers.CacheControl?.NoStore != true)
                {
                    failures.Add($"{path}: the public channel page has Cache-Control '{response.Headers.CacheControl}', not no-store");
                }
            }

            if (IsHtml(response))
            {
                foreach (Match link in LocalLink().Matches(await response.Content.ReadAsStringAsync()))
                {
                    var href = System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
                    // Downloads and sign-in-only pages add nothing: the matrix walk covers the routes themselves.
                    if (!href.StartsWith("/o/", StringComparison.Ordinal) && !href.StartsWith("/css/", StringComparison.Ordinal) && !href.StartsWith("/js/", StringComparison.Ordinal))
                    {
                        queue.Enqueue(href);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(channelPages >= 3, $"only {channelPages} public channel pages were checked");
        Assert.True(seen.Count > 20, $"only {seen.Count} public pages were checked: {string.Join(", ", seen)}");
        Assert.Contains(seen, p => p.StartsWith("/benchmark/", StringComparison.Ordinal));
        Assert.Contains(seen, p => p.StartsWith("/human-rights-reports/", StringComparison.Ordinal));
        Assert.Contains(seen, p => p.StartsWith("/transparency/", StringComparison.Ordinal));
    }

    private static bool IsHtml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "text/html";

    private static IEnumerable<string> HeaderFailures(string what, HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        if (csp is null)
        {
            yield return $"{what}: no Content-Security-Policy";
        }
        else
        {
            var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(d => d.Split(' ', 2))
                .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.OrdinalIgnoreCase);
            var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src") ?? "";
            if (scripts.Contains("'unsafe-inline'", StringComparison.Ordinal) || scripts.Contains("'unsafe-eval'", StringComparison.Ordinal) || scripts.Contains('*') || scripts.Contains("data:", StringComparison.Ordinal))
            {
                yield return $"{what}: script-src allows inline, eval or other origins: {scripts}";
            }

            if (directives.GetValueOrDefault("default-src") is not ("'self'" or "'none'"))
            {
                yield return $"{what}: default-src is '{directives.GetValueOrDefault("default-src")}', not 'self' or 'none'";
            }

            if (directives.GetValueOrDefault("frame-ancestors") != "'none'")
            {
                yield return $"{what}: frame-ancestors is '{directives.GetValueOrDefault("frame-ancestors")}', not 'none'";
            }
        }

        if (Header(response, "X-Content-Type-Options") != "nosniff")
        {
            yield return $"{what}: X-Content-Type-Options is '{Header(response, "X-Content-Type-Options")}'";
        }

        if (Header(response, "Referrer-Policy") is not ("no-referrer" or "strict-origin" or "same-origin"))
        {
            yield return $"{what}: Referrer-Policy is '{Header(response, "Referrer-Policy")}'";
        }

        foreach (var leak in new[] { "Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version" })
        {
            if (Header(response, leak) is { } value)
            {
                yield return $"{what}: {leak}: {value} tells what runs the site";
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex LocalLink();
}
