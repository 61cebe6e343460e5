using System.Net;
using System.Net.Http.Json;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Tests.Features.Decisions;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Api.AssessmentApiTests;
using static Rightscope.Tests.Features.Decisions.DecisionSteps;

namespace Rightscope.Tests.Features.Api;

/// <summary>The decisions and exclusion list API: proposing with the pages' validation, filters, and no approval by token.</summary>
public sealed class DecisionApiTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_token_proposes_a_decision_that_only_a_person_approves_and_reads_the_register(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var (companyId, assessmentId) = await SeedCompanyAsync(app, org, "Fictional Shrike Sensors", tier: 3);
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst, createdBy: owner.Id));
        var decisions = $"/api/v1/orgs/{org.Slug}/decisions";

        var invalid = await api.PostAsJsonAsync(decisions, new { companyId, assessmentId, kind = "exclude", exclusionMode = "divest", effectiveOn = "2026-07-01", rationale = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        Assert.Equal(["divestBy", "rationale"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync(decisions, new { companyId = "nope" })).StatusCode);
        Assert.Empty(await DecisionsAsync(app, org.Id));

        var created = await api.PostAsJsonAsync(decisions, new { companyId, assessmentId, kind = "exclude", exclusionMode = "divest", divestBy = "2026-12-31", effectiveOn = "2026-07-01", rationale = "Red flag." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var decision = await JsonAsync(created);
        var id = decision.GetProperty("id").GetGuid();
        Assert.Equal($"{decisions}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("proposed", "exclude", "divest", "2026-12-31", "exclude", owner.Id),
            (decision.GetProperty("status").GetString(), decision.GetProperty("kind").GetString(), decision.GetProperty("exclusionMode").GetString(),
             decision.GetProperty("divestBy").GetString(), decision.GetProperty("recommendedKind").GetString(), decision.GetProperty("proposedByUserId").GetGuid()));
        Assert.Contains("api-token:", Assert.Single(await AuditAsync(app, org.Id, "decision.proposed")).Actor, StringComparison.Ordinal);

        // There is no approval endpoint; the token's creator is the proposer, so the owner cannot approve it either.
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"{decisions}/{id}/approve", null)).StatusCode);
        var ownerClient = await app.SignInAsync(owner.Email!);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReviewAsync(ownerClient, org, id, "approve", decision.GetProperty("version").GetGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(await app.SignInAsync(reviewer.Email!), org, id, "approve", decision.GetProperty("version").GetGuid())).StatusCode);

        var approved = await JsonAsync(await api.GetAsync($"{decisions}?status=approved&kind=exclude&companyId={companyId}"));
        Assert.Equal(id, Assert.Single(approved.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await JsonAsync(await api.GetAsync($"{decisions}?kind=invest"))).GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{decisions}?status=pending")).StatusCode);
        Assert.Equal("approved", (await JsonAsync(await api.GetAsync($"{decisions}/{id}"))).GetProperty("status").GetString());

        var exclusions = await JsonAsync(await api.GetAsync($"/api/v1/orgs/{org.Slug}/exclusions"));
        Assert.Equal(id, Assert.Single(exclusions.GetProperty("exclusions").EnumerateArray()).GetProperty("decision_id").GetGuid());
        var csv = await api.GetAsync($"/api/v1/orgs/{org.Slug}/exclusions?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(ExclusionListTests.Header + "\r\nFictional Shrike Sensors,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/orgs/{org.Slug}/exclusions?format=xml")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Another_organizations_companies_and_decisions_are_not_found_and_viewers_cannot_propose(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (companyId, assessmentId) = await SeedCompanyAsync(app, org, "Fictional Pipit Platforms", tier: 2);
        var id = await ProposeAsync(await app.SignInAsync(owner.Email!), org, companyId, Fields(assessmentId, "engage"));

        var (other, _) = await app.CreateOrganizationAsync();
        var outsider = app.CreateApiClient(await app.CreateApiTokenAsync(other, Role.Analyst));
        var otherDecisions = $"/api/v1/orgs/{other.Slug}/decisions";
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{otherDecisions}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync(otherDecisions, new { companyId, assessmentId, kind = "engage", effectiveOn = "2026-07-01", rationale = "x" })).StatusCode);
        Assert.Equal(0, (await JsonAsync(await outsider.GetAsync(otherDecisions))).GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/orgs/{org.Slug}/decisions/{id}")).StatusCode);

        var viewer = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/orgs/{org.Slug}/decisions", new { companyId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/orgs/{org.Slug}/decisions/{id}")).StatusCode);
        Assert.Single(await DecisionsAsync(app, org.Id));
        Assert.Equal(DecisionStatus.Proposed, (await DecisionAsync(app, id)).Status);
    }
}
