using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Engagements;
using Rightscope.Features.Engagements;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Features.Engagements;

/// <summary>The engagement tracker's pages: objectives from gaps, milestones and overdue flags, the ladder, closing, tenancy.</summary>
public sealed class EngagementsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_new_engagement_offers_only_gaps_and_the_ticked_ones_become_objectives(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/companies/{company.Company.Id}/engagements/new";

        var form = await HtmlAsync(await client.GetAsync(page));
        foreach (var gap in company.Gaps)
        {
            Assert.Contains($"name=\"Input.Gaps\" value=\"{gap}\"", form, StringComparison.Ordinal);
        }

        foreach (var notGap in company.NotGaps)
        {
            Assert.DoesNotContain($"value=\"{notGap}\"", form, StringComparison.Ordinal);
        }

        var methodology = ShippedMethodology(app);
        var partial = methodology.Items.Single(i => i.Key == company.ItemByAnswer["partial"]);
        Assert.Contains(partial.Title.In("en"), form, StringComparison.Ordinal);
        Assert.Contains(methodology.Structure[0].Title.In("en"), form, StringComparison.Ordinal);
        var chinese = await app.SignInAsync(owner.Email!);
        chinese.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var chineseForm = await HtmlAsync(await chinese.GetAsync(page));
        Assert.Contains(partial.Title.In("zh-Hans"), chineseForm, StringComparison.Ordinal);
        Assert.Contains("回答：部分", chineseForm, StringComparison.Ordinal);

        var id = await CreatedIdAsync(client, org.Slug, company, owner.Id, company.ItemByAnswer["partial"], company.ItemByAnswer["no-disclosure"]);
        var engagement = (await EngagementAsync(app, id))!;
        Assert.Equal((EngagementStatus.Open, EscalationStep.PrivateDialogue, company.AssessmentId, owner.Id), (engagement.Status, engagement.CurrentStep, engagement.AssessmentId, engagement.LeadUserId));
        Assert.Equal(new DateOnly(2026, 1, 5), engagement.StartedOn);
        var objectives = await QueryAsync(app, db => db.EngagementObjectives.IgnoreQueryFilters().Where(o => o.EngagementId == id).OrderBy(o => o.CreatedAt).ToListAsync());
        Assert.Equal(4, objectives.Count);
        Assert.Equal(
            new[] { company.ItemByAnswer["partial"], company.ItemByAnswer["no-disclosure"] }.Order(),
            objectives.Where(o => o.ItemKey != null).Select(o => o.ItemKey!).Order());
        Assert.Contains(objectives, o => o.ItemKey is null && o.Description == "Name a board member responsible for human rights");
        Assert.All(objectives, o => Assert.Equal(ObjectiveStatus.Open, o.Status));
        var history = await QueryAsync(app, db => db.EscalationEntries.IgnoreQueryFilters().Where(h => h.EngagementId == id).ToListAsync());
        Assert.Equal((null, EscalationStep.PrivateDialogue), (Assert.Single(history).FromStep, history[0].ToStep));
        var created = Assert.Single(await AuditAsync(app, org.Id, "engagement."));
        Assert.Equal("engagement.created", created.Action);
        Assert.Contains("objectives 2 from gaps, 2 written", created.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("board member", created.Summary, StringComparison.Ordinal);

        var detail = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements/{id}"));
        Assert.Contains(partial.Title.In("en"), detail, StringComparison.Ordinal);
        Assert.Contains("<li aria-current=\"step\">", detail, StringComparison.Ordinal);
        Assert.Contains("<strong>Private dialogue</strong> <span>(current step)</span>", detail, StringComparison.Ordinal);
        var list = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements"));
        Assert.Contains("Customer due diligence", list, StringComparison.Ordinal);
        Assert.Contains("Step 1 of 7: Private dialogue", list, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_input_names_the_field_answers_4xx_and_writes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);

        var fields = NewFields(company, owner.Id, title: " ");
        fields["Input.StartedOn"] = "05/01/2026";
        var refused = await CreateAsync(client, org.Slug, company, fields, [company.ItemByAnswer["yes"]]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await HtmlAsync(refused);
        Assert.Contains("Title: enter a title of at most 300 characters.", html, StringComparison.Ordinal);
        Assert.Contains("Start date: \"05/01/2026\" is not a date; use YYYY-MM-DD.", html, StringComparison.Ordinal);
        Assert.Contains($"Objectives from gaps: \"{company.ItemByAnswer["yes"]}\" is not a question answered no, partial or no disclosure found", html, StringComparison.Ordinal);
        var stranger = NewFields(company, Guid.NewGuid());
        Assert.Contains("Lead analyst: choose a member", await HtmlAsync(await CreateAsync(client, org.Slug, company, stranger, [])), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<Engagement>(app, org.Id));
        Assert.Empty(await AuditAsync(app, org.Id, "engagement."));

        var id = await CreatedIdAsync(client, org.Slug, company, owner.Id);
        var milestone = await CommandAsync(client, org.Slug, id, EngagementDetailModel.MilestoneCommand, new Dictionary<string, string>
        {
            ["Milestone.Deadline"] = "2025-12-31",
            ["Milestone.Description"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, milestone.StatusCode);
        var milestoneHtml = await HtmlAsync(milestone);
        Assert.Contains("Deadline: the deadline cannot be before the engagement's start date (2026-01-05).", milestoneHtml, StringComparison.Ordinal);
        Assert.Contains("Description: enter a description", milestoneHtml, StringComparison.Ordinal);

        var interaction = await CommandAsync(client, org.Slug, id, EngagementDetailModel.InteractionCommand, new Dictionary<string, string>
        {
            ["Interaction.OccurredOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Interaction.Type"] = "carrier-pigeon",
            ["Interaction.Participants"] = "Investor relations",
            ["Interaction.Summary"] = "Discussed the screening procedure",
        });
        Assert.Equal(HttpStatusCode.BadRequest, interaction.StatusCode);
        var interactionHtml = await HtmlAsync(interaction);
        Assert.Contains("Date of the interaction: the log records contacts that have happened", interactionHtml, StringComparison.Ordinal);
        Assert.Contains("Type: choose one of the interaction types offered.", interactionHtml, StringComparison.Ordinal);

        var status = await CommandAsync(client, org.Slug, id, EngagementDetailModel.MilestoneStatusCommand, new Dictionary<string, string>
        {
            ["TargetId"] = Guid.NewGuid().ToString(),
            ["Status"] = "met",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("Milestone: this milestone is not part of the engagement.", await HtmlAsync(status), StringComparison.Ordinal);

        Assert.Equal(0, await CountAsync<EngagementMilestone>(app, org.Id));
        Assert.Equal(0, await CountAsync<EngagementInteraction>(app, org.Id));
        Assert.Equal(["engagement.created"], (await AuditAsync(app, org.Id, "engagement.")).Select(e => e.Action));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_open_milestone_past_its_deadline_is_flagged_on_the_engagement_the_list_and_the_company_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var (timed, clock) = Timed(app, DateTimeOffset.UtcNow);
        var client = await SignInAsync(timed, owner.Email!);
        var id = await CreatedIdAsync(client, org.Slug, company, owner.Id);
        var deadline = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        Assert.Equal(HttpStatusCode.Redirect, (await CommandAsync(client, org.Slug, id, EngagementDetailModel.MilestoneCommand, new Dictionary<string, string>
        {
            ["Milestone.Deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Milestone.Description"] = "Company answers the letter",
        })).StatusCode);

        var overdueList = $"/o/{org.Slug}/engagements?show=overdue";
        Assert.Contains("No engagements to show.", await HtmlAsync(await client.GetAsync(overdueList)), StringComparison.Ordinal);
        // On the deadline day itself the milestone is still in time.
        clock.Advance(TimeSpan.FromDays(1));
        client = await SignInAsync(timed, owner.Email!);
        Assert.DoesNotContain("overdue milestone", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements/{id}")), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        client = await SignInAsync(timed, owner.Email!);
        var detail = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements/{id}"));
        Assert.Contains("1 overdue milestone(s)", detail, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"overdue\">Overdue</strong>", detail, StringComparison.Ordinal);
        var list = await HtmlAsync(await client.GetAsync(overdueList));
        Assert.Contains("Customer due diligence", list, StringComparison.Ordinal);
        Assert.Contains(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), list, StringComparison.Ordinal);
        var companyPage = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/companies/{company.Company.Id}"));
        Assert.Contains("1 overdue milestone(s)", companyPage, StringComparison.Ordinal);
        Assert.Contains($"/o/{org.Slug}/engagements/{id}", companyPage, StringComparison.Ordinal);

        var milestone = await QueryAsync(timed, db => db.EngagementMilestones.IgnoreQueryFilters().SingleAsync(m => m.EngagementId == id));
        Assert.Equal(HttpStatusCode.Redirect, (await CommandAsync(client, org.Slug, id, EngagementDetailModel.MilestoneStatusCommand, new Dictionary<string, string>
        {
            ["TargetId"] = milestone.Id.ToString(),
            ["Status"] = "met",
        })).StatusCode);
        Assert.DoesNotContain("overdue milestone", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements/{id}")), StringComparison.Ordinal);
        Assert.Contains("No engagements to show.", await HtmlAsync(await client.GetAsync(overdueList)), StringComparison.Ordinal);
        Assert.Contains("milestone", Assert.Single(await AuditAsync(app, org.Id, "engagement.milestone-updated")).Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Escalating_records_dated_history_and_stepping_down_needs_a_reason(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreatedIdAsync(client, org.Slug, company, owner.Id);
        var version = (await EngagementAsync(app, id))!.ConcurrencyToken;

        var up = await CommandAsync(client, org.Slug, id, EngagementDetailModel.EscalateCommand, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(),
            ["Escalation.Step"] = "collaborative-engagement",
            ["Escalation.Reason"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal(EscalationStep.CollaborativeEngagement, (await EngagementAsync(app, id))!.CurrentStep);

        // The form was read before the escalation: its version is stale.
        var stale = await CommandAsync(client, org.Slug, id, EngagementDetailModel.EscalateCommand, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(),
            ["Escalation.Step"] = "divestment",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var current = (await EngagementAsync(app, id))!.ConcurrencyToken.ToString();
        var noReason = await CommandAsync(client, org.Slug, id, EngagementDetailModel.EscalateCommand, new Dictionary<string, string>
        {
            ["Version"] = current,
            ["Escalation.Step"] = "letter-to-board",
            ["Escalation.Reason"] = "  ",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Reason: say why the engagement steps down the ladder.", await HtmlAsync(noReason), StringComparison.Ordinal);
        Assert.Equal(EscalationStep.CollaborativeEngagement, (await EngagementAsync(app, id))!.CurrentStep);

        var down = await CommandAsync(client, org.Slug, id, EngagementDetailModel.EscalateCommand, new Dictionary<string, string>
        {
            ["Version"] = current,
            ["Escalation.Step"] = "letter-to-board",
            ["Escalation.Reason"] = "The company agreed to a meeting with the board",
        });
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);

        var history = await QueryAsync(app, db => db.EscalationEntries.IgnoreQueryFilters().Where(h => h.EngagementId == id).OrderBy(h => h.RecordedAt).ThenBy(h => h.Id).ToListAsync());
        Assert.Equal(
            [(null, EscalationStep.PrivateDialogue), (EscalationStep.PrivateDialogue, EscalationStep.CollaborativeEngagement), (EscalationStep.CollaborativeEngagement, EscalationStep.LetterToBoard)],
            history.Select(h => (h.FromStep, h.ToStep)));
        Assert.All(history, h => Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(h.RecordedAt)));
        Assert.Equal("The company agreed to a meeting with the board", history[2].Reason);
        Assert.Equal(
            ["engagement.created", "engagement.escalated", "engagement.de-escalated"],
            (await AuditAsync(app, org.Id, "engagement.")).Select(e => e.Action));

        var detail = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements/{id}"));
        Assert.Contains("Escalated from \"Private dialogue\" to \"Collaborative engagement with other investors\"", detail, StringComparison.Ordinal);
        Assert.Contains("Stepped down from \"Collaborative engagement with other investors\" to \"Letter to the board\" — The company agreed", detail, StringComparison.Ordinal);
        Assert.Contains("<strong>Letter to the board</strong>", detail, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Closing_needs_an_outcome_then_offers_a_re_assessment_and_refuses_further_changes(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreatedIdAsync(client, org.Slug, company, owner.Id);
        var version = (await EngagementAsync(app, id))!.ConcurrencyToken.ToString();

        var noOutcome = await CommandAsync(client, org.Slug, id, EngagementDetailModel.CloseCommand, new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Closing.Note"] = "Done",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Contains("Outcome: choose the outcome to close the engagement.", await HtmlAsync(noOutcome), StringComparison.Ordinal);
        Assert.Equal(EngagementStatus.Open, (await EngagementAsync(app, id))!.Status);
        Assert.DoesNotContain("/reassess", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements/{id}")), StringComparison.Ordinal);

        var closed = await CommandAsync(client, org.Slug, id, EngagementDetailModel.CloseCommand, new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Closing.Outcome"] = "objectives-partly-met",
            ["Closing.Note"] = "Policy published; no remedy channel yet",
            ["Closing.ClosedOn"] = "2026-06-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var engagement = (await EngagementAsync(app, id))!;
        Assert.Equal((EngagementStatus.Closed, EngagementOutcome.ObjectivesPartlyMet, new DateOnly(2026, 6, 30)), (engagement.Status, engagement.Outcome, engagement.ClosedOn));
        Assert.Equal("Policy published; no remedy channel yet", engagement.OutcomeNote);

        var detail = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements/{id}"));
        Assert.Contains($"href=\"/o/{org.Slug}/assessments/{company.AssessmentId}/reassess\"", detail, StringComparison.Ordinal);
        Assert.Contains("Closed: Objectives partly met", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/o/{org.Slug}/assessments/{company.AssessmentId}/reassess")).StatusCode);

        var late = await Forms.PostWithTokenAsync(client, $"/o/{org.Slug}/engagements/{id}", Forms.AntiforgeryToken(await (await client.GetAsync($"/o/{org.Slug}/engagements")).Content.ReadAsStringAsync()), new Dictionary<string, string>
        {
            ["do"] = EngagementDetailModel.MilestoneCommand,
            ["Milestone.Deadline"] = "2026-12-31",
            ["Milestone.Description"] = "Too late",
        });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("This engagement is closed", await HtmlAsync(late), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<EngagementMilestone>(app, org.Id));
        Assert.Contains("outcome objectives-partly-met on 2026-06-30", Assert.Single(await AuditAsync(app, org.Id, "engagement.closed")).Summary, StringComparison.Ordinal);
        Assert.Contains("Objectives partly met", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements?show=closed")), StringComparison.Ordinal);
        Assert.Contains("No engagements to show.", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/engagements?show=open")), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Other_organizations_find_nothing_and_a_viewer_reads_but_cannot_change(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreatedIdAsync(client, org.Slug, company, owner.Id);

        var (other, otherOwner) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/engagements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/companies/{company.Company.Id}/engagements/new")).StatusCode);
        Assert.DoesNotContain("Customer due diligence", await HtmlAsync(await outsider.GetAsync($"/o/{other.Slug}/engagements?show=all")), StringComparison.Ordinal);
        var token = Forms.AntiforgeryToken(await (await outsider.GetAsync($"/o/{other.Slug}/engagements")).Content.ReadAsStringAsync());
        var foreign = await Forms.PostWithTokenAsync(outsider, $"/o/{other.Slug}/engagements/{id}", token, new Dictionary<string, string>
        {
            ["do"] = EngagementDetailModel.ObjectiveCommand,
            ["Objective.Description"] = "Not ours",
        });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // The other organization's own company cannot rest on this organization's assessment.
        var theirs = await AssessedCompanyAsync(app, other.Id, otherOwner.Id);
        var borrowed = NewFields(theirs, otherOwner.Id);
        borrowed["Input.AssessmentId"] = company.AssessmentId.ToString();
        var refused = await CreateAsync(outsider, other.Slug, theirs, borrowed, []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Assessment: choose an approved assessment of this company, or none.", await HtmlAsync(refused), StringComparison.Ordinal);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        var readable = await HtmlAsync(await viewerClient.GetAsync($"/o/{org.Slug}/engagements/{id}"));
        Assert.Contains("Customer due diligence", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"do\"", readable, StringComparison.Ordinal);
        var viewerToken = Forms.AntiforgeryToken(await (await viewerClient.GetAsync($"/o/{org.Slug}/engagements")).Content.ReadAsStringAsync());
        var forbidden = await Forms.PostWithTokenAsync(viewerClient, $"/o/{org.Slug}/engagements/{id}", viewerToken, new Dictionary<string, string>
        {
            ["do"] = EngagementDetailModel.ObjectiveCommand,
            ["Objective.Description"] = "Viewer objective",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/o/{org.Slug}/companies/{company.Company.Id}/engagements/new")).StatusCode);
        Assert.Equal(2, await CountAsync<EngagementObjective>(app, org.Id));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_investor_engages_its_fictional_tier_2_company_on_the_gaps_of_its_assessment(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var org = await QueryAsync(app, db => db.Organizations.SingleAsync(o => o.Slug == "demo-investor"));
        var engagement = Assert.Single(await QueryAsync(app, db => db.Engagements.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).ToListAsync()));
        var company = await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().SingleAsync(c => c.Id == engagement.CompanyId));
        var assessment = await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == engagement.AssessmentId));
        Assert.True(company.Fictional);
        Assert.Equal(2, assessment.Tier);
        Assert.Equal((EngagementStatus.Open, EscalationStep.LetterToBoard), (engagement.Status, engagement.CurrentStep));

        var answers = await QueryAsync(app, db => db.AssessmentAnswers.IgnoreQueryFilters().Where(a => a.AssessmentId == assessment.Id).ToListAsync());
        var objectives = await QueryAsync(app, db => db.EngagementObjectives.IgnoreQueryFilters().Where(o => o.EngagementId == engagement.Id && o.ItemKey != null).ToListAsync());
        Assert.NotEmpty(objectives);
        Assert.All(objectives, o => Assert.Contains(answers.Single(a => a.ItemKey == o.ItemKey).OptionKey, new[] { "no", "partial", "no-disclosure" }));
        Assert.Equal(2, await CountAsync<EngagementInteraction>(app, org.Id));
        Assert.Equal(2, await CountAsync<EscalationEntry>(app, org.Id));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var milestones = await QueryAsync(app, db => db.EngagementMilestones.IgnoreQueryFilters().Where(m => m.EngagementId == engagement.Id).ToListAsync());
        Assert.Single(milestones, m => EngagementRules.IsOverdue(engagement.Status, m.Status, m.Deadline, today));
        Assert.Contains(milestones, m => !EngagementRules.IsOverdue(engagement.Status, m.Status, m.Deadline, today));
    }
}
