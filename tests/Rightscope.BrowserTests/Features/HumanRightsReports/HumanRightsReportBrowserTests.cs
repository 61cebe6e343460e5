using System.Collections.Concurrent;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;

namespace Rightscope.BrowserTests.Features.HumanRightsReports;

public sealed class HumanRightsReportBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_a_report_is_written_approved_by_a_second_person_and_published_and_its_public_page_passes_axe_in_both_languages()
    {
        var (slug, owner) = await fixture.CreateOwnerAsync(OrganizationKind.Company);
        var reviewer = await fixture.AddMemberAsync(slug, Role.Reviewer);
        var marker = Guid.NewGuid().ToString("N")[..8];

        await using var ownerContext = await fixture.NewContextAsync(javaScript: false);
        var page = await ownerContext.NewPageAsync();
        await PageSteps.SignInAsync(page, owner);
        await page.GotoAsync($"/o/{slug}/human-rights-reports");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Human rights reports");
        await page.GetByLabel("Reporting year", new() { Exact = true }).FillAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Human rights report 2025");
        await Assertions.Expect(page.GetByTestId("missing-count")).ToHaveTextAsync("4 required section(s) are still empty.");
        var overview = page.Url;

        foreach (var section in new[] { "A1. Policy commitment", "A2. Embedding respect for human rights", "B1. Statement of salient issues", "B2. Determination of salient issues" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
            await page.GetByLabel("English text", new() { Exact = true }).FillAsync($"Fictional {section} text {marker}.");
            if (section.StartsWith("A1", StringComparison.Ordinal))
            {
                await page.GetByLabel("Chinese text", new() { Exact = true }).FillAsync($"虚构的政策承诺文本 {marker}。");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
            await page.WaitForURLAsync(overview);
        }

        await Assertions.Expect(page.GetByTestId("missing-count")).ToHaveTextAsync("Every required section is written.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveTextAsync("Submitted for review");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);

        await using var reviewerContext = await fixture.NewContextAsync(javaScript: false);
        var reviewerPage = await reviewerContext.NewPageAsync();
        await PageSteps.SignInAsync(reviewerPage, reviewer);
        await reviewerPage.GotoAsync(overview);
        await reviewerPage.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(reviewerPage.GetByTestId("report-status")).ToHaveTextAsync("Approved");

        await page.GotoAsync(overview);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveTextAsync("Published");

        // A reader with JavaScript (for axe only): every request stays on this server.
        await using var readerContext = await fixture.NewContextAsync(javaScript: true);
        var requests = new ConcurrentQueue<string>();
        readerContext.Request += (_, request) => requests.Enqueue(request.Url);
        var reader = await readerContext.NewPageAsync();
        var problems = new List<string>();
        foreach (var (lang, title, a1) in new[]
        {
            ("en", "Human rights report 2025 — Browser test organization", $"Fictional A1. Policy commitment text {marker}."),
            ("zh-Hans", "2025 年人权报告 — Browser test organization", $"虚构的政策承诺文本 {marker}。"),
        })
        {
            var response = await reader.GotoAsync($"/human-rights-reports/{slug}/2025?lang={lang}");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", lang);
            await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(title);
            await Assertions.Expect(reader.GetByText(a1, new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(reader.GetByRole(AriaRole.Navigation, new() { Name = lang == "en" ? "Contents" : "目录" }).GetByRole(AriaRole.Link)).Not.ToHaveCountAsync(0);
            await Assertions.Expect(reader.Locator("link[rel=stylesheet][media=print]")).ToHaveAttributeAsync("href", "/css/human-rights-report-print.css");
            problems.AddRange(await AxeChecks.SeriousViolationsAsync(reader));
        }

        // The Chinese reader is told that A2 exists only in English, and sees it marked as English.
        await Assertions.Expect(reader.GetByText("这一部分只有英文版本。").First).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("p[lang=en]").First).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
        var origin = fixture.BaseUrl.GetLeftPart(UriPartial.Authority);
        Assert.All(requests, url => Assert.StartsWith(origin, url, StringComparison.Ordinal));
    }
}
