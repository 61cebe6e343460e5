using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Accounts;

public sealed class PasswordTests
{
    private const string NewPassword = "a different long passphrase";
    private const string ChangePassword = "/account/security?handler=ChangePassword";

    private static Dictionary<string, string> Form(string current, string next, string confirm) => new()
    {
        ["ChangePassword.CurrentPassword"] = current,
        ["ChangePassword.NewPassword"] = next,
        ["ChangePassword.ConfirmPassword"] = confirm,
    };

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Changing_the_password_keeps_the_session_and_the_old_password_stops_working(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);

        var response = await Forms.PostAsync(client, "/account/security", Form(TestData.Password, NewPassword, NewPassword), ChangePassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your password has been changed.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AccountSteps.SignOutAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, (await AccountSteps.PostPasswordAsync(client, owner.Email!, TestData.Password)).StatusCode);
        Assert.Equal("/orgs", (await AccountSteps.PostPasswordAsync(client, owner.Email!, NewPassword)).Headers.Location?.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var entry = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.Action == "account.password-changed");
        Assert.DoesNotContain(NewPassword, entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Changing_the_password_with_a_wrong_current_password_or_a_short_new_one_returns_400_and_keeps_the_password(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);

        var wrongCurrent = await Forms.PostAsync(client, "/account/security", Form("not the password", NewPassword, NewPassword), ChangePassword);
        var tooShort = await Forms.PostAsync(client, "/account/security", Form(TestData.Password, "short", "short"), ChangePassword);
        var differ = await Forms.PostAsync(client, "/account/security", Form(TestData.Password, NewPassword, NewPassword + "!"), ChangePassword);

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Contains("The current password is not correct.", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, differ.StatusCode);
        await AccountSteps.SignOutAsync(client);
        Assert.Equal("/orgs", (await AccountSteps.PostPasswordAsync(client, owner.Email!, TestData.Password)).Headers.Location?.OriginalString);
    }
}
