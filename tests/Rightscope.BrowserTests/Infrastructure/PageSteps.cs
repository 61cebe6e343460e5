using Microsoft.Playwright;

namespace Rightscope.BrowserTests.Infrastructure;

/// <summary>What a person does in the browser, shared by the tests.</summary>
public static class PageSteps
{
    public static async Task SignInAsync(IPage page, string email, string password = BrowserFixture.Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/sign-in");
    }
}
