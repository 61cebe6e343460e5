using System.Collections.Concurrent;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Security;

/// <summary>
/// The public pages load nothing from another host: a reporter's or reader's browser tells no third party that they
/// visited. Every request Chromium makes (scripts on) is recorded while the public pages of the demo are walked.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class NoOtherHostBrowserTests(BrowserFixture fixture, DemoServer server)
{
    private const int MaxPages = 120;

    [Fact]
    public async Task Every_public_page_and_the_signed_in_statistics_and_country_pages_request_only_the_server_itself()
    {
        fixture.RequireBrowser();
        await using var context = await server.NewContextAsync(fixture);
        var requests = new ConcurrentQueue<string>();
        var serverHeaders = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        context.Response += (_, response) =>
        {
            if (response.Headers.TryGetValue("server", out var value))
            {
                serverHeaders.Enqueue($"{response.Url}: Server: {value}");
            }
        };
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        var queue = new Queue<string>(await DemoPublicPages.EntryPointsAsync(server));
        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (visited.Contains(path))
            {
                continue;
            }

            visited.Add(path);
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: < 500 }, $"{path} gave {response?.Status}");
            var links = await page.Locator("a[href^='/']:not([download])").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var link in links.Where(IsPublicPage))
            {
                queue.Enqueue(link);
            }
        }

        // A report sent and followed up, the way a reporter does it.
        await page.GotoAsync("/report/demo");
        await page.Locator("[name='Answers[what-happened]']").FillAsync("A fictional report to see which hosts the pages reach.");
        await page.Locator("main form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();
        var receipt = (await page.GetByTestId("receipt").InnerTextAsync()).Trim();
        await page.GotoAsync("/report/demo/follow-up");
        await page.Locator("#Receipt").FillAsync(receipt);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-status")).ToBeVisibleAsync();

        // Statistics and country context are not public, but they are the pages with charts: signed in, the same rule holds.
        var (email, password) = server.Account("demo-civil-society", "owner");
        await PageSteps.SignInAsync(page, email, password);
        foreach (var path in new[] { "/o/demo-civil-society/statistics", "/o/demo-civil-society/countries/KE", "/o/demo-civil-society/indicators" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            visited.Add(path);
        }

        var offending = requests.Where(url => !IsThisServer(url)).Distinct().ToList();
        Assert.True(offending.Count == 0, "requests to another host:" + Environment.NewLine + string.Join(Environment.NewLine, offending));
        Assert.True(serverHeaders.IsEmpty, string.Join(Environment.NewLine, serverHeaders));
        Assert.Contains(visited, p => p.StartsWith("/benchmark/", StringComparison.Ordinal));
        Assert.Contains(visited, p => p.StartsWith("/human-rights-reports/", StringComparison.Ordinal));
        Assert.Contains(visited, p => p.StartsWith("/transparency/", StringComparison.Ordinal));
        Assert.True(requests.Count > visited.Count, "the pages' own style sheets and images were not seen");
    }

    private bool IsThisServer(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == server.BaseUrl.Scheme && uri.Authority == server.BaseUrl.Authority
        // Chromium's own URLs for a page without content.
        || url.StartsWith("about:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal);

    // Organization pages need a session and downloads end the page; both are covered elsewhere.
    private static bool IsPublicPage(string href) =>
        !href.StartsWith("/o/", StringComparison.Ordinal) && !href.StartsWith("/account/sign-out", StringComparison.Ordinal)
        && !Path.HasExtension(href.Split('?')[0]) || href.Split('?')[0].EndsWith(".html", StringComparison.Ordinal);
}
