using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Journeys;

/// <summary>An investor creates a portfolio, imports holdings, screens them and proposes to exclude the riskiest company.</summary>
public sealed class InvestorJourney(BrowserFixture fixture)
{
    private const string ChartTextOutsideItsChart = """
        () => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
            const chart = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')]
                .filter(t => { const r = t.getBoundingClientRect(); return r.left < chart.left - 1 || r.right > chart.right + 1; })
                .map(t => t.textContent);
        })
        """;

    [Fact]
    public async Task An_investor_imports_a_portfolio_screens_it_and_proposes_an_exclusion_and_the_key_pages_pass_axe_in_both_languages()
    {
        var (slug, owner) = await fixture.CreateOwnerAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var alpha = $"Fictional Alpha Surveillance {marker}";
        var beta = $"Fictional Beta Analytics {marker}";
        await fixture.SeedAssessedCompanyAsync(slug, alpha, "US0378331005", tier: 3);
        await fixture.SeedAssessedCompanyAsync(slug, beta, "DE0007164600", tier: 1);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var keyPages = new KeyPages("investor");

        await using var context = await fixture.NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, owner);

        // A portfolio from the navigation, and its holdings from a file.
        await page.Locator($"nav.site-nav a[href='/o/{slug}/portfolios']").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Global equities {marker}");
        await page.GetByLabel("Base currency", new() { Exact = true }).FillAsync("EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create portfolio" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Global equities {marker}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import holdings" }).ClickAsync();
        await page.GetByLabel("Holdings file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "holdings.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"name,isin,weight\r\n{alpha},US0378331005,60\r\n{beta},DE0007164600,40\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 holding(s) will be written when you confirm.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**?asOf={today}");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Holdings as of {today}", Exact = true }).GetByRole(AriaRole.Link, new() { Name = alpha, Exact = true }))
            .ToBeVisibleAsync();
        await keyPages.CheckAsync(page, "portfolio");

        // The screening dashboard puts one holding in tier 3; its company is the one to act on.
        await page.GetByTestId("dashboard-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Screening dashboard");
        var tiers = page.GetByRole(AriaRole.Table, new() { Name = "Holdings, weight and market value per tier", Exact = true });
        await Assertions.Expect(tiers.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("^\\s*Tier 3") }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");
        await keyPages.CheckAsync(page, "dashboard");
        foreach (var language in KeyPages.Languages)
        {
            // Chinese chart labels, twice as wide as Latin ones, used to run out of the chart's left edge.
            await KeyPages.SwitchLanguageAsync(page, language);
            Assert.Empty(await page.EvaluateAsync<string[]>(ChartTextOutsideItsChart));
        }

        await KeyPages.SwitchLanguageAsync(page, "en");
        await page.GetByRole(AriaRole.Link, new() { Name = alpha, Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(alpha);
        await keyPages.CheckAsync(page, "company");

        // A proposed exclusion, waiting for a second person's approval.
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a decision" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Approved assessment the decision rests on" }).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("tier 3") }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Decision", Exact = true }).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Exclude") }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Exclusion", Exact = true }).GetByRole(AriaRole.Radio, new() { Name = "Divest", Exact = true }).CheckAsync();
        await page.GetByLabel("Divest by", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Effective date", new() { Exact = true }).FillAsync(today);
        await page.GetByLabel("Rationale", new() { Exact = true }).FillAsync("Tier 3 surveillance vendor with no remedy commitment (fictional).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose for approval" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts dt").Filter(new() { HasTextRegex = new Regex("^\\s*Status\\s*$") }).Locator("xpath=following-sibling::dd[1]"))
            .ToHaveTextAsync("Proposed");
        await keyPages.CheckAsync(page, "decision");

        keyPages.AssertClean(expectedScreenshots: 8);
    }
}
