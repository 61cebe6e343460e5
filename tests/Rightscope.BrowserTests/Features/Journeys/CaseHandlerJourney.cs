using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Journeys;

/// <summary>A case handler unlocks the case key, finds a new report, acknowledges it and answers the reporter.</summary>
public sealed partial class CaseHandlerJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_case_handler_unlocks_the_case_key_acknowledges_and_answers_a_report_and_the_case_pages_pass_axe_in_both_languages()
    {
        var channel = await JourneySetup.CreateChannelAsync(fixture);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await using (var reporterContext = await fixture.NewContextAsync(javaScript: false))
        {
            await JourneySetup.SendReportAsync(await reporterContext.NewPageAsync(), channel, "zh-Hans", $"这款应用泄露了我的位置。{marker}", _ => Task.CompletedTask);
        }

        var keyPages = new KeyPages("case-handler");
        await using var context = await fixture.NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, channel.Handler);

        // The case list through the navigation: locked until the handler re-enters the password.
        await page.Locator($"nav.site-nav a[href='/o/{channel.Slug}/cases']").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Unlock case key", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/case-keys/unlock?returnUrl=**");
        await keyPages.CheckAsync(page, "unlock-case-key");
        await page.GetByLabel("Your account password", new() { Exact = true }).FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/o/{channel.Slug}/cases");
        var caseLink = page.GetByRole(AriaRole.Table, new() { Name = "Cases", Exact = true }).GetByRole(AriaRole.Link, new() { NameRegex = CaseLabel() });
        await Assertions.Expect(caseLink).ToHaveCountAsync(1);
        await keyPages.CheckAsync(page, "cases");

        // The decrypted case, acknowledged and answered.
        await caseLink.ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Received");
        // The reporter's own words are marked as Chinese inside the English page, so a screen reader reads them as Chinese.
        await Assertions.Expect(page.GetByTestId("report").Locator("dd[lang='zh-Hans']").Filter(new() { HasText = marker })).ToHaveCountAsync(1);
        var caseUrl = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await page.WaitForURLAsync($"**{caseUrl}?done=acknowledged");
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Acknowledged");
        await page.GetByLabel("Reply to the reporter", new() { Exact = true }).FillAsync($"Thank you; we are looking into it. {marker}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the reply" }).ClickAsync();
        await page.WaitForURLAsync($"**{caseUrl}?done=replied");
        await Assertions.Expect(page.GetByTestId("message").Locator(".message-text")).ToHaveTextAsync($"Thank you; we are looking into it. {marker}");
        await keyPages.CheckAsync(page, "case");

        keyPages.AssertClean(expectedScreenshots: 6);
    }

    [GeneratedRegex("^Case \\d+$")]
    private static partial Regex CaseLabel();
}
