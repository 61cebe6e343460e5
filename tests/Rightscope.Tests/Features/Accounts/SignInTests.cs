using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Accounts;

public sealed class SignInTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sign_in_with_the_right_password_reaches_the_organizations_and_is_audited(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        var client = app.CreateBrowserlikeClient();

        var response = await AccountSteps.PostPasswordAsync(client, owner.Email!, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/orgs", response.Headers.Location?.OriginalString);
        // With one organization, the list goes straight to it.
        var orgs = await client.GetAsync("/orgs");
        Assert.Equal($"/o/{organization.Slug}", orgs.Headers.Location?.OriginalString);
        var overview = await client.GetAsync($"/o/{organization.Slug}");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains(organization.Name, await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        Assert.True(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "account.signed-in" && e.ActorId == owner.Id.ToString("N")));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sign_in_with_a_wrong_password_or_unknown_email_returns_400_with_the_same_generic_message(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = app.CreateBrowserlikeClient();

        var wrongPassword = await AccountSteps.PostPasswordAsync(client, owner.Email!, "not the password at all");
        var unknownEmail = await AccountSteps.PostPasswordAsync(client, "nobody@example.org", TestData.Password);

        foreach (var response in new[] { wrongPassword, unknownEmail })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("The e-mail address or password is not correct.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("yes")]
    [InlineData("")]
    public async Task A_checkbox_posted_with_a_value_that_is_not_true_or_false_is_a_400_naming_the_field_not_a_500(string rememberMe)
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = app.CreateBrowserlikeClient();

        var response = await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = owner.Email!,
            ["Input.Password"] = TestData.Password,
            ["Input.RememberMe"] = rememberMe,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Input.RememberMe", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        // Not signed in: the form was refused as a whole.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = app.CreateBrowserlikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await AccountSteps.PostPasswordAsync(client, owner.Email!, $"wrong password {attempt}")).StatusCode);
        }

        var fifth = await AccountSteps.PostPasswordAsync(client, owner.Email!, "wrong password 5");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/account/lockout", fifth.Headers.Location?.OriginalString);

        var right = await AccountSteps.PostPasswordAsync(client, owner.Email!, TestData.Password);
        Assert.Equal("/account/lockout", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);
    }
}
