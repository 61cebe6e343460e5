using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Organizations;

namespace Rightscope.BrowserTests.Features.Journeys;

/// <summary>A member of the public, without an account, compares companies on the benchmark and finds its open data.</summary>
public sealed class PublicVisitorJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_opens_the_benchmark_ranking_a_scorecard_and_the_open_data_and_the_pages_pass_axe_in_both_languages()
    {
        var (slug, _) = await fixture.CreateOwnerAsync(OrganizationKind.CivilSociety);
        await fixture.SeedPublishedBenchmarkAsync(slug);
        var keyPages = new KeyPages("public-visitor");
        await using var context = await fixture.NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/benchmark");
        await keyPages.CheckAsync(page, "benchmarks");
        var editionPath = $"/benchmark/{slug}/digital-rights-benchmark-2026-fictional-demo";
        await page.Locator($"a[href='{editionPath}']").ClickAsync();
        await page.WaitForURLAsync($"**{editionPath}");
        await Assertions.Expect(page.GetByTestId("ranking").Locator("tbody tr")).ToHaveCountAsync(8);
        await keyPages.CheckAsync(page, "ranking");

        await page.GetByTestId("ranking").GetByRole(AriaRole.Link, new() { Name = "Northwind Social (fictional)" }).ClickAsync();
        await page.WaitForURLAsync($"**{editionPath}/northwind-social-fictional");
        await Assertions.Expect(page.GetByTestId("services")).ToContainTextAsync("Northwind Chat (fictional)");
        await keyPages.CheckAsync(page, "scorecard");

        await page.GotoAsync("/open-data/");
        await Assertions.Expect(page.Locator($"a[href^='/open-data/{slug}/']").First).ToBeVisibleAsync();
        await keyPages.CheckAsync(page, "open-data");

        keyPages.AssertClean(expectedScreenshots: 8);
    }
}
