using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Organizations;

namespace Rightscope.BrowserTests.Features.Transparency;

public sealed class TransparencyBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_a_company_records_a_government_request_with_its_assessment_and_sees_it_counted_in_the_published_report()
    {
        var (slug, owner) = await fixture.CreateOwnerAsync(OrganizationKind.Company);
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, owner);

        await page.GotoAsync($"/o/{slug}/government-requests");
        await Assertions.Expect(page.GetByText("0 request(s) match.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a government request" }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/government-requests/new");

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
        await page.GetByLabel("The request came with a non-disclosure order").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the request" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_Proportionality_no")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#Input_ProportionalityNote")).ToHaveValueAsync("Asked for all accounts of a group; narrowed to one");

        await page.GotoAsync($"/o/{slug}/transparency");
        await page.GetByLabel("Period", new() { Exact = true }).FillAsync("2024H1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the report" }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/transparency/2024H1");
        await Assertions.Expect(page.GetByTestId("total-requests")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("total-accounts")).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByTestId("by-country").GetByRole(AriaRole.Row).Filter(new() { HasText = "Brazil" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this report" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToHaveTextAsync("The report was published.");

        var reader = await context.NewPageAsync();
        var response = await reader.GotoAsync($"/transparency/{slug}/2024H1");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(reader.GetByTestId("total-requests")).ToHaveTextAsync("1");
        await Assertions.Expect(reader.GetByTestId("total-share")).ToHaveTextAsync("100%");
        await reader.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();
        await reader.WaitForURLAsync($"**/transparency/{slug}/2024H1?lang=zh-Hans");
        await Assertions.Expect(reader.Locator("h1")).ToContainTextAsync("2024 年上半年");
        await Assertions.Expect(reader.GetByTestId("total-requests")).ToHaveTextAsync("1");
        var missing = await reader.GotoAsync($"/transparency/{slug}/2024H2");
        Assert.Equal(404, missing!.Status);

        // axe runs as an injected script whose promise never settles where JavaScript is off (the test used to hang
        // there, in the first check), so the pages are checked again in a JavaScript context, as the other classes do.
        var problems = new List<string>();
        await using (var axeContext = await fixture.NewContextAsync(javaScript: true))
        {
            var axePage = await axeContext.NewPageAsync();
            await PageSteps.SignInAsync(axePage, owner);
            foreach (var url in new[] { $"/o/{slug}/government-requests", $"/o/{slug}/government-requests/new", $"/o/{slug}/transparency/2024H1", $"/transparency/{slug}/2024H1", $"/transparency/{slug}/2024H1?lang=zh-Hans" })
            {
                await axePage.GotoAsync(url);
                problems.AddRange(await AxeChecks.SeriousViolationsAsync(axePage));
            }
        }

        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
    }
}
