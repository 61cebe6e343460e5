using System.Net;
using Rightscope.Core.Accounts;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;

namespace Rightscope.Tests.Features.Organizations;

public sealed class MembersTests
{
    private static Dictionary<string, string> ChangeRole(Guid membershipId, string role) => new()
    {
        ["membershipId"] = membershipId.ToString(),
        ["role"] = role,
    };

    private static Dictionary<string, string> Remove(Guid membershipId) => new() { ["membershipId"] = membershipId.ToString() };

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owner_sees_every_member_with_email_and_role(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(owner.Email!);

        var response = await client.GetAsync($"/o/{org.Slug}/members");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(owner.Email!, html, StringComparison.Ordinal);
        Assert.Contains(analyst.Email!, html, StringComparison.Ordinal);
        Assert.Contains("Test analyst", html, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Members_who_may_not_manage_members_get_403_on_members_and_invitations(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        foreach (var role in new[] { Role.Analyst, Role.Viewer, Role.Reviewer, Role.CaseHandler })
        {
            var member = await app.AddMemberAsync(org, role);
            var client = await app.SignInAsync(member.Email!);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/o/{org.Slug}/members")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/o/{org.Slug}/invitations")).StatusCode);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owner_changes_a_role_and_the_change_is_audited_with_before_and_after(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var membership = await MembershipAsync(app, org.Id, viewer.Id);
        var client = await app.SignInAsync(owner.Email!);

        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/members", ChangeRole(membership!.Id, "analyst"), $"/o/{org.Slug}/members?handler=ChangeRole");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Role.Analyst, (await MembershipAsync(app, org.Id, viewer.Id))!.Role);
        var entry = Assert.Single(await AuditAsync(app, org.Id, "member.role-changed"));
        Assert.Equal(AuditTrailChain(org.Id), entry.Chain);
        Assert.Contains("viewer → analyst", entry.Summary, StringComparison.Ordinal);
        Assert.Contains(viewer.Email!, entry.Summary, StringComparison.Ordinal);
        Assert.Equal(owner.Email, entry.Actor);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_demoted_owner_gets_403_on_members_right_after(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, first) = await app.CreateOrganizationAsync();
        var second = await app.AddMemberAsync(org, Role.Owner);
        var firstClient = await app.SignInAsync(first.Email!);
        var secondClient = await app.SignInAsync(second.Email!);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync($"/o/{org.Slug}/members")).StatusCode);
        var firstMembership = await MembershipAsync(app, org.Id, first.Id);

        var response = await Forms.PostAsync(secondClient, $"/o/{org.Slug}/members", ChangeRole(firstMembership!.Id, "viewer"), $"/o/{org.Slug}/members?handler=ChangeRole");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await firstClient.GetAsync($"/o/{org.Slug}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync($"/o/{org.Slug}")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_last_owner_can_neither_be_demoted_nor_removed(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        await app.AddMemberAsync(org, Role.Analyst);
        var membership = await MembershipAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);

        var demote = await Forms.PostAsync(client, $"/o/{org.Slug}/members", ChangeRole(membership!.Id, "analyst"), $"/o/{org.Slug}/members?handler=ChangeRole");
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("only owner, so the role cannot be changed", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var remove = await Forms.PostAsync(client, $"/o/{org.Slug}/members", Remove(membership.Id), $"/o/{org.Slug}/members?handler=Remove");
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        Assert.Contains("only owner, so they cannot be removed", await remove.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(Role.Owner, (await MembershipAsync(app, org.Id, owner.Id))!.Role);
        Assert.Empty(await AuditAsync(app, org.Id, "member.role-changed"));
        Assert.Empty(await AuditAsync(app, org.Id, "member.removed"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_last_owner_error_is_shown_in_chinese(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var membership = await MembershipAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        var demote = await Forms.PostAsync(client, $"/o/{org.Slug}/members", ChangeRole(membership!.Id, "viewer"), $"/o/{org.Slug}/members?handler=ChangeRole");

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        // Razor writes characters outside Basic Latin as character references.
        Assert.Contains("唯一的所有者", WebUtility.HtmlDecode(await demote.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Removing_or_demoting_an_owner_revokes_the_api_tokens_they_created_and_no_other(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, first) = await app.CreateOrganizationAsync();
        var second = await app.AddMemberAsync(org, Role.Owner);
        var third = await app.AddMemberAsync(org, Role.Owner);
        var secondsToken = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer, createdBy: second.Id));
        var thirdsToken = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer, createdBy: third.Id));
        var firstsToken = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer, createdBy: first.Id));
        var methodologies = $"/api/v1/orgs/{org.Slug}/methodologies";
        Assert.Equal(HttpStatusCode.OK, (await secondsToken.GetAsync(methodologies)).StatusCode);
        var client = await app.SignInAsync(first.Email!);

        var removed = await Forms.PostAsync(client, $"/o/{org.Slug}/members", Remove((await MembershipAsync(app, org.Id, second.Id))!.Id), $"/o/{org.Slug}/members?handler=Remove");
        var demoted = await Forms.PostAsync(client, $"/o/{org.Slug}/members", ChangeRole((await MembershipAsync(app, org.Id, third.Id))!.Id, "analyst"), $"/o/{org.Slug}/members?handler=ChangeRole");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await secondsToken.GetAsync(methodologies)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thirdsToken.GetAsync(methodologies)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firstsToken.GetAsync(methodologies)).StatusCode);
        Assert.Contains("1 API token(s) they created revoked", Assert.Single(await AuditAsync(app, org.Id, "member.removed")).Summary, StringComparison.Ordinal);
        Assert.Contains("1 API token(s) they created revoked", Assert.Single(await AuditAsync(app, org.Id, "member.role-changed")).Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owner_removes_a_member_who_then_no_longer_sees_the_organization(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var analystClient = await app.SignInAsync(analyst.Email!);
        Assert.Equal(HttpStatusCode.OK, (await analystClient.GetAsync($"/o/{org.Slug}")).StatusCode);
        var membership = await MembershipAsync(app, org.Id, analyst.Id);
        var client = await app.SignInAsync(owner.Email!);

        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/members", Remove(membership!.Id), $"/o/{org.Slug}/members?handler=Remove");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await MembershipAsync(app, org.Id, analyst.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await analystClient.GetAsync($"/o/{org.Slug}")).StatusCode);
        var entry = Assert.Single(await AuditAsync(app, org.Id, "member.removed"));
        Assert.Contains(analyst.Email!, entry.Summary, StringComparison.Ordinal);
        Assert.Contains("analyst", entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_member_of_another_organization_gets_404_and_cannot_change_its_memberships(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (orgA, _) = await app.CreateOrganizationAsync();
        var victim = await app.AddMemberAsync(orgA, Role.Analyst);
        var victimMembership = await MembershipAsync(app, orgA.Id, victim.Id);
        var (orgB, ownerB) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(ownerB.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{orgA.Slug}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{orgA.Slug}/invitations")).StatusCode);

        // Org A's membership id posted to org B's own page is simply not found there.
        var change = await Forms.PostAsync(client, $"/o/{orgB.Slug}/members", ChangeRole(victimMembership!.Id, "owner"), $"/o/{orgB.Slug}/members?handler=ChangeRole");
        var remove = await Forms.PostAsync(client, $"/o/{orgB.Slug}/members", Remove(victimMembership.Id), $"/o/{orgB.Slug}/members?handler=Remove");

        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(Role.Analyst, (await MembershipAsync(app, orgA.Id, victim.Id))!.Role);
        Assert.Empty(await AuditAsync(app, orgA.Id, "member.role-changed"));
        Assert.Empty(await AuditAsync(app, orgB.Id, "member.role-changed"));
        Assert.Empty(await AuditAsync(app, orgA.Id, "member.removed"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_unknown_role_is_refused_with_a_field_error(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var membership = await MembershipAsync(app, org.Id, viewer.Id);
        var client = await app.SignInAsync(owner.Email!);

        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/members", ChangeRole(membership!.Id, "superuser"), $"/o/{org.Slug}/members?handler=ChangeRole");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose one of the listed roles", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Role.Viewer, (await MembershipAsync(app, org.Id, viewer.Id))!.Role);
    }

    private static string AuditTrailChain(Guid organizationId) => Rightscope.Features.Audit.AuditTrail.ChainOf(organizationId);
}
