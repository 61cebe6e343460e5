using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Organizations;

public sealed partial class SetupTests
{
    [GeneratedRegex(@"setup token:\s+([0-9a-f]{24})")]
    private static partial Regex PrintedToken();

    private static Dictionary<string, string> Form(string token, string slug = "first-org") => new()
    {
        ["Input.SetupToken"] = token,
        ["Input.OrganizationName"] = "First organization",
        ["Input.Slug"] = slug,
        ["Input.Kind"] = "civil-society",
        ["Input.DisplayName"] = "First owner",
        ["Input.Email"] = "first@example.org",
        ["Input.Password"] = TestData.Password,
        ["Input.ConfirmPassword"] = TestData.Password,
    };

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task First_run_creates_the_organization_and_owner_only_with_the_printed_token(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var token = PrintedToken().Match(app.ConsoleOutput).Groups[1].Value;
        Assert.NotEmpty(token);
        var client = app.CreateBrowserlikeClient();

        var home = await client.GetAsync("/");
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);

        var wrong = await Forms.PostAsync(client, "/setup", Form("0000" + token[4..]));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("setup token is not correct", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await Forms.PostAsync(client, "/setup", Form(token));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/o/first-org", created.Headers.Location?.OriginalString);

        // The new owner is signed in and sees the organization.
        var overview = await client.GetAsync("/o/first-org");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("First organization", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Once an organization exists the page is gone, token or not.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/setup")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task First_run_with_bad_fields_shows_field_errors_and_writes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var token = PrintedToken().Match(app.ConsoleOutput).Groups[1].Value;
        var client = app.CreateBrowserlikeClient();
        var form = Form(token, slug: "Not A Slug!");
        form["Input.Password"] = "short";
        form["Input.ConfirmPassword"] = "short";

        var response = await Forms.PostAsync(client, "/setup", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lowercase letters", html, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        Assert.False(await db.Organizations.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
    }
}
