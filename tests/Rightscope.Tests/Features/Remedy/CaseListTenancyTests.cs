using System.Net;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>
/// A case handler of two organizations, recipient of a channel in each: each organization's case list, counts and
/// deadlines hold that organization's cases only, though the handler can open the others' elsewhere.
/// </summary>
public sealed class CaseListTenancyTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_handler_of_two_organizations_sees_each_organizations_cases_only_in_its_list(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var first = await RemedySteps.SetUpAsync(app);
        var (second, secondOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        await app.AddMemberAsync(second, Role.CaseHandler, first.Handler.Email);
        var ownerClient = await app.SignInAsync(secondOwner.Email!);
        var secondChannel = TestData.UniqueSlug("ch");
        var created = await Forms.PostAsync(ownerClient, $"/o/{second.Slug}/channels", new Dictionary<string, string>
        {
            ["Input.Slug"] = secondChannel,
            ["Input.NameEn"] = "Second channel",
            ["Input.NameZh"] = "第二渠道",
            ["Input.Questionnaire"] = "general",
            ["Input.RetentionDays"] = "365",
            ["Input.Recipients"] = first.Handler.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), first.Channel, "first organization's report")).Receipt);
        for (var i = 0; i < 2; i++)
        {
            Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), secondChannel, $"second organization's report {i}")).Receipt);
        }

        var handler = first.HandlerClient;
        var inFirst = await RemedySteps.CaseIdsAsync(handler, first.Organization);
        var inSecond = await RemedySteps.CaseIdsAsync(handler, second);
        Assert.Single(inFirst);
        Assert.Equal(2, inSecond.Count);
        Assert.Empty(inFirst.Intersect(inSecond));

        var firstList = await (await handler.GetAsync($"/o/{first.Organization.Slug}/cases")).Content.ReadAsStringAsync();
        Assert.Contains("Page 1 of 1 (1 cases)", firstList, StringComparison.Ordinal);
        Assert.Contains("Deadlines: 0 overdue, 0 due soon", firstList, StringComparison.Ordinal);
        var secondList = await (await handler.GetAsync($"/o/{second.Slug}/cases")).Content.ReadAsStringAsync();
        Assert.Contains("Page 1 of 1 (2 cases)", secondList, StringComparison.Ordinal);

        // Filtered lists count through the cases, not the envelopes: the same separation.
        var filtered = await (await handler.GetAsync($"/o/{first.Organization.Slug}/cases?defender=false")).Content.ReadAsStringAsync();
        Assert.Contains("Page 1 of 1 (1 cases)", filtered, StringComparison.Ordinal);

        // Another organization's case is not reachable through this organization's address.
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/o/{first.Organization.Slug}/cases/{inSecond[0]}")).StatusCode);
    }
}
