using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;

namespace Rightscope.BrowserTests.Features.Journeys;

/// <summary>A company's public reporting channel, received by a case handler who holds case keys.</summary>
public sealed record JourneyChannel(string Slug, string Owner, string Handler, string Path, string Name);

/// <summary>Steps several journeys start from, done through the pages as <c>RemedyBrowserTests</c> does them.</summary>
public static class JourneySetup
{
    public static async Task<JourneyChannel> CreateChannelAsync(BrowserFixture fixture)
    {
        var (slug, owner) = await fixture.CreateOwnerAsync(OrganizationKind.Company);
        var handler = await fixture.AddMemberAsync(slug, Role.CaseHandler);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var channel = "journey-" + marker;
        var name = "Product grievances " + marker;

        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, handler);
        await page.GotoAsync("/account/case-keys");
        await page.GetByLabel("Your account password", new() { Exact = true }).FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my case keys" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("keys-exist")).ToBeVisibleAsync();
        await page.Locator(".sign-out button").ClickAsync();

        await PageSteps.SignInAsync(page, owner);
        await page.GotoAsync($"/o/{slug}/channels");
        await page.GetByLabel("Address name (in /report/…)", new() { Exact = true }).FillAsync(channel);
        await page.GetByLabel("Name in English", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Name in Chinese", new() { Exact = true }).FillAsync("产品申诉渠道 " + marker);
        // Text typed in the other language is marked as such, so it is spell-checked and read out in that language.
        await Assertions.Expect(page.GetByLabel("Name in Chinese", new() { Exact = true })).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(page.GetByLabel("Introduction in English", new() { Exact = true })).ToHaveAttributeAsync("lang", "en");
        await page.GetByLabel("Introduction in English", new() { Exact = true }).FillAsync("Tell us how our product harmed you or others.");
        await page.GetByLabel("Introduction in Chinese", new() { Exact = true }).FillAsync("请告诉我们我们的产品如何伤害了您或他人。");
        await page.GetByLabel("Questionnaire", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Grievance (harm from a product or service)" });
        await page.GetByLabel("Retention period (days)", new() { Exact = true }).FillAsync("365");
        await page.GetByRole(AriaRole.Group, new() { Name = "Recipients (case handlers)" }).GetByRole(AriaRole.Checkbox, new() { Name = $"({handler})" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the channel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The channel {channel} was created.");
        return new JourneyChannel(slug, owner, handler, "/report/" + channel, name);
    }

    /// <summary>
    /// A reporter's path in <paramref name="language"/>: the channel's page, switched to the language with its own
    /// switcher, the report sent, the receipt, and the follow-up with it. <paramref name="atKeyPage"/> runs on each key
    /// page; returns the receipt.
    /// </summary>
    public static async Task<string> SendReportAsync(IPage page, JourneyChannel channel, string language, string description, Func<string, Task> atKeyPage)
    {
        var chinese = language == "zh-Hans";
        await page.GotoAsync(channel.Path);
        await KeyPages.SwitchLanguageAsync(page, language);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(chinese ? "产品申诉渠道" : "Product grievances");
        await atKeyPage("report-form");

        await page.GetByLabel(chinese ? "发生了什么？" : "What happened?", new() { Exact = true }).FillAsync(description);
        await page.GetByLabel(chinese ? "在哪个国家？" : "In which country?").FillAsync(chinese ? "示例国" : "Exampleland");
        await page.GetByRole(AriaRole.Button, new() { Name = chinese ? "提交举报" : "Send the report" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(chinese ? "您的举报已收到" : "Your report was received");
        var receipt = (await page.GetByTestId("receipt").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", receipt);
        await atKeyPage("receipt");

        await page.GetByRole(AriaRole.Link, new() { Name = chinese ? "跟进您的举报" : "Follow up on your report" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(chinese ? "跟进举报" : "Follow up on a report");
        await page.GetByLabel(chinese ? "回执码" : "Receipt code", new() { Exact = true }).FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = chinese ? "打开" : "Open", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync(chinese ? "已收到" : "Received");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await atKeyPage("follow-up");
        return receipt;
    }
}
