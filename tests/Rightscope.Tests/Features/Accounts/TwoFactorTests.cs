using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Accounts;

public sealed class TwoFactorTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Enabling_two_factor_makes_sign_in_require_a_code_from_the_authenticator(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var before = await (await client.GetAsync("/account/security")).Content.ReadAsStringAsync();
        Assert.Contains("data-enabled=\"false\"", before, StringComparison.Ordinal);

        var (key, _) = await AccountSteps.EnableTwoFactorAsync(client);

        // Still signed in after the security stamp changed, and the page says two-factor is on.
        var after = await client.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var afterHtml = await after.Content.ReadAsStringAsync();
        Assert.Contains("data-enabled=\"true\"", afterHtml, StringComparison.Ordinal);
        Assert.Contains("Recovery codes left: 10", afterHtml, StringComparison.Ordinal);

        await AccountSteps.SignOutAsync(client);
        var secondStep = await AccountSteps.PasswordStepAsync(client, owner.Email!);
        // The password alone does not sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);

        var wrong = await Forms.PostAsync(client, secondStep, new Dictionary<string, string> { ["Input.Code"] = AccountSteps.WrongTotp(key) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The code is not correct or has expired.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);

        var right = await Forms.PostAsync(client, secondStep, new Dictionary<string, string> { ["Input.Code"] = AccountSteps.Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/orgs", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/security")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_authenticator_code_signs_in_once_and_is_refused_when_replayed(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var (key, _) = await AccountSteps.EnableTwoFactorAsync(client);
        await AccountSteps.SignOutAsync(client);

        var code = AccountSteps.Totp(key);
        var first = await Forms.PostAsync(client, await AccountSteps.PasswordStepAsync(client, owner.Email!), new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AccountSteps.SignOutAsync(client);

        // Someone who saw the code typed tries it again while it is still within its validity window.
        var replay = await Forms.PostAsync(client, await AccountSteps.PasswordStepAsync(client, owner.Email!), new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);

        // The app's next code still works.
        var next = await Forms.PostAsync(client, await AccountSteps.PasswordStepAsync(client, owner.Email!), new Dictionary<string, string> { ["Input.Code"] = AccountSteps.Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/security")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Enabling_with_a_wrong_code_returns_400_and_leaves_two_factor_off(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var key = await AccountSteps.ReadKeyAsync(client);

        var wrong = await Forms.PostAsync(client, "/account/two-factor/enable", new Dictionary<string, string> { ["Input.Code"] = AccountSteps.WrongTotp(key) });
        var malformed = await Forms.PostAsync(client, "/account/two-factor/enable", new Dictionary<string, string> { ["Input.Code"] = "12ab" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("The code is not correct.", html, StringComparison.Ordinal);
        Assert.Empty(AccountSteps.RecoveryCodes(html));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("Enter the 6 digits", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reloading the page keeps the key the person may already have scanned.
        Assert.Equal(key, await AccountSteps.ReadKeyAsync(client));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Rightscope.Features.Accounts.User>>();
        Assert.False(await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(owner.Id.ToString()))!));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_recovery_code_signs_in_once_and_then_fails(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var (_, codes) = await AccountSteps.EnableTwoFactorAsync(client);
        await AccountSteps.SignOutAsync(client);

        await AccountSteps.PasswordStepAsync(client, owner.Email!);
        // Lower case without the hyphen is accepted: people type what they wrote down.
        var typed = codes[3].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var first = await Forms.PostAsync(client, "/account/sign-in/recovery", new Dictionary<string, string> { ["Input.Code"] = typed });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/orgs", first.Headers.Location?.OriginalString);
        var security = await (await client.GetAsync("/account/security")).Content.ReadAsStringAsync();
        Assert.Contains("Recovery codes left: 9", security, StringComparison.Ordinal);
        await AccountSteps.SignOutAsync(client);

        await AccountSteps.PasswordStepAsync(client, owner.Email!);
        var second = await Forms.PostAsync(client, "/account/sign-in/recovery", new Dictionary<string, string> { ["Input.Code"] = codes[3] });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("not valid or has already been used", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);

        // A wrong recovery code counts towards the lockout once.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.Equal(1, await users.GetAccessFailedCountAsync((await users.FindByIdAsync(owner.Id.ToString()))!));

        var other = await Forms.PostAsync(client, "/account/sign-in/recovery", new Dictionary<string, string> { ["Input.Code"] = codes[4] });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_recovery_page_without_a_password_step_sends_back_to_sign_in(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var client = app.CreateBrowserlikeClient();

        foreach (var page in new[] { "/account/sign-in/recovery", "/account/sign-in/two-factor" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain("two-factor", response.Headers.Location?.OriginalString, StringComparison.Ordinal);

            // A code posted after the password step expired gets a clear message, not a silent jump.
            var token = Forms.AntiforgeryToken(await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync());
            var posted = await Forms.PostWithTokenAsync(client, page, token, new Dictionary<string, string> { ["Input.Code"] = "123456" });
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Contains("Your sign-in has expired.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_security_and_set_up_pages_speak_chinese_when_asked(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        // Razor's encoder writes CJK characters as character references; read the text as a browser would.
        var security = WebUtility.HtmlDecode(await (await client.GetAsync("/account/security")).Content.ReadAsStringAsync());
        var enable = WebUtility.HtmlDecode(await (await client.GetAsync("/account/two-factor/enable")).Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"zh-Hans\">", security, StringComparison.Ordinal);
        Assert.Contains("双重身份验证未启用", security, StringComparison.Ordinal);
        Assert.Contains("更改密码", security, StringComparison.Ordinal);
        Assert.Contains("身份验证器应用中的验证码", enable, StringComparison.Ordinal);
        Assert.DoesNotContain("Turn on two-factor", security + enable, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_authenticator_key_and_recovery_codes_are_encrypted_at_rest_and_never_audited(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var (key, codes) = await AccountSteps.EnableTwoFactorAsync(client);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var storedKey = Assert.Single(await db.Database
            .SqlQueryRaw<string>("SELECT \"Value\" FROM \"UserTokens\" WHERE \"Name\" = 'AuthenticatorKey'")
            .ToListAsync());
        var storedCodes = Assert.Single(await db.Database
            .SqlQueryRaw<string>("SELECT \"Value\" FROM \"UserTokens\" WHERE \"Name\" = 'RecoveryCodes'")
            .ToListAsync());
        Assert.DoesNotContain(key, storedKey, StringComparison.OrdinalIgnoreCase);
        Assert.True(storedKey.Length > key.Length, "the stored key should be a protected payload");
        foreach (var code in codes)
        {
            Assert.DoesNotContain(code, storedCodes, StringComparison.OrdinalIgnoreCase);
        }

        var audit = string.Join("\n", await db.AuditEntries.IgnoreQueryFilters().Select(e => e.Summary + " " + e.Actor).ToListAsync());
        Assert.Contains("recovery codes issued", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(key, audit, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(codes[0], audit, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Regenerating_recovery_codes_shows_new_ones_once_and_revokes_the_old(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var (_, oldCodes) = await AccountSteps.EnableTwoFactorAsync(client);

        var response = await Forms.PostAsync(client, "/account/security", new Dictionary<string, string>(), postUrl: "/account/security?handler=RegenerateCodes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newCodes = AccountSteps.RecoveryCodes(await response.Content.ReadAsStringAsync());
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.Empty(AccountSteps.RecoveryCodes(await (await client.GetAsync("/account/security")).Content.ReadAsStringAsync()));

        await AccountSteps.SignOutAsync(client);
        await AccountSteps.PasswordStepAsync(client, owner.Email!);
        var old = await Forms.PostAsync(client, "/account/sign-in/recovery", new Dictionary<string, string> { ["Input.Code"] = oldCodes[0] });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        var fresh = await Forms.PostAsync(client, "/account/sign-in/recovery", new Dictionary<string, string> { ["Input.Code"] = newCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Disabling_two_factor_needs_the_current_password_and_deletes_key_and_codes(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var (key, _) = await AccountSteps.EnableTwoFactorAsync(client);
        const string disable = "/account/security?handler=DisableTwoFactor";

        var wrong = await Forms.PostAsync(client, "/account/security", new Dictionary<string, string> { ["Disable.CurrentPassword"] = "not my password" }, disable);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The current password is not correct.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await Forms.PostAsync(client, "/account/security", new Dictionary<string, string> { ["Disable.CurrentPassword"] = TestData.Password }, disable);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var security = await (await client.GetAsync("/account/security")).Content.ReadAsStringAsync();
        Assert.Contains("data-enabled=\"false\"", security, StringComparison.Ordinal);
        Assert.Contains("Your authenticator key and recovery codes have been deleted.", security, StringComparison.Ordinal);

        // The password alone signs in again, and a new set-up gets a new key.
        await AccountSteps.SignOutAsync(client);
        var signIn = await AccountSteps.PostPasswordAsync(client, owner.Email!, TestData.Password);
        Assert.Equal("/orgs", signIn.Headers.Location?.OriginalString);
        Assert.NotEqual(key, await AccountSteps.ReadKeyAsync(client));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT \"Value\" FROM \"UserTokens\" WHERE \"Name\" = 'RecoveryCodes'").ToListAsync());
    }
}
