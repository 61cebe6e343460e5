using Microsoft.Playwright;
using OtpNet;
using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Accounts;

public sealed class TwoFactorBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_a_person_turns_on_two_factor_sees_recovery_codes_and_switches_to_chinese()
    {
        var (_, email) = await fixture.CreateOwnerAsync();
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await PageSteps.SignInAsync(page, email);
        await page.GotoAsync("/account/security");
        Assert.Equal("false", await page.GetByTestId("two-factor-status").GetAttributeAsync("data-enabled"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await page.WaitForURLAsync("**/account/two-factor/enable");

        Assert.Equal(1, await page.Locator(".qr[role=img] svg").CountAsync());
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("two-factor-enabled")).ToBeVisibleAsync();
        var codes = await page.GetByTestId("recovery-codes").Locator("li").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c.Trim()));

        await page.Locator(".language-switcher").GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        var nav = page.Locator("nav.site-nav");
        await Assertions.Expect(nav).ToContainTextAsync("账户安全");
        await Assertions.Expect(nav).ToContainTextAsync("我的组织");
        // The page itself speaks Chinese too, and the codes are not shown again.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("启用双重身份验证");
        Assert.Equal(0, await page.GetByTestId("recovery-codes").CountAsync());
    }
}
