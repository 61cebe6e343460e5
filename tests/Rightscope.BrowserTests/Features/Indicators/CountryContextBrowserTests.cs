using System.Text;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Organizations;

namespace Rightscope.BrowserTests.Features.Indicators;

public sealed class CountryContextBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_a_researcher_imports_a_dataset_and_opens_a_country_page_with_its_gaps_and_index_rank()
    {
        var (slug, owner) = await fixture.CreateOwnerAsync(OrganizationKind.CivilSociety);

        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, owner);

        await page.GotoAsync($"/o/{slug}/indicators");
        await page.GetByLabel("Dataset name", new() { Exact = true }).FillAsync("Survey 2024");
        await page.GetByLabel("CSV file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "survey.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(
                "indicator,country,year,value,sex,location\r\n" +
                "internet-use,KEN,2024,40,,\r\n" +
                "internet-use,KEN,2024,35,female,\r\n" +
                "internet-use,KEN,2024,45,male,\r\n" +
                "internet-use,KEN,2024,60,,urban\r\n" +
                "internet-use,KEN,2024,30,,rural\r\n" +
                "internet-use,DEU,2024,92,,\r\n" +
                "egov-online-services,KE,2024,0.6,,\r\negov-telecom-infrastructure,KE,2024,0.4,,\r\negov-human-capital,KE,2024,0.5,,\r\n" +
                "egov-online-services,DE,2024,0.9,,\r\negov-telecom-infrastructure,DE,2024,0.9,,\r\negov-human-capital,DE,2024,0.95,,\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-message")).ToHaveTextAsync("Dataset \"Survey 2024\" imported: 12 values.");

        // A draft until published: the owner checks it on its page and publishes it.
        await page.GetByTestId("import-draft-note").GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dataset-status")).ToContainTextAsync("Published on");
        await page.GotoAsync($"/o/{slug}/indicators");

        await page.GetByTestId("countries").GetByRole(AriaRole.Link, new() { Name = "Kenya", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{slug}/countries/KE");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Country context: Kenya");
        var indicators = page.GetByRole(AriaRole.Table, new() { Name = "Latest value of each indicator for Kenya, with gaps by sex and location", Exact = true });
        await Assertions.Expect(indicators.GetByRole(AriaRole.Row).Filter(new() { HasText = "Internet use" }).GetByRole(AriaRole.Cell))
            .ToHaveTextAsync(["2024", "40", "35", "45", "-10", "60", "30", "30"]);
        var indices = page.GetByRole(AriaRole.Table, new() { Name = "Kenya in the composite indices", Exact = true });
        await Assertions.Expect(indices.GetByRole(AriaRole.Row).Filter(new() { HasText = "E-government development index" }).GetByRole(AriaRole.Cell))
            .ToHaveTextAsync(["2024", "0.000", "2 of 2"]);

        // Accessibility of the country page and the indicator list, checked in a JavaScript context for axe.
        var problems = new List<string>();
        await using (var axeContext = await fixture.NewContextAsync(javaScript: true))
        {
            var axePage = await axeContext.NewPageAsync();
            await PageSteps.SignInAsync(axePage, owner);
            foreach (var url in new[] { $"/o/{slug}/countries/KE", $"/o/{slug}/indicators", $"/o/{slug}/indices/e-government" })
            {
                await axePage.GotoAsync(url);
                problems.AddRange(await AxeChecks.SeriousViolationsAsync(axePage));
            }
        }

        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
    }
}
