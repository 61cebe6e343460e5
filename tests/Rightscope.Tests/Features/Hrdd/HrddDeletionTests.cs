using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Organizations;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;
using static Rightscope.Tests.Features.Hrdd.HrddTrackingSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>
/// Deleting actions, tracking indicators, measurements and engagement log entries: a confirmation page, then a POST
/// with anti-forgery; refused while indicators track an action; audited without content; other organizations get 404.
/// </summary>
public sealed class HrddDeletionTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private static readonly (string, string)[] NoFields = [];

    private static List<(string, string)> ActionFields(Guid issue) =>
    [
        ("Input.Title", "Publish location data retention limits"),
        ("Input.Description", "Engineering sets and publishes a retention limit."),
        ("Input.Kind", "prevention"),
        ("Input.Function", "engineering"),
        ("Input.DueOn", "2026-09-01"),
        ("Input.Status", "planned"),
        ("Input.CompletedOn", ""),
        ("Input.RelationshipName", ""),
        ("Input.OwnerUserId", ""),
        ("Input.Issues", issue.ToString()),
    ];

    private static List<(string, string)> IndicatorFields(string subject) =>
    [
        ("Input.Subject", subject),
        ("Input.Name", "Days location data is kept"),
        ("Input.Kind", "quantitative"),
        ("Input.Unit", "days"),
        ("Input.Baseline", "40"),
        ("Input.BaselineOn", "2025-07-01"),
        ("Input.Target", "10"),
        ("Input.TargetOn", "2026-12-31"),
        ("Input.Direction", "lower-is-better"),
    ];

    private static List<(string, string)> MeasurementFields(string on, string value) =>
    [
        ("Measurement.MeasuredOn", on),
        ("Measurement.Value", value),
        ("Measurement.Assessment", ""),
        ("Measurement.Note", ""),
        ("Measurement.Source", "Data inventory (fictional)"),
    ];

    private static List<(string, string)> EngagementFields(Guid issue) =>
    [
        ("Input.HeldOn", "2026-02-10"),
        ("Input.Format", "consultation"),
        ("Input.Organizations", "Digital Rights Watch (fictional)\nTenants' Union (fictional)"),
        ("Input.Region", "sub-saharan-africa"),
        ("Input.Country", "KE"),
        ("Input.Topics", "Location data sharing with resellers"),
        ("Input.DecisionsChanged", "Retention limit shortened"),
        ("Input.FollowUps", ""),
        ("Input.FollowUpDueOn", ""),
        ("Input.Types", "civil-society"),
        ("Input.Issues", issue.ToString()),
    ];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_action_tracked_by_an_indicator_is_refused_until_the_indicator_and_its_measurements_are_deleted(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);
        var action = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/actions/new", ActionFields(issue.Id)), $"/o/{org.Slug}/actions/");
        var indicator = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/new", IndicatorFields($"action:{action}")), $"/o/{org.Slug}/tracking-indicators/");
        var indicatorPage = $"/o/{org.Slug}/tracking-indicators/{indicator}";
        foreach (var (on, value) in new[] { ("2025-10-01", "40"), ("2026-04-01", "20") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, indicatorPage, MeasurementFields(on, value))).StatusCode);
        }

        var actionPage = $"/o/{org.Slug}/actions/{action}";
        var confirm = await client.GetAsync($"{actionPage}/delete");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmHtml = await HtmlAsync(confirm);
        Assert.Contains("This action cannot be deleted: 1 tracking indicator(s) track it.", confirmHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{actionPage}/delete\"", confirmHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"{actionPage}/delete\"", await HtmlAsync(await client.GetAsync(actionPage)), StringComparison.Ordinal);

        // The blocked page has no form, so the token comes from the action's own page.
        var refused = await SubmitAsync(client, actionPage, NoFields, $"{actionPage}/delete");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Delete those indicators first", await HtmlAsync(refused), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync<DueDiligenceAction>(timed, org.Id));
        Assert.Empty(await AuditAsync(timed, org.Id, "action.deleted"));

        var indicatorConfirm = await HtmlAsync(await client.GetAsync($"{indicatorPage}/delete"));
        Assert.Contains("Its 2 measurement(s) are deleted with it.", indicatorConfirm, StringComparison.Ordinal);
        Assert.Contains("Days location data is kept", indicatorConfirm, StringComparison.Ordinal);
        var indicatorDeleted = await SubmitAsync(client, $"{indicatorPage}/delete", NoFields);
        Assert.Equal(HttpStatusCode.Redirect, indicatorDeleted.StatusCode);
        Assert.Equal(actionPage, indicatorDeleted.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountAsync<TrackingIndicator>(timed, org.Id));
        Assert.Equal(0, await CountAsync<TrackingMeasurement>(timed, org.Id));
        var indicatorAudit = Assert.Single(await AuditAsync(timed, org.Id, "tracking-indicator.deleted"));
        Assert.Equal(indicator.ToString("N"), indicatorAudit.TargetId);
        Assert.Contains($"quantitative indicator of action {action:N}, 2 measurement(s) deleted with it", indicatorAudit.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("location data", indicatorAudit.Summary, StringComparison.Ordinal);

        Assert.Contains("Its links to salient issues are removed with it", await HtmlAsync(await client.GetAsync($"{actionPage}/delete")), StringComparison.Ordinal);
        var deleted = await SubmitAsync(client, $"{actionPage}/delete", NoFields);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal($"/o/{org.Slug}/actions", deleted.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountAsync<DueDiligenceAction>(timed, org.Id));
        Assert.Equal(0, await CountAsync<DueDiligenceActionIssue>(timed, org.Id));
        Assert.Equal(1, await CountAsync<SalientIssue>(timed, org.Id));
        var audit = Assert.Single(await AuditAsync(timed, org.Id, "action.deleted"));
        Assert.Equal("prevention, planned, due 2026-09-01, 1 salient issue link(s) removed", audit.Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(actionPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{actionPage}/delete")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_measurement_and_an_engagement_log_entry_are_deleted_after_confirmation_in_either_language(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);
        var indicator = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/new", IndicatorFields($"issue:{issue.Id}")), $"/o/{org.Slug}/tracking-indicators/");
        var indicatorPage = $"/o/{org.Slug}/tracking-indicators/{indicator}";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, indicatorPage, MeasurementFields("2025-10-01", "40"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, indicatorPage, MeasurementFields("2026-04-01", "20"))).StatusCode);
        var mistaken = await QueryAsync(timed, db => db.TrackingMeasurements.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Value == 20));

        var measurementDelete = $"{indicatorPage}/measurements/{mistaken.Id}/delete";
        Assert.Contains($"href=\"{measurementDelete}\"", await HtmlAsync(await client.GetAsync(indicatorPage)), StringComparison.Ordinal);
        var confirm = await HtmlAsync(await client.GetAsync(measurementDelete));
        Assert.Contains("Delete this measurement?", confirm, StringComparison.Ordinal);
        Assert.Contains("2026-04-01: 20 days", confirm, StringComparison.Ordinal);
        var deleted = await SubmitAsync(client, measurementDelete, NoFields);
        Assert.Equal($"{indicatorPage}#measurements", deleted.Headers.Location!.OriginalString);
        var left = await QueryAsync(timed, db => db.TrackingMeasurements.IgnoreQueryFilters().AsNoTracking().Select(m => m.Value).ToListAsync());
        Assert.Equal([40.0], left);
        var measurementAudit = Assert.Single(await AuditAsync(timed, org.Id, "tracking-measurement.deleted"));
        Assert.Equal($"measurement {mistaken.Id:N} of 2026-04-01", measurementAudit.Summary);

        var entry = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/stakeholder-engagement/new", EngagementFields(issue.Id)), $"/o/{org.Slug}/stakeholder-engagement/");
        var entryDelete = $"/o/{org.Slug}/stakeholder-engagement/{entry}/delete";
        var chinese = await SignInAsync(timed, owner.Email!);
        chinese.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var chineseConfirm = await HtmlAsync(await chinese.GetAsync(entryDelete));
        Assert.Contains("删除此利益相关方参与记录？", chineseConfirm, StringComparison.Ordinal);
        Assert.Contains("其中列出的组织及其与突出人权问题的关联将一并删除", chineseConfirm, StringComparison.Ordinal);
        Assert.Contains("Digital Rights Watch (fictional)", chineseConfirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(chinese, entryDelete, NoFields)).StatusCode);
        Assert.Equal(0, await CountAsync<StakeholderEngagement>(timed, org.Id));
        Assert.Equal(0, await CountAsync<StakeholderEngagementParty>(timed, org.Id));
        Assert.Equal(0, await CountAsync<StakeholderEngagementIssue>(timed, org.Id));
        Assert.Equal(1, await CountAsync<SalientIssue>(timed, org.Id));
        var entryAudit = Assert.Single(await AuditAsync(timed, org.Id, "stakeholder-engagement.deleted"));
        Assert.Equal("2026-02-10, consultation, 2 organization(s), 1 salient issue link(s) removed", entryAudit.Summary);
        Assert.DoesNotContain("Digital Rights", entryAudit.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Other_organizations_get_404_and_a_post_without_its_token_deletes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);
        var action = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/actions/new", ActionFields(issue.Id)), $"/o/{org.Slug}/actions/");
        var indicator = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/new", IndicatorFields($"issue:{issue.Id}")), $"/o/{org.Slug}/tracking-indicators/");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/{indicator}", MeasurementFields("2025-10-01", "40"))).StatusCode);
        var measurement = await QueryAsync(timed, db => db.TrackingMeasurements.IgnoreQueryFilters().AsNoTracking().Select(m => m.Id).SingleAsync());
        var entry = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/stakeholder-engagement/new", EngagementFields(issue.Id)), $"/o/{org.Slug}/stakeholder-engagement/");

        var stranger = await SignInAsync(timed, otherOwner.Email!);
        string[] foreign =
        [
            $"/o/{other.Slug}/actions/{action}/delete",
            $"/o/{other.Slug}/tracking-indicators/{indicator}/delete",
            $"/o/{other.Slug}/tracking-indicators/{indicator}/measurements/{measurement}/delete",
            $"/o/{other.Slug}/stakeholder-engagement/{entry}/delete",
        ];
        foreach (var path in foreign)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(stranger, $"/o/{other.Slug}/actions/new", NoFields, path)).StatusCode);
        }

        var forged = await client.PostAsync($"/o/{org.Slug}/actions/{action}/delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(1, await CountAsync<DueDiligenceAction>(timed, org.Id));
        Assert.Equal(1, await CountAsync<TrackingIndicator>(timed, org.Id));
        Assert.Equal(1, await CountAsync<TrackingMeasurement>(timed, org.Id));
        Assert.Equal(1, await CountAsync<StakeholderEngagement>(timed, org.Id));
        Assert.Empty(await AuditAsync(timed, org.Id, "action.deleted"));
    }
}
