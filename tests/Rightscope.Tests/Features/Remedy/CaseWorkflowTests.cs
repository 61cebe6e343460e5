using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

public sealed class CaseWorkflowTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_case_goes_through_every_state_with_dated_steps_and_the_reporter_follows_it_and_answers_after_closure(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var handler = open.Setup.HandlerClient;

        var page = await HtmlAsync(await handler.GetAsync(open.CaseUrl));
        Assert.Contains("data-testid=\"step-Acknowledge\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"step-StartAssessment\"", page, StringComparison.Ordinal);

        await AssessAsync(open);
        var referred = await PostAsync(handler, open.CaseUrl, "Refer", new Dictionary<string, string>
        {
            ["Referral.Mechanism"] = "DataProtectionAuthority",
            ["Referral.Mode"] = "Parallel",
            ["Referral.Status"] = "Sent",
            ["Referral.Details"] = "Sent to the authority with the reporter's consent.",
        });
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        Assert.Equal(CaseStatus.Referred, (await CaseAsync(app, open.CaseId)).Status);

        await StepAsync(open, "Investigate");
        await StepAsync(open, "ProposeRemedy");
        var outcome = await PostAsync(handler, open.CaseUrl, "Outcome", new Dictionary<string, string>
        {
            ["Outcome.Type"] = "Compensation",
            ["Outcome.On"] = "2026-02-01",
            ["Outcome.Description"] = "Paid the costs of a new phone.",
        });
        Assert.Equal(HttpStatusCode.Redirect, outcome.StatusCode);
        var closed = await PostAsync(handler, open.CaseUrl, "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var stored = await CaseAsync(app, open.CaseId);
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.NotNull(stored.ClosedOn);
        var steps = await ReadAsync(app, db => db.CaseSteps.IgnoreQueryFilters().Where(s => s.CaseId == open.CaseId).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(
            [CaseAction.Acknowledge, CaseAction.StartAssessment, CaseAction.Refer, CaseAction.Investigate, CaseAction.ProposeRemedy, CaseAction.Close],
            steps.Select(s => s.Action));
        Assert.All(steps, s => Assert.Equal(stored.ClosedOn, s.On));
        Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));

        var detail = await HtmlAsync(await handler.GetAsync(open.CaseUrl));
        Assert.Contains("Sent to the authority with the reporter's consent.", detail, StringComparison.Ordinal);
        Assert.Contains("Paid the costs of a new phone.", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"step-Reopen\"", detail, StringComparison.Ordinal);

        // The reporter sees the state in their language and is asked about satisfaction, once the case is closed.
        var followUp = await HtmlAsync(await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), open.Setup.Channel, open.Receipt, "zh-Hans"));
        Assert.Contains("已结案", followUp, StringComparison.Ordinal);
        Assert.Contains("您对举报的处理情况满意吗？", followUp, StringComparison.Ordinal);
        var answered = await Forms.PostAsync(app.CreateBrowserlikeClient(), $"/report/{open.Setup.Channel}/follow-up?lang=en",
            new Dictionary<string, string> { ["Receipt"] = open.Receipt, ["Satisfaction"] = "Satisfied" },
            $"/report/{open.Setup.Channel}/follow-up?lang=en&handler=Satisfaction");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("your answer was saved", await HtmlAsync(answered), StringComparison.Ordinal);
        Assert.Equal(ReporterSatisfaction.Satisfied, (await CaseAsync(app, open.CaseId)).Satisfaction);

        await StepAsync(open, "Reopen");
        stored = await CaseAsync(app, open.CaseId);
        Assert.Equal(CaseStatus.UnderAssessment, stored.Status);
        Assert.Null(stored.ClosedOn);
        var reopened = await HtmlAsync(await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), open.Setup.Channel, open.Receipt, "en"));
        Assert.Contains("Under assessment", reopened, StringComparison.Ordinal);
        Assert.DoesNotContain("How satisfied are you", reopened, StringComparison.Ordinal);

        var audit = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.OrganizationId == open.Setup.Organization.Id && e.TargetType == "case").Select(e => e.Action).ToListAsync());
        Assert.Superset(
            new HashSet<string> { "case.acknowledged", "case.assessment-started", "case.referred", "case.investigation-started", "case.remedy-proposed", "case.outcome-recorded", "case.closed", "case.reopened", "case.read" },
            audit.ToHashSet());
    }

    public static TheoryData<string, string, int> RefusedFromReceived => new()
    {
        { "Step", "StartAssessment", 409 },
        { "Step", "Investigate", 409 },
        { "Step", "ProposeRemedy", 409 },
        { "Step", "Reopen", 409 },
        { "Step", "Close", 400 },
        { "Step", "Refer", 400 },
        { "Step", "NotAStep", 400 },
        { "Step", "", 400 },
        { "Step", "3", 400 },
        { "Close", "", 409 },
    };

    [Theory]
    [MemberData(nameof(RefusedFromReceived))]
    public async Task A_step_not_allowed_from_received_is_refused_with_a_message_and_changes_nothing(string handler, string step, int status)
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var open = await SubmitAndUnlockAsync(app);

        var response = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, handler, new Dictionary<string, string> { ["Step"] = step });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Matches("This step is not possible|Choose one of the steps", await HtmlAsync(response));
        Assert.Equal(CaseStatus.Received, (await CaseAsync(app, open.CaseId)).Status);
        Assert.Empty(await ReadAsync(app, db => db.CaseSteps.IgnoreQueryFilters().Where(s => s.CaseId == open.CaseId).ToListAsync()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Closing_needs_an_outcome_statement_and_refused_steps_never_fail_with_500(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var handler = open.Setup.HandlerClient;
        await StepAsync(open, "Acknowledge");

        Assert.Equal(HttpStatusCode.Conflict, (await StepResponseAsync("Acknowledge")).StatusCode);
        var early = await PostAsync(handler, open.CaseUrl, "Refer", new Dictionary<string, string> { ["Referral.Mechanism"] = "Court", ["Referral.Mode"] = "Instead", ["Referral.Status"] = "Planned" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("A referral can be recorded once the case is under assessment", await HtmlAsync(early), StringComparison.Ordinal);

        await StepAsync(open, "StartAssessment");
        var bare = await PostAsync(handler, open.CaseUrl, "Close");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Closing needs an outcome statement", await HtmlAsync(bare), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.UnderAssessment, (await CaseAsync(app, open.CaseId)).Status);

        var badReferral = await PostAsync(handler, open.CaseUrl, "Refer", new Dictionary<string, string> { ["Referral.Mechanism"] = "Parliament", ["Referral.Mode"] = "", ["Referral.Status"] = "Sent" });
        Assert.Equal(HttpStatusCode.BadRequest, badReferral.StatusCode);
        var badReferralHtml = await HtmlAsync(badReferral);
        Assert.Contains("Mechanism: choose one of the mechanisms.", badReferralHtml, StringComparison.Ordinal);
        Assert.Contains("Own handling: choose whether", badReferralHtml, StringComparison.Ordinal);

        var badOutcome = await PostAsync(handler, open.CaseUrl, "Outcome", new Dictionary<string, string> { ["Outcome.Type"] = "Money", ["Outcome.On"] = "yesterday", ["Outcome.Description"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        var badOutcomeHtml = await HtmlAsync(badOutcome);
        Assert.Contains("Type of remedy: choose one of the types.", badOutcomeHtml, StringComparison.Ordinal);
        Assert.Contains("Date: enter a day as year-month-day", badOutcomeHtml, StringComparison.Ordinal);
        Assert.Empty(await ReadAsync(app, db => db.CaseReferrals.IgnoreQueryFilters().Where(r => r.CaseId == open.CaseId).ToListAsync()));
        Assert.Empty(await ReadAsync(app, db => db.CaseRemedyOutcomes.IgnoreQueryFilters().Where(r => r.CaseId == open.CaseId).ToListAsync()));

        var outcome = await PostAsync(handler, open.CaseUrl, "Outcome", new Dictionary<string, string> { ["Outcome.Type"] = "Apology", ["Outcome.On"] = "2026-01-10", ["Outcome.Description"] = "A written apology." });
        Assert.Equal(HttpStatusCode.Redirect, outcome.StatusCode);
        var both = await PostAsync(handler, open.CaseUrl, "Close", new Dictionary<string, string> { ["NoRemedyReason"] = "Nothing to remedy." });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("leave the reason for no remedy empty", await HtmlAsync(both), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Close")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(handler, open.CaseUrl, "Close")).StatusCode);
        var late = await PostAsync(handler, open.CaseUrl, "Outcome", new Dictionary<string, string> { ["Outcome.Type"] = "Apology", ["Outcome.On"] = "2026-01-10", ["Outcome.Description"] = "Another." });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Single(await ReadAsync(app, db => db.CaseRemedyOutcomes.IgnoreQueryFilters().Where(r => r.CaseId == open.CaseId).ToListAsync()));

        Task<HttpResponseMessage> StepResponseAsync(string step) =>
            PostAsync(handler, open.CaseUrl, "Step", new Dictionary<string, string> { ["Step"] = step });
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Notes_referral_details_outcomes_and_the_no_remedy_reason_are_stored_only_encrypted_and_never_audited(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var handler = open.Setup.HandlerClient;
        var note = "note-canary-" + Guid.NewGuid().ToString("N");
        var details = "referral-canary-" + Guid.NewGuid().ToString("N");
        var updated = "referral-update-canary-" + Guid.NewGuid().ToString("N");
        var description = "outcome-canary-" + Guid.NewGuid().ToString("N");
        var reason = "reason-canary-" + Guid.NewGuid().ToString("N");

        await AssessAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Note", new Dictionary<string, string> { ["Note"] = note })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Refer", new Dictionary<string, string>
        {
            ["Referral.Mechanism"] = "NationalContactPoint",
            ["Referral.Mode"] = "Instead",
            ["Referral.Status"] = "Planned",
            ["Referral.Details"] = details,
        })).StatusCode);
        var referralId = (await ReadAsync(app, db => db.CaseReferrals.IgnoreQueryFilters().SingleAsync(r => r.CaseId == open.CaseId))).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Referral", new Dictionary<string, string>
        {
            ["Referral.Id"] = referralId.ToString(),
            ["Referral.Status"] = "Declined",
            ["Referral.Details"] = updated,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Close", new Dictionary<string, string> { ["NoRemedyReason"] = reason })).StatusCode);

        var referral = await ReadAsync(app, db => db.CaseReferrals.IgnoreQueryFilters().SingleAsync(r => r.CaseId == open.CaseId));
        Assert.Equal(ReferralStatus.Declined, referral.Status);
        var page = await HtmlAsync(await handler.GetAsync(open.CaseUrl));
        Assert.Contains(note, page, StringComparison.Ordinal);
        Assert.Contains(updated, page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.DoesNotContain(note, await HtmlAsync(await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), open.Setup.Channel, open.Receipt)), StringComparison.Ordinal);

        // Reopened, an outcome can be recorded and its description is encrypted too.
        await StepAsync(open, "Reopen");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Outcome", new Dictionary<string, string>
        {
            ["Outcome.Type"] = "GuaranteeOfNonRepetition",
            ["Outcome.On"] = "2026-03-01",
            ["Outcome.Description"] = description,
        })).StatusCode);
        Assert.Contains(description, await HtmlAsync(await handler.GetAsync(open.CaseUrl)), StringComparison.Ordinal);

        foreach (var canary in new[] { note, details, updated, description, reason })
        {
            Assert.Empty(await RemedySteps.StoredOccurrencesAsync(app, canary));
        }

        var summaries = string.Join("\n", await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Select(e => e.Summary).ToListAsync()));
        Assert.Contains("referral to NationalContactPoint", summaries, StringComparison.Ordinal);
        foreach (var canary in new[] { note, details, updated, description, reason })
        {
            Assert.DoesNotContain(canary, summaries, StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Triage_is_saved_from_the_catalogs_and_registry_and_refused_field_by_field_when_invalid(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var companyId = await ReadAsync(app, async db =>
        {
            var company = new Rightscope.Features.Companies.Company { OrganizationId = open.Setup.Organization.Id, NameEn = "Acme Networks", NormalizedName = "acme networks" };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            return company.Id;
        });
        var (other, _) = await app.CreateOrganizationAsync();
        var foreignCompanyId = await ReadAsync(app, async db =>
        {
            var company = new Rightscope.Features.Companies.Company { OrganizationId = other.Id, NameEn = "Elsewhere Ltd", NormalizedName = "elsewhere ltd" };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            return company.Id;
        });

        var (assessmentId, impactId) = await SeedSalientImpactAsync(app, open.Setup.Organization.Id, open.Setup.Owner.Id);
        var (_, foreignImpactId) = await SeedSalientImpactAsync(app, other.Id, open.Setup.Owner.Id);
        var issueId = await SeedSalientIssueAsync(app, open.Setup.Organization.Id, open.Setup.Owner.Id, "Location data of users");
        var foreignIssueId = await SeedSalientIssueAsync(app, other.Id, open.Setup.Owner.Id, "Elsewhere's issue");
        var triageForm = await HtmlAsync(await open.Setup.HandlerClient.GetAsync(open.CaseUrl));
        Assert.Contains("Fictional Maps (fictional) — Right to privacy: Location history shared with advertisers", triageForm, StringComparison.Ordinal);
        Assert.Contains("Location data of users · Fictional Maps", triageForm, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Fictional Maps\">", triageForm, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere's issue", triageForm, StringComparison.Ordinal);

        var invalid = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Triage", new Dictionary<string, string>
        {
            ["Triage.SalientImpactId"] = foreignImpactId.ToString(),
            ["Triage.SalientIssueId"] = foreignIssueId.ToString(),
            ["Triage.Product"] = new string('p', 201),
            ["Triage.Category"] = "Gossip",
            ["Triage.Rights[0]"] = "privacy",
            ["Triage.Rights[1]"] = "not-a-right",
            ["Triage.Groups[0]"] = "nobody",
            ["Triage.CompanyId"] = foreignCompanyId.ToString(),
            ["Triage.Country"] = "XX",
            ["Triage.Urgency"] = "Extreme",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = await HtmlAsync(invalid);
        foreach (var message in new[] { "Category: choose", "Rights concerned: choose", "Affected groups: choose", "Company concerned: choose", "Country: choose", "Urgency: choose", "Choose one of the salient impacts listed", "Salient issue: choose", "Product or service: at most 200" })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        // Each message is tied to its field, so a screen reader reads it with the field.
        foreach (var field in new[] { "Category", "Rights", "Groups", "CompanyId", "Country", "Urgency", "SalientImpactId", "SalientIssueId" })
        {
            Assert.Contains($"aria-describedby=\"Triage_{field}-error\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"Triage_{field}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("aria-describedby=\"Triage_Product-hint Triage_Product-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Triage_Product-error\"", html, StringComparison.Ordinal);

        var unchanged = await CaseAsync(app, open.CaseId);
        Assert.Null(unchanged.Category);
        Assert.Equal(CaseUrgency.Normal, unchanged.Urgency);

        var saved = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Triage", new Dictionary<string, string>
        {
            ["Triage.Category"] = "Surveillance",
            ["Triage.Rights[0]"] = "privacy",
            ["Triage.Groups[0]"] = "human-rights-defenders",
            ["Triage.Groups[1]"] = "journalists-and-media-workers",
            ["Triage.CompanyId"] = companyId.ToString(),
            ["Triage.SalientImpactId"] = impactId.ToString(),
            ["Triage.SalientIssueId"] = issueId.ToString(),
            ["Triage.Product"] = "  Fictional Maps  ",
            ["Triage.Country"] = "fra",
            ["Triage.Defender"] = "true",
            ["Triage.Urgency"] = "Critical",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await CaseAsync(app, open.CaseId);
        Assert.Equal(CaseCategory.Surveillance, stored.Category);
        Assert.Equal(["privacy"], stored.Rights);
        Assert.Equal(["human-rights-defenders", "journalists-and-media-workers"], stored.Groups);
        Assert.Equal(companyId, stored.CompanyId);
        Assert.Equal(impactId, stored.SalientImpactId);
        Assert.Equal(issueId, stored.SalientIssueId);
        Assert.Equal("Fictional Maps", stored.Product);
        Assert.Equal("FR", stored.Country);
        Assert.True(stored.Defender);
        Assert.Equal(CaseUrgency.Critical, stored.Urgency);
        Assert.Contains("case.triaged", await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.TargetId == open.CaseId.ToString("N")).Select(e => e.Action).ToListAsync()));

        // The learning loop: the impact shows its linked case, as a suppressed count, to whoever reads the assessment.
        var impacts = await HtmlAsync(await open.Setup.OwnerClient.GetAsync($"/o/{open.Setup.Organization.Slug}/assessments/{assessmentId}/impacts"));
        Assert.Contains("<td data-testid=\"impact-grievances\"><5</td>", impacts, StringComparison.Ordinal);
    }

    private static Task<Guid> SeedSalientIssueAsync(RightscopeFactory app, Guid organizationId, Guid authorId, string title) =>
        ReadAsync(app, async db =>
        {
            var issue = new Rightscope.Features.Hrdd.SalientIssue
            {
                OrganizationId = organizationId,
                Title = title,
                RightKey = "privacy",
                Product = "Fictional Maps",
                Scale = 3,
                Scope = 3,
                Irremediability = 2,
                Likelihood = 3,
                CreatedByUserId = authorId,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.SalientIssues.Add(issue);
            await db.SaveChangesAsync();
            return issue.Id;
        });

    /// <summary>A draft HRIA of a fictional product with one salient impact on privacy, stored directly.</summary>
    private static Task<(Guid AssessmentId, Guid ImpactId)> SeedSalientImpactAsync(RightscopeFactory app, Guid organizationId, Guid authorId) =>
        ReadAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            var methodology = app.Services.GetRequiredService<Rightscope.Features.Methodologies.MethodologyRegistry>().Shipped.Find("ungp-hria")!;
            var assessment = new Rightscope.Features.Assessments.Assessment
            {
                OrganizationId = organizationId,
                SubjectKind = Rightscope.Core.Methodologies.SubjectKind.Product,
                SubjectName = "Fictional Maps (fictional)",
                MethodologyKey = methodology.Key,
                MethodologyVersion = methodology.Version,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var impact = new Rightscope.Features.Assessments.SalientImpact
            {
                OrganizationId = organizationId,
                AssessmentId = assessment.Id,
                RightKey = "privacy",
                Involvement = Rightscope.Core.Methodologies.Involvement.Cause,
                Description = "Location history shared with advertisers without consent",
                Scale = 3,
                Scope = 3,
                Irremediability = 2,
                Likelihood = 3,
                RecordedByUserId = authorId,
                RecordedAt = now,
                UpdatedAt = now,
            };
            db.AddRange(assessment, impact);
            await db.SaveChangesAsync();
            return (assessment.Id, impact.Id);
        });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_case_list_filters_by_state_urgency_and_defender_flag(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var (_, _, second) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), open.Setup.Channel, "another report");
        Assert.NotNull(second);
        await StepAsync(open, "Acknowledge");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Triage", new Dictionary<string, string>
        {
            ["Triage.Urgency"] = "High",
            ["Triage.Defender"] = "true",
        })).StatusCode);
        var list = $"/o/{open.Setup.Organization.Slug}/cases";

        async Task<int> RowsAsync(string query)
        {
            var response = await open.Setup.HandlerClient.GetAsync(list + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return System.Text.RegularExpressions.Regex.Count(await response.Content.ReadAsStringAsync(), "data-testid=\"case-row\"");
        }

        Assert.Equal(2, await RowsAsync(""));
        Assert.Equal(1, await RowsAsync("?status=Acknowledged"));
        Assert.Equal(1, await RowsAsync("?status=Received"));
        Assert.Equal(0, await RowsAsync("?status=Closed"));
        Assert.Equal(1, await RowsAsync("?urgency=High"));
        Assert.Equal(1, await RowsAsync("?urgency=Normal"));
        Assert.Equal(1, await RowsAsync("?defender=true"));
        Assert.Equal(1, await RowsAsync("?defender=false&urgency=Normal&status=Received"));
        Assert.Equal(0, await RowsAsync("?defender=true&status=Received"));

        var bad = await open.Setup.HandlerClient.GetAsync(list + "?urgency=Extreme&defender=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-testid=\"filter-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owners_other_organizations_and_non_recipients_cannot_read_or_move_a_case(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app, "owner-canary report");
        await AssessAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Note", new Dictionary<string, string> { ["Note"] = "owner-canary note" })).StatusCode);

        // The owner is not a recipient: no content anywhere they can go, and the case pages are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await open.Setup.OwnerClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await open.Setup.OwnerClient.GetAsync($"/o/{open.Setup.Organization.Slug}/cases")).StatusCode);
        foreach (var url in new[] { $"/o/{open.Setup.Organization.Slug}", $"/o/{open.Setup.Organization.Slug}/channels", $"/o/{open.Setup.Organization.Slug}/audit" })
        {
            Assert.DoesNotContain("owner-canary", await HtmlAsync(await open.Setup.OwnerClient.GetAsync(url)), StringComparison.Ordinal);
        }

        var (otherOrganization, _) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync((await app.AddMemberAsync(otherOrganization, Role.CaseHandler)).Email!);
        var foreignUrl = open.CaseUrl.Replace(open.Setup.Organization.Slug, otherOrganization.Slug, StringComparison.Ordinal);
        var token = Forms.AntiforgeryToken(await (await outsider.GetAsync($"/o/{otherOrganization.Slug}/cases")).Content.ReadAsStringAsync());
        var moved = await Forms.PostWithTokenAsync(outsider, foreignUrl + "?handler=Step", token, new Dictionary<string, string> { ["Step"] = "Investigate" });
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);

        var colleague = await app.SignInAsync((await app.AddMemberAsync(open.Setup.Organization, Role.CaseHandler)).Email!);
        var colleagueToken = Forms.AntiforgeryToken(await (await colleague.GetAsync($"/o/{open.Setup.Organization.Slug}/cases")).Content.ReadAsStringAsync());
        var noted = await Forms.PostWithTokenAsync(colleague, open.CaseUrl + "?handler=Note", colleagueToken, new Dictionary<string, string> { ["Note"] = "not mine" });
        Assert.Equal(HttpStatusCode.NotFound, noted.StatusCode);
        Assert.Equal(CaseStatus.UnderAssessment, (await CaseAsync(app, open.CaseId)).Status);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_reporter_cannot_answer_satisfaction_before_closure_or_with_an_unknown_answer(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var url = $"/report/{open.Setup.Channel}/follow-up?lang=en";

        var early = await Forms.PostAsync(app.CreateBrowserlikeClient(), url,
            new Dictionary<string, string> { ["Receipt"] = open.Receipt, ["Satisfaction"] = "VerySatisfied" }, url + "&handler=Satisfaction");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("This question is asked once the case is closed.", await HtmlAsync(early), StringComparison.Ordinal);

        await AssessAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Close", new Dictionary<string, string> { ["NoRemedyReason"] = "Outside our products." })).StatusCode);
        var unknown = await Forms.PostAsync(app.CreateBrowserlikeClient(), url,
            new Dictionary<string, string> { ["Receipt"] = open.Receipt, ["Satisfaction"] = "Ecstatic" }, url + "&handler=Satisfaction");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choose one of the answers.", await HtmlAsync(unknown), StringComparison.Ordinal);
        Assert.Null((await CaseAsync(app, open.CaseId)).Satisfaction);

        var declined = await Forms.PostAsync(app.CreateBrowserlikeClient(), url,
            new Dictionary<string, string> { ["Receipt"] = open.Receipt, ["Satisfaction"] = "PreferNotToSay" }, url + "&handler=Satisfaction");
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(ReporterSatisfaction.PreferNotToSay, (await CaseAsync(app, open.CaseId)).Satisfaction);

        var wrongReceipt = await Forms.PostAsync(app.CreateBrowserlikeClient(), url,
            new Dictionary<string, string> { ["Receipt"] = "0000 0000 0000 0000", ["Satisfaction"] = "VeryDissatisfied" }, url + "&handler=Satisfaction");
        Assert.Equal(HttpStatusCode.BadRequest, wrongReceipt.StatusCode);
        Assert.Equal(ReporterSatisfaction.PreferNotToSay, (await CaseAsync(app, open.CaseId)).Satisfaction);
    }
}
