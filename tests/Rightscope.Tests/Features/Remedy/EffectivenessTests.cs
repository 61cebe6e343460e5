using System.Net;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>The GP31 effectiveness dashboard at <c>/o/{org}/cases/effectiveness</c>: aggregate, suppressed, content-free.</summary>
public sealed class EffectivenessTests
{
    private static string Url(RemedySetup setup, string query = "") => $"/o/{setup.Organization.Slug}/cases/effectiveness{query}";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_owner_sees_suppressed_counts_and_never_case_content(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        var reporter = app.CreateBrowserlikeClient();
        for (var i = 0; i < 7; i++)
        {
            var (_, _, receipt) = await RemedySteps.SubmitAsync(reporter, setup.Channel, i == 0 ? canary : $"report {i}");
            Assert.NotNull(receipt);
        }

        await RemedySteps.UnlockAsync(setup.HandlerClient);
        var ids = await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization);
        Assert.Equal(7, ids.Count);
        foreach (var id in ids.Take(2))
        {
            var acknowledged = await PostAsync(setup.HandlerClient, $"/o/{setup.Organization.Slug}/cases/{id}", "Step", new Dictionary<string, string> { ["Step"] = "Acknowledge" });
            Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        }

        var response = await setup.OwnerClient.GetAsync(Url(setup));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.DoesNotContain(canary, html, StringComparison.Ordinal);
        Assert.DoesNotContain("report 1", html, StringComparison.Ordinal);
        // Two acknowledged of seven: the 2 is shown as "<5" and the 5 awaiting acknowledgement is withheld beside it,
        // so that 7 − 5 cannot give the 2 away; the total stays.
        Assert.Contains("<tr data-stage=\"InProgress\"><th scope=\"row\">Acknowledged, open</th><td><5</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-stage=\"AwaitingAcknowledgement\"><th scope=\"row\">Awaiting acknowledgement</th><td>withheld</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-stage=\"total\"><th scope=\"row\">Received</th><td>7</td></tr>", html, StringComparison.Ordinal);
        // Two acknowledgements are too few for a median.
        Assert.Contains("<tr data-measure=\"acknowledge\"><th scope=\"row\">From receipt to acknowledgement</th><td>fewer than 5 cases</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"not-recorded-Sex\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        // The SVG draws a suppressed count as an empty bar: no bar says 2.
        Assert.DoesNotContain("Acknowledged, open: 2", html, StringComparison.Ordinal);

        // The case handler sees the same figures; in Chinese too.
        var handlerView = await HtmlAsync(await setup.HandlerClient.GetAsync(Url(setup)));
        Assert.Contains("<td>withheld</td>", handlerView, StringComparison.Ordinal);
        var chinese = new HttpRequestMessage(HttpMethod.Get, Url(setup));
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        var zh = await HtmlAsync(await setup.OwnerClient.SendAsync(chinese));
        Assert.Contains("申诉机制的有效性", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_without_the_permission_get_403_and_other_organizations_see_nothing()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var setup = await RemedySteps.SetUpAsync(app);
        var (_, _, receipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "a report");
        Assert.NotNull(receipt);

        var analyst = await app.AddMemberAsync(setup.Organization, Role.Analyst);
        var analystClient = await app.SignInAsync(analyst.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await analystClient.GetAsync(Url(setup))).StatusCode);

        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var otherClient = await app.SignInAsync(otherOwner.Email!);
        var foreign = await otherClient.GetAsync(Url(setup));
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
        var own = await HtmlAsync(await otherClient.GetAsync($"/o/{other.Slug}/cases/effectiveness"));
        Assert.Contains("<tr data-stage=\"total\"><th scope=\"row\">Received</th><td>0</td></tr>", own, StringComparison.Ordinal);

        // The organization's own owner sees its single case, as "<5".
        var mine = await HtmlAsync(await setup.OwnerClient.GetAsync(Url(setup)));
        Assert.Contains("<tr data-stage=\"total\"><th scope=\"row\">Received</th><td><5</td></tr>", mine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?year=abc")]
    [InlineData("?year=1999")]
    [InlineData("?year=2999")]
    public async Task A_bad_period_is_a_400_that_names_the_field(string query)
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var (organization, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);

        var response = await client.GetAsync($"/o/{organization.Slug}/cases/effectiveness{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Year received: choose a year from 2000 to", await HtmlAsync(response), StringComparison.Ordinal);
    }
}
