using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Decisions.DecisionSteps;

namespace Rightscope.Tests.Features.Decisions;

/// <summary>Proposing, approving, returning and revising decisions through the pages, with four eyes and tenancy.</summary>
public sealed class DecisionFlowTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_proposal_starts_from_the_recommendation_and_an_approval_supersedes_the_current_decision(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var (companyId, assessmentId) = await SeedCompanyAsync(app, org, "Fictional Tern Optics", tier: 3);
        var analystClient = await app.SignInAsync(analyst.Email!);
        var reviewerClient = await app.SignInAsync(reviewer.Email!);

        var form = await (await analystClient.GetAsync(NewPage(org, companyId))).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{assessmentId}\" checked=\"checked\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"exclude\" checked=\"checked\"", form, StringComparison.Ordinal);

        var first = await ProposeAsync(analystClient, org, companyId, Fields(assessmentId, "exclude", "Red flag.", "divest", "2026-12-31"));
        var proposed = await DecisionAsync(app, first);
        Assert.Equal((DecisionStatus.Proposed, DecisionKind.Exclude, ExclusionMode.Divest, new DateOnly(2026, 12, 31), 3, DecisionKind.Exclude, analyst.Id),
            (proposed.Status, proposed.Kind, proposed.ExclusionMode, proposed.DivestBy, proposed.AssessmentTier, proposed.RecommendedKind, proposed.ProposedByUserId));
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(reviewerClient, org, first, "approve", proposed.ConcurrencyToken)).StatusCode);
        var approved = await DecisionAsync(app, first);
        Assert.Equal((DecisionStatus.Approved, reviewer.Id), (approved.Status, approved.ReviewedByUserId));

        // A later decision that differs from the recommendation says so; approving it supersedes the first, in one save.
        var second = await ProposeAsync(analystClient, org, companyId, Fields(assessmentId, "engage", "Fictional: the company asked for one engagement round."));
        var detail = await (await reviewerClient.GetAsync(DetailPage(org, second))).Content.ReadAsStringAsync();
        Assert.Contains("differs from the tier&#x27;s recommendation", detail, StringComparison.Ordinal);
        var ownerClient = await app.SignInAsync(owner.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(ownerClient, org, second, "approve", (await DecisionAsync(app, second)).ConcurrencyToken)).StatusCode);

        var all = (await DecisionsAsync(app, org.Id)).ToDictionary(d => d.Id);
        Assert.Equal((DecisionStatus.Superseded, second), (all[first].Status, all[first].SupersededById));
        Assert.Equal(DecisionStatus.Approved, all[second].Status);
        Assert.Single(all.Values, d => d.Status == DecisionStatus.Approved);
        Assert.Contains($"supersedes {first:N}", Assert.Single(await AuditAsync(app, org.Id, "decision.approved"), e => e.TargetId == second.ToString("N")).Summary, StringComparison.Ordinal);
        Assert.Equal(2, (await AuditAsync(app, org.Id, "decision.proposed")).Count);
        Assert.DoesNotContain(await AuditAsync(app, org.Id, "decision.proposed"), e => e.Summary.Contains("Red flag", StringComparison.Ordinal));

        var register = await (await reviewerClient.GetAsync($"/o/{org.Slug}/decisions?status=superseded")).Content.ReadAsStringAsync();
        Assert.Contains("Current decision: Engage", register, StringComparison.Ordinal);
        Assert.Contains("Superseded", register, StringComparison.Ordinal);
        var company = await (await reviewerClient.GetAsync($"/o/{org.Slug}/companies/{companyId}")).Content.ReadAsStringAsync();
        Assert.Contains($"/o/{org.Slug}/decisions/{first}", company, StringComparison.Ordinal);
        Assert.Contains($"/o/{org.Slug}/decisions/{second}", company, StringComparison.Ordinal);
        var none = await (await reviewerClient.GetAsync($"/o/{org.Slug}/decisions?kind=invest")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Fictional Tern Optics", none, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Nobody_reviews_their_own_proposal_analysts_cannot_review_and_only_the_proposer_revises(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var otherAnalyst = await app.AddMemberAsync(org, Role.Analyst);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var (companyId, assessmentId) = await SeedCompanyAsync(app, org, "Fictional Heron Data", tier: 1);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var id = await ProposeAsync(ownerClient, org, companyId, Fields(assessmentId, "invest"));
        var version = (await DecisionAsync(app, id)).ConcurrencyToken;

        var own = await ReviewAsync(ownerClient, org, id, "approve", version);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("You proposed this decision", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReviewAsync(ownerClient, org, id, "return", version, "no")).StatusCode);
        var analystClient = await app.SignInAsync(analyst.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewAsync(analystClient, org, id, "approve", version)).StatusCode);
        Assert.Equal(DecisionStatus.Proposed, (await DecisionAsync(app, id)).Status);

        var reviewerClient = await app.SignInAsync(reviewer.Email!);
        var noReason = await ReviewAsync(reviewerClient, org, id, "return", version, " ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why the decision goes back", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(reviewerClient, org, id, "return", version, "Cite the remedy evidence.")).StatusCode);
        var returned = await DecisionAsync(app, id);
        Assert.Equal((DecisionStatus.Returned, "Cite the remedy evidence.", reviewer.Id), (returned.Status, returned.ReturnReason, returned.ReviewedByUserId));
        // A returned decision cannot be approved until its proposer revises it.
        Assert.Equal(HttpStatusCode.BadRequest, (await ReviewAsync(reviewerClient, org, id, "approve", version)).StatusCode);

        var revise = $"{DetailPage(org, id)}/revise";
        var fields = Fields(assessmentId, "invest", "Fictional: remedy evidence cited.");
        fields["Input.Version"] = returned.ConcurrencyToken.ToString();
        var stranger = await Forms.PostAsync(await app.SignInAsync(otherAnalyst.Email!), revise, fields);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("Only the person who proposed this decision may revise it.", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerClient.GetAsync(revise)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(ownerClient, revise, fields)).StatusCode);
        var revised = await DecisionAsync(app, id);
        Assert.Equal((DecisionStatus.Proposed, "Fictional: remedy evidence cited."), (revised.Status, revised.Rationale));

        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(reviewerClient, org, id, "approve", revised.ConcurrencyToken)).StatusCode);
        Assert.Equal(DecisionStatus.Approved, (await DecisionAsync(app, id)).Status);
        foreach (var action in new[] { "decision.proposed", "decision.returned", "decision.revised", "decision.approved" })
        {
            Assert.Single(await AuditAsync(app, org.Id, action));
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_fields_are_named_in_both_languages_and_nothing_is_written(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (companyId, assessmentId) = await SeedCompanyAsync(app, org, "Fictional Plover Systems", tier: 2);
        var (otherCompany, otherAssessment) = await SeedCompanyAsync(app, org, "Fictional Avocet Labs", tier: 1);
        var client = await app.SignInAsync(owner.Email!);

        var refused = await Forms.PostAsync(client, NewPage(org, companyId), Fields(assessmentId, "exclude", "", "divest", "2026-01-01", "2026-07-01"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The divest-by date cannot be before the effective date.", html, StringComparison.Ordinal);
        Assert.Contains("The decision differs from the tier&#x27;s recommendation (Engage): explain why in the rationale.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_DivestBy\"", html, StringComparison.Ordinal);

        var wrongBasis = await Forms.PostAsync(client, NewPage(org, companyId), Fields(otherAssessment, "hold", "Because."));
        var wrongHtml = await wrongBasis.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrongBasis.StatusCode);
        Assert.Contains("Choose one of the company&#x27;s approved assessments.", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("Choose invest, engage or exclude.", wrongHtml, StringComparison.Ordinal);

        var chinese = await app.SignInAsync(owner.Email!);
        chinese.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var zh = await Forms.PostAsync(chinese, NewPage(org, otherCompany), Fields(otherAssessment, "exclude", "理由"));
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Contains("排除决定须注明", await zh.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Empty(await DecisionsAsync(app, org.Id));
        Assert.Empty(await AuditAsync(app, org.Id, "decision.proposed"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Another_organizations_company_and_decision_ids_are_not_found(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (companyId, assessmentId) = await SeedCompanyAsync(app, org, "Fictional Gannet Vision", tier: 2);
        var id = await ProposeAsync(await app.SignInAsync(owner.Email!), org, companyId, Fields(assessmentId, "engage"));
        var version = (await DecisionAsync(app, id)).ConcurrencyToken;

        var (other, otherOwner) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(DetailPage(other, id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{DetailPage(other, id)}/revise")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(NewPage(other, companyId))).StatusCode);
        var token = Forms.AntiforgeryToken(await (await outsider.GetAsync($"/o/{other.Slug}/decisions")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostWithTokenAsync(outsider, $"{DetailPage(other, id)}/review", token,
            new Dictionary<string, string> { ["command"] = "approve", ["version"] = version.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostWithTokenAsync(outsider, NewPage(other, companyId), token, Fields(assessmentId, "engage"))).StatusCode);
        Assert.DoesNotContain("Fictional Gannet Vision", await (await outsider.GetAsync($"/o/{other.Slug}/decisions")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await DecisionsAsync(app, org.Id));
        Assert.Equal(DecisionStatus.Proposed, (await DecisionAsync(app, id)).Status);
        Assert.Empty(await DecisionsAsync(app, other.Id));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_database_refuses_a_second_current_decision_for_a_company_so_racing_approvals_cannot_both_win(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (companyId, assessmentId) = await SeedCompanyAsync(app, org, "Fictional Wagtail Radio", tier: 1);
        var client = await app.SignInAsync(owner.Email!);
        var first = await ProposeAsync(client, org, companyId, Fields(assessmentId, "invest"));
        var second = await ProposeAsync(client, org, companyId, Fields(assessmentId, "invest"));

        // What two reviewers approving at once would each write, each without seeing the other's approval.
        var raced = await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => QueryAsync(app, async db =>
        {
            foreach (var decision in db.Decisions.IgnoreQueryFilters().Where(d => d.Id == first || d.Id == second))
            {
                (decision.Status, decision.ApprovedCompanyId) = (DecisionStatus.Approved, decision.CompanyId);
            }

            return await db.SaveChangesAsync();
        }));
        Assert.NotNull(raced);
        Assert.DoesNotContain(await DecisionsAsync(app, org.Id), d => d.Status == DecisionStatus.Approved);
    }
}
