using Microsoft.Playwright;
using OtpNet;
using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Accounts;

public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Account_pages_have_no_serious_or_critical_axe_violations()
    {
        var (_, email) = await fixture.CreateOwnerAsync();
        await using var context = await fixture.NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync("/account/sign-in");
        problems.AddRange(await AxeChecks.SeriousViolationsAsync(page));
        await PageSteps.SignInAsync(page, email);
        foreach (var url in new[] { "/account/security", "/account/two-factor/enable" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await AxeChecks.SeriousViolationsAsync(page));
        }

        // With two-factor on: the recovery codes, then the second sign-in step and its recovery-code variant.
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        problems.AddRange(await AxeChecks.SeriousViolationsAsync(page));
        await page.Locator(".sign-out button").ClickAsync();
        await PageSteps.SignInAsync(page, email);
        Assert.Contains("/account/sign-in/two-factor", page.Url, StringComparison.Ordinal);
        problems.AddRange(await AxeChecks.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in/recovery**");
        problems.AddRange(await AxeChecks.SeriousViolationsAsync(page));

        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
    }
}
