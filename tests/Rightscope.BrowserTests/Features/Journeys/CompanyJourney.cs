using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Organizations;

namespace Rightscope.BrowserTests.Features.Journeys;

/// <summary>A technology company opens its due diligence, records a government request and reads its transparency report.</summary>
public sealed class CompanyJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_company_records_a_government_request_and_sees_it_in_its_transparency_report_and_the_key_pages_pass_axe_in_both_languages()
    {
        var (slug, owner) = await fixture.CreateOwnerAsync(OrganizationKind.Company);
        var keyPages = new KeyPages("company");
        await using var context = await fixture.NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, owner);

        await page.Locator($"nav.site-nav a[href='/o/{slug}/due-diligence']").ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/due-diligence");
        await keyPages.CheckAsync(page, "due-diligence");

        // A government request, assessed for legality, necessity and proportionality.
        await page.Locator($"nav.site-nav a[href='/o/{slug}/government-requests']").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a government request" }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/government-requests/new");
        await keyPages.CheckAsync(page, "government-request");
        await page.GetByLabel("Received on", new() { Exact = true }).FillAsync("2024-03-05");
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("BR");
        await page.GetByLabel("Requesting authority", new() { Exact = true }).FillAsync("Fictional state court");
        await page.GetByLabel("Request type", new() { Exact = true }).SelectOptionAsync("user-data");
        await page.GetByLabel("Legal process", new() { Exact = true }).SelectOptionAsync("court-order");
        await page.GetByLabel("Accounts specified", new() { Exact = true }).FillAsync("4");
        await page.Locator("#Input_ValidAndBinding_yes").CheckAsync();
        await page.Locator("#Input_ConsistentWithLaw_yes").CheckAsync();
        await page.Locator("#Input_Legality_yes").CheckAsync();
        await page.Locator("#Input_LegitimateAim_yes").CheckAsync();
        await page.Locator("#Input_Necessity_unclear").CheckAsync();
        await page.Locator("#Input_Proportionality_no").CheckAsync();
        await page.Locator("#Input_ProportionalityNote").FillAsync("Asked for all accounts of a group; narrowed to one");
        await page.Locator("#Input_Decision").SelectOptionAsync("complied-partially");
        await page.GetByLabel("Items disclosed or removed", new() { Exact = true }).FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the request" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        // The half-year's transparency report counts it.
        await page.Locator($"nav.site-nav a[href='/o/{slug}/transparency']").ClickAsync();
        await page.GetByLabel("Period", new() { Exact = true }).FillAsync("2024H1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the report" }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/transparency/2024H1");
        await Assertions.Expect(page.GetByTestId("total-requests")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("total-accounts")).ToHaveTextAsync("4");
        await keyPages.CheckAsync(page, "transparency-report");

        keyPages.AssertClean(expectedScreenshots: 6);
    }
}
