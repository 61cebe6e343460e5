using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Hrdd;
using Rightscope.Core.Organizations;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;
using static Rightscope.Tests.Features.Hrdd.HrddTrackingSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>Action plans: create, list with filters and overdue flags, edit with optimistic concurrency, bad input, audit.</summary>
public sealed class ActionPlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private static List<(string, string)> Fields(
        string title = "Publish location data retention limits",
        string kind = "prevention",
        string due = "2026-06-01",
        string status = "planned",
        string? completed = null,
        string? relationship = null,
        params Guid[] issues)
    {
        var fields = new List<(string, string)>
        {
            ("Input.Title", title),
            ("Input.Description", "Engineering sets and publishes a retention limit."),
            ("Input.Kind", kind),
            ("Input.Function", "engineering"),
            ("Input.DueOn", due),
            ("Input.Status", status),
            ("Input.CompletedOn", completed ?? ""),
            ("Input.RelationshipName", relationship ?? ""),
            ("Input.OwnerUserId", ""),
        };
        fields.AddRange(issues.Select(i => ("Input.Issues", i.ToString())));
        return fields;
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Actions_are_created_listed_filtered_and_flagged_when_overdue(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);

        var overdueId = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/actions/new", Fields(issues: issue.Id)), $"/o/{org.Slug}/actions/");
        var leverageId = RedirectedId(
            await SubmitAsync(client, $"/o/{org.Slug}/actions/new", Fields("Require end-use clauses from Fictional Reseller Ltd", "leverage", "2026-09-30", relationship: "Fictional Reseller Ltd")),
            $"/o/{org.Slug}/actions/");
        RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/actions/new", Fields("Old cancelled action", due: "2026-01-01", status: "cancelled")), $"/o/{org.Slug}/actions/");

        var stored = await QueryAsync(timed, db => db.DueDiligenceActions.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == leverageId));
        Assert.Equal((ActionKind.Leverage, "Fictional Reseller Ltd", new DateOnly(2026, 9, 30)), (stored.Kind, stored.RelationshipName, stored.DueOn));
        var link = await QueryAsync(timed, db => db.DueDiligenceActionIssues.IgnoreQueryFilters().AsNoTracking().SingleAsync());
        Assert.Equal((overdueId, issue.Id, org.Id), (link.ActionId, link.SalientIssueId, link.OrganizationId));
        var created = await AuditAsync(timed, org.Id, "action.");
        Assert.Equal(3, created.Count);
        Assert.All(created, e => Assert.Equal("action.created", e.Action));
        Assert.Contains("prevention, planned, due 2026-06-01, function engineering, 1 salient issue(s)", created[0].Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("retention limit", created[0].Summary, StringComparison.Ordinal);

        var list = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/actions"));
        Assert.Contains("Overdue actions: 1", list, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(list, "<strong class=\"overdue\">Overdue</strong>"));
        Assert.True(list.IndexOf("Publish location data retention limits", StringComparison.Ordinal) < list.IndexOf("Require end-use clauses", StringComparison.Ordinal), "overdue actions come first");
        Assert.Contains($"href=\"/o/{org.Slug}/salient-issues/{issue.Id}\"", list, StringComparison.Ordinal);

        var leverage = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/actions?kind=leverage"));
        Assert.Contains("Require end-use clauses", leverage, StringComparison.Ordinal);
        Assert.DoesNotContain("Publish location data retention limits", leverage, StringComparison.Ordinal);
        Assert.Contains("Overdue actions: 1", leverage, StringComparison.Ordinal);
        var byIssue = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/actions?issue={issue.Id}"));
        Assert.Contains("Publish location data retention limits", byIssue, StringComparison.Ordinal);
        Assert.DoesNotContain("Require end-use clauses", byIssue, StringComparison.Ordinal);
        var cancelled = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/actions?status=cancelled"));
        Assert.Contains("Old cancelled action", cancelled, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong class=\"overdue\">", cancelled, StringComparison.Ordinal);
        var badFilter = await client.GetAsync($"/o/{org.Slug}/actions?status=someday");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("Status: choose one of the options offered.", await HtmlAsync(badFilter), StringComparison.Ordinal);

        var detail = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/actions/{overdueId}"));
        Assert.Contains("Due on 2026-06-01 and neither done nor cancelled.", detail, StringComparison.Ordinal);
        var done = Fields(status: "done", completed: "2026-06-10", issues: issue.Id);
        done.Add(("Input.Version", VersionIn(detail, "Input.Version")));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, $"/o/{org.Slug}/actions/{overdueId}", done)).StatusCode);
        Assert.Contains("Overdue actions: 0", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/actions")), StringComparison.Ordinal);
        var updated = (await AuditAsync(timed, org.Id, "action.updated")).Single();
        Assert.Contains("prevention, done, due 2026-06-01, completed 2026-06-10", updated.Summary, StringComparison.Ordinal);
        Assert.Equal(overdueId.ToString("N"), updated.TargetId);

        var chinese = await SignInAsync(timed, owner.Email!);
        chinese.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var chineseList = await HtmlAsync(await chinese.GetAsync($"/o/{org.Slug}/actions"));
        Assert.Contains("逾期行动：0", chineseList, StringComparison.Ordinal);
        Assert.Contains("对业务关系运用影响力", chineseList, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_input_names_the_field_answers_400_and_writes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var foreignIssue = await IssueAsync(app, other.Id, otherOwner.Id);
        var client = await app.SignInAsync(owner.Email!);

        var fields = Fields(" ", "leverage", "01/06/2026", "done", issues: foreignIssue.Id);
        fields.RemoveAll(f => f.Item1 == "Input.OwnerUserId");
        fields.Add(("Input.OwnerUserId", otherOwner.Id.ToString()));
        var refused = await SubmitAsync(client, $"/o/{org.Slug}/actions/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await HtmlAsync(refused);
        Assert.Contains("Title: enter a text of at most 300 characters.", html, StringComparison.Ordinal);
        Assert.Contains("Business relationship: a leverage action names the business relationship it works on.", html, StringComparison.Ordinal);
        Assert.Contains("Due date: “01/06/2026” is not a date; use YYYY-MM-DD.", html, StringComparison.Ordinal);
        Assert.Contains("Completed on: a done action has a completion date.", html, StringComparison.Ordinal);
        Assert.Contains("Salient issues: choose salient issues of this organization.", html, StringComparison.Ordinal);
        Assert.Contains("Owner: choose a member of this organization.", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);

        var future = await SubmitAsync(client, $"/o/{org.Slug}/actions/new", Fields(kind: "sideways", status: "done", completed: "2199-01-01"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var futureHtml = await HtmlAsync(future);
        Assert.Contains("Kind of action: choose one of the options offered.", futureHtml, StringComparison.Ordinal);
        Assert.Contains("Completed on: the completion date cannot be in the future.", futureHtml, StringComparison.Ordinal);

        Assert.Equal(0, await CountAsync<DueDiligenceAction>(app, org.Id));
        Assert.Equal(0, await CountAsync<DueDiligenceActionIssue>(app, org.Id));
        Assert.Empty(await AuditAsync(app, org.Id, "action."));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_edit_from_a_stale_page_is_refused_with_409_and_changes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var analyst = await app.AddMemberAsync(org, Rightscope.Core.Accounts.Role.Analyst);
        var client = await app.SignInAsync(owner.Email!);
        var id = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/actions/new", Fields(due: "2030-01-01")), $"/o/{org.Slug}/actions/");
        var page = $"/o/{org.Slug}/actions/{id}";
        var stale = VersionIn(await HtmlAsync(await client.GetAsync(page)), "Input.Version");

        var first = Fields("First edit", due: "2030-01-01");
        first.Add(("Input.Version", stale));
        var second = Fields("Second edit", due: "2030-01-01");
        second.Add(("Input.Version", stale));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, page, first)).StatusCode);
        var analystClient = await app.SignInAsync(analyst.Email!);
        var conflict = await SubmitAsync(analystClient, page, second);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await HtmlAsync(conflict);
        Assert.Contains("Someone else saved this since you opened it; nothing was saved.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"First edit\"", html, StringComparison.Ordinal);
        var stored = await QueryAsync(app, db => db.DueDiligenceActions.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("First edit", stored.Title);
        Assert.Single(await AuditAsync(app, org.Id, "action.updated"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Viewers_read_but_cannot_edit_and_other_organizations_do_not_find_the_action(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var viewer = await app.AddMemberAsync(org, Rightscope.Core.Accounts.Role.Viewer);
        var client = await app.SignInAsync(owner.Email!);
        var id = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/actions/new", Fields(due: "2030-01-01")), $"/o/{org.Slug}/actions/");

        var viewerPage = await HtmlAsync(await (await app.SignInAsync(viewer.Email!)).GetAsync($"/o/{org.Slug}/actions/{id}"));
        Assert.Contains("Publish location data retention limits", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Version", viewerPage, StringComparison.Ordinal);
        var stranger = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/o/{other.Slug}/actions/{id}")).StatusCode);
        Assert.DoesNotContain("Publish location data", await HtmlAsync(await stranger.GetAsync($"/o/{other.Slug}/actions")), StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
