using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Accounts;

namespace Rightscope.BrowserTests.Features.Portfolios;

public sealed partial class InvestorBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_an_investor_imports_holdings_after_fixing_the_mapping_screens_them_excludes_a_company_with_four_eyes_engages_and_exports_the_exclusion_list()
    {
        var (slug, owner) = await fixture.CreateOwnerAsync();
        var reviewer = await fixture.AddMemberAsync(slug, Role.Reviewer);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var alpha = $"Fictional Alpha Surveillance {marker}";
        var beta = $"Fictional Beta Analytics {marker}";
        var portfolioName = $"Global equities {marker}";
        // The registry companies and their approved assessments come from the database (see SeedAssessedCompanyAsync);
        // everything after that goes through the pages.
        var alphaId = await fixture.SeedAssessedCompanyAsync(slug, alpha, "US0378331005", tier: 3);
        await fixture.SeedAssessedCompanyAsync(slug, beta, "DE0007164600", tier: 1);
        var today = DateTime.UtcNow.Date;
        var effectiveOn = Day(today);
        var divestBy = Day(today.AddDays(90));

        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, owner);

        // 1. A new portfolio, and a file whose name column is called "Security" and whose last row has a mistyped ISIN.
        await page.GotoAsync($"/o/{slug}/portfolios");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(portfolioName);
        await page.GetByLabel("Base currency", new() { Exact = true }).FillAsync("EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create portfolio" }).ClickAsync();
        await page.WaitForURLAsync(PortfolioUrl());
        var portfolioUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(portfolioName);

        await page.GetByRole(AriaRole.Link, new() { Name = "Import holdings" }).ClickAsync();
        await page.WaitForURLAsync($"**{portfolioUrl}/import");
        await page.GetByLabel("Holdings file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "holdings.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(
                "Security,isin,weight\r\n" +
                $"{alpha},US0378331005,60\r\n" +
                $"{beta},DE0007164600,30\r\n" +
                "Fictional Gamma Mistyped,US0378331006,10\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var issues = page.GetByRole(AriaRole.Table, new() { Name = "Issues", Exact = true });
        await Assertions.Expect(issues).ToBeVisibleAsync();
        var badRow = issues.GetByRole(AriaRole.Row).Filter(new() { HasText = "US0378331006" });
        await Assertions.Expect(badRow.GetByRole(AriaRole.Cell)).ToHaveTextAsync(
            ["4", "isin", "Error", "The check digit of ISIN \"US0378331006\" is wrong (expected 5): check for a typing error."]);
        await Assertions.Expect(issues.GetByRole(AriaRole.Row).Filter(new() { HasText = "This column is not a known column and was ignored." }).GetByRole(AriaRole.Cell).Nth(1))
            .ToHaveTextAsync("Security");
        await Assertions.Expect(page.GetByText("Nothing can be written: correct the errors, change the mapping, or choose to skip bad rows.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true })).ToHaveCountAsync(0);

        // Nothing was written by the check: the portfolio, seen in a second tab, still has no holdings.
        var other = await context.NewPageAsync();
        await other.GotoAsync(portfolioUrl);
        await Assertions.Expect(other.GetByText("No holdings imported yet.")).ToBeVisibleAsync();
        await other.CloseAsync();

        // 2. The mapping names the "Security" column, the bad row is skipped, and the file is checked again and imported.
        await page.GetByLabel("Column mapping", new() { Exact = true }).FillAsync("Security=name");
        await page.GetByLabel("Skip rows with errors").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 holding(s) will be written when you confirm.")).ToBeVisibleAsync();
        await Assertions.Expect(issues.GetByText("This column is not a known column and was ignored.")).ToHaveCountAsync(0);
        await Assertions.Expect(Fact(page, "Rows with errors")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**{portfolioUrl}?asOf={effectiveOn}");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Snapshots", Exact = true }).GetByRole(AriaRole.Link, new() { Name = effectiveOn, Exact = true }))
            .ToBeVisibleAsync();
        var holdings = page.GetByRole(AriaRole.Table, new() { Name = $"Holdings as of {effectiveOn}", Exact = true });
        await Assertions.Expect(holdings.GetByRole(AriaRole.Link, new() { Name = alpha, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(holdings.GetByRole(AriaRole.Link, new() { Name = beta, Exact = true })).ToBeVisibleAsync();

        // 3. The screening dashboard: one holding in tier 3, the chart with its title and the table that carries its figures.
        await page.GetByTestId("dashboard-link").ClickAsync();
        await page.WaitForURLAsync($"**{portfolioUrl}/dashboard**");
        var dashboardUrl = new Uri(page.Url).PathAndQuery;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Screening dashboard");
        // The SVG is named by its title and description (aria-labelledby), which points to the table with the same figures.
        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Holdings and value at risk by tier Weight of the portfolio in each tier; the table that follows") });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.Equal("svg", await chart.EvaluateAsync<string>("e => e.localName"));
        var tiers = page.GetByRole(AriaRole.Table, new() { Name = "Holdings, weight and market value per tier", Exact = true });
        await Assertions.Expect(RowOf(tiers, "Tier 3").GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");
        await Assertions.Expect(RowOf(tiers, "Tier 1").GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");
        await Assertions.Expect(RowOf(tiers, "Total").GetByRole(AriaRole.Cell).First).ToHaveTextAsync("2");
        await page.GetByRole(AriaRole.Link, new() { Name = alpha, Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/companies/{alphaId}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(alpha);

        // 4. The owner proposes to divest; the reviewer, a second person, approves it (four eyes).
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a decision" }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/companies/{alphaId}/decisions/new");
        var basis = page.GetByRole(AriaRole.Group, new() { Name = "Approved assessment the decision rests on" });
        await basis.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("tier 3") }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Decision", Exact = true }).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Exclude") }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Exclusion", Exact = true }).GetByRole(AriaRole.Radio, new() { Name = "Divest", Exact = true }).CheckAsync();
        await page.GetByLabel("Divest by", new() { Exact = true }).FillAsync(divestBy);
        await page.GetByLabel("Effective date", new() { Exact = true }).FillAsync(effectiveOn);
        await page.GetByLabel("Rationale", new() { Exact = true }).FillAsync("Tier 3 surveillance vendor with no remedy commitment (fictional).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose for approval" }).ClickAsync();
        await page.WaitForURLAsync(DecisionUrl());
        var decisionUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("Proposed");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);
        await page.Locator(".sign-out button").ClickAsync();

        await PageSteps.SignInAsync(page, reviewer);
        await page.GotoAsync(decisionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**{decisionUrl}");
        await Assertions.Expect(Fact(page, "Status")).ToHaveTextAsync("Approved (current)");
        await Assertions.Expect(Fact(page, "Exclusion")).ToHaveTextAsync("Divest");
        await page.Locator(".sign-out button").ClickAsync();

        // 5. An engagement with the company, and a milestone on it.
        await PageSteps.SignInAsync(page, owner);
        await page.GotoAsync($"/o/{slug}/companies/{alphaId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start an engagement" }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/companies/{alphaId}/engagements/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync($"Remedy for people targeted with spyware {marker}");
        await page.GetByLabel("Start date", new() { Exact = true }).FillAsync(effectiveOn);
        await page.GetByLabel("Other objectives").FillAsync("Publish a remedy commitment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the engagement" }).ClickAsync();
        await page.WaitForURLAsync(EngagementUrl());
        var milestoneText = $"Board replies to the investor letter {marker}";
        await page.GetByLabel("Deadline", new() { Exact = true }).FillAsync(Day(today.AddDays(30)));
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync(milestoneText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the milestone" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Fragment == "#milestones");
        var milestones = page.GetByRole(AriaRole.Table, new() { Name = "Milestones", Exact = true });
        var milestone = milestones.GetByRole(AriaRole.Row).Filter(new() { HasText = milestoneText });
        await Assertions.Expect(milestone.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(Day(today.AddDays(30)));
        await Assertions.Expect(milestone.GetByRole(AriaRole.Combobox, new() { Name = "Status of the milestone" })).ToHaveValueAsync("open");

        // 6. The exclusion list lists the company, and its CSV download has the company's row.
        await page.GotoAsync($"/o/{slug}/exclusions");
        var exclusions = page.GetByRole(AriaRole.Table, new() { Name = "Exclusion list", Exact = true });
        await Assertions.Expect(RowOf(exclusions, alpha).GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("Divest");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("name,isin,lei,ticker,country,mode,effective_on,divest_by,decision_id,company_id", csv[0]);
        var row = Assert.Single(csv.Skip(1), line => line.StartsWith(alpha + ",", StringComparison.Ordinal));
        var fields = row.Split(',');
        Assert.Equal(
            [alpha, "US0378331005", "", "", "CH", "divest", effectiveOn, divestBy],
            fields[..8]);
        Assert.Equal(alphaId.ToString(), fields[9]);
        Assert.DoesNotContain(csv, line => line.StartsWith(beta, StringComparison.Ordinal));

        // Accessibility of the dashboard and the exclusion list, checked in a JavaScript context for axe.
        var problems = new List<string>();
        await using (var axeContext = await fixture.NewContextAsync(javaScript: true))
        {
            var axePage = await axeContext.NewPageAsync();
            await PageSteps.SignInAsync(axePage, owner);
            foreach (var url in new[] { dashboardUrl, $"/o/{slug}/exclusions" })
            {
                await axePage.GotoAsync(url);
                problems.AddRange(await AxeChecks.SeriousViolationsAsync(axePage));
            }
        }

        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
    }

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ILocator Fact(IPage page, string term) =>
        page.Locator("dl.facts dt").Filter(new() { HasTextRegex = ExactText(term) }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>The row whose header starts with <paramref name="header"/>.</summary>
    private static ILocator RowOf(ILocator table, string header) =>
        table.GetByRole(AriaRole.Row).Filter(new()
        {
            Has = table.Page.GetByRole(AriaRole.Rowheader).Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(header)) }),
        });

    private static Regex ExactText(string text) => new("^\\s*" + Regex.Escape(text) + "\\s*$");

    private static Func<string, bool> PortfolioUrl() => url => PortfolioPath().IsMatch(new Uri(url).AbsolutePath);

    private static Func<string, bool> DecisionUrl() => url => DecisionPath().IsMatch(new Uri(url).AbsolutePath);

    private static Func<string, bool> EngagementUrl() => url => EngagementPath().IsMatch(new Uri(url).AbsolutePath);

    [GeneratedRegex("^/o/[^/]+/portfolios/[0-9a-f-]{36}$")]
    private static partial Regex PortfolioPath();

    [GeneratedRegex("^/o/[^/]+/decisions/[0-9a-f-]{36}$")]
    private static partial Regex DecisionPath();

    [GeneratedRegex("^/o/[^/]+/engagements/[0-9a-f-]{36}$")]
    private static partial Regex EngagementPath();
}
