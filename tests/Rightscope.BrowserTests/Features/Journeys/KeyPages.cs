using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Journeys;

/// <summary>
/// A persona's key pages, seen in both languages: each is switched to English and Chinese with the page's own
/// language switcher, screenshotted, and (where JavaScript runs) checked with axe. Violations are collected so a
/// journey reports all of them at once.
/// </summary>
public sealed class KeyPages(string persona)
{
    public static readonly string[] Languages = ["en", "zh-Hans"];

    private readonly List<string> _violations = [];
    private readonly List<string> _screenshots = [];

    /// <summary>Screenshots and axe in both languages, then back to English for the rest of the journey.</summary>
    public Task CheckAsync(IPage page, string name) => VisitAsync(page, name, axe: true);

    /// <summary>Screenshots in both languages only: for pages in a context without JavaScript, where axe cannot run.</summary>
    public Task ScreenshotAsync(IPage page, string name) => VisitAsync(page, name, axe: false);

    private async Task VisitAsync(IPage page, string name, bool axe)
    {
        foreach (var language in Languages)
        {
            await SwitchLanguageAsync(page, language);
            _screenshots.Add(await Screenshots.SaveAsync(page, persona, name, language));
            if (axe)
            {
                _violations.AddRange((await AxeChecks.SeriousViolationsAsync(page)).Select(v => $"{persona}/{name}.{language}: {v}"));
            }
        }

        await SwitchLanguageAsync(page, "en");
    }

    /// <summary>axe on the page as it is (its language already chosen), for pages only reached by a form post.</summary>
    public async Task AxeAsync(IPage page, string name)
    {
        var language = await page.Locator("html").GetAttributeAsync("lang");
        _violations.AddRange((await AxeChecks.SeriousViolationsAsync(page)).Select(v => $"{persona}/{name}.{language}: {v}"));
    }

    /// <summary>Saves a screenshot of the page as it is, named with its current language.</summary>
    public async Task ScreenshotAsIsAsync(IPage page, string name)
    {
        var language = (await page.Locator("html").GetAttributeAsync("lang"))!;
        _screenshots.Add(await Screenshots.SaveAsync(page, persona, name, language));
    }

    /// <summary>Clicks "English" or "中文" in the page's language switcher (a cookie form in the app, links on public pages) and stays on the same page.</summary>
    public static async Task SwitchLanguageAsync(IPage page, string language)
    {
        var html = page.Locator("html");
        if (await html.GetAttributeAsync("lang") == language)
        {
            return;
        }

        var path = new Uri(page.Url).AbsolutePath;
        await page.Locator(".language-switcher").GetByText(language == "en" ? "English" : "中文", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", language);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
    }

    /// <summary>Fails with every serious or critical violation found, and checks that every screenshot is still there.</summary>
    public void AssertClean(int expectedScreenshots)
    {
        Assert.True(_violations.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", _violations));
        Assert.Equal(expectedScreenshots, _screenshots.Distinct().Count());
        Assert.All(_screenshots, path => Assert.True(new FileInfo(path).Length > 0, $"{path} is missing or empty"));
    }
}
