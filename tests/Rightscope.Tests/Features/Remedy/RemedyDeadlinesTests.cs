using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>Service levels through HTTP: the deadlines dashboard, its filter, who sees what, and the channels' periods.</summary>
public sealed partial class RemedyDeadlinesTests
{
    [GeneratedRegex("data-testid=\"count-([a-z-]+)\">([0-9]+)<")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<tr data-testid=\"deadline-row\">\\s*<th scope=\"row\"><a href=\"[^\"]+\">Case ([0-9]+)</a>")]
    private static partial Regex RowPattern();

    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient client, string slug, string query = "")
    {
        var response = await client.GetAsync($"/o/{slug}/cases/deadlines{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CountPattern().Matches(await response.Content.ReadAsStringAsync()).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<List<int>> RowsAsync(HttpClient client, string slug, string query = "") =>
        RowPattern().Matches(await (await client.GetAsync($"/o/{slug}/cases/deadlines{query}")).Content.ReadAsStringAsync())
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>A freshly signed-in, unlocked handler: the fake clock moves by days, past session and key lifetimes.</summary>
    private static async Task<HttpClient> HandlerAsync(WebApplicationFactory<Program> app, RemedySetup setup)
    {
        var client = await SignInAsync(app, setup.Handler.Email!);
        await RemedySteps.UnlockAsync(client);
        return client;
    }

    private static async Task<Guid> CaseIdAsync(WebApplicationFactory<Program> app, Guid organizationId, int number) =>
        await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == organizationId && c.Number == number).Select(c => c.Id).SingleAsync());

    private static async Task StepAsync(HttpClient handler, string slug, Guid caseId, string step)
    {
        var url = $"/o/{slug}/cases/{caseId}";
        var response = await CaseWorkflowSteps.PostAsync(handler, url, "Step", new Dictionary<string, string> { ["Step"] = step });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_dashboard_counts_due_and_overdue_deadlines_day_by_day_filters_them_and_stops_counting_met_ones(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        var (app, clock) = Jobs.CaseReminderJobTests.TimedWithoutJobs(started, start);
        await using var _ = app;
        var setup = await RemedySteps.SetUpAsync(started);
        var slug = setup.Organization.Slug;
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // Day 0: cases 1 and 2 arrive; case 2 is acknowledged at once.
        Assert.NotNull((await RemedySteps.SubmitAsync(browser, setup.Channel, "first")).Receipt);
        Assert.NotNull((await RemedySteps.SubmitAsync(browser, setup.Channel, "second")).Receipt);
        var handler = await HandlerAsync(app, setup);
        var second = await CaseIdAsync(app, setup.Organization.Id, 2);
        await StepAsync(handler, slug, second, "Acknowledge");
        Assert.Equal(new() { ["due-soon"] = 0, ["overdue-acknowledgement"] = 0, ["overdue-feedback"] = 0 }, await CountsAsync(handler, slug));
        Assert.Equal([1, 2], await RowsAsync(handler, slug));

        // Day 4 nothing is due soon; day 6 case 1's acknowledgement (due day 7) is, within the two-day window; case 3 arrives.
        clock.Advance(TimeSpan.FromDays(4));
        handler = await HandlerAsync(app, setup);
        Assert.Equal(0, (await CountsAsync(handler, slug))["due-soon"]);
        clock.Advance(TimeSpan.FromDays(2));
        handler = await HandlerAsync(app, setup);
        Assert.NotNull((await RemedySteps.SubmitAsync(browser, setup.Channel, "third")).Receipt);
        Assert.Equal(new() { ["due-soon"] = 1, ["overdue-acknowledgement"] = 0, ["overdue-feedback"] = 0 }, await CountsAsync(handler, slug));
        Assert.Equal([1], await RowsAsync(handler, slug, "?deadline=due"));

        // Day 8: case 1 is overdue, with a written marker and its due day; case 3 is not yet due.
        clock.Advance(TimeSpan.FromDays(2));
        handler = await HandlerAsync(app, setup);
        Assert.Equal(new() { ["due-soon"] = 0, ["overdue-acknowledgement"] = 1, ["overdue-feedback"] = 0 }, await CountsAsync(handler, slug, "?deadline=overdue"));
        Assert.Equal([1], await RowsAsync(handler, slug, "?deadline=overdue"));
        Assert.Empty(await RowsAsync(handler, slug, "?deadline=due"));
        var overdue = await HtmlAsync(await handler.GetAsync($"/o/{slug}/cases/deadlines?deadline=overdue"));
        Assert.Contains("Overdue by 1 day(s)", overdue, StringComparison.Ordinal);
        Assert.Contains(DateOnly.FromDateTime(start.UtcDateTime).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), overdue, StringComparison.Ordinal);
        var list = await HtmlAsync(await handler.GetAsync($"/o/{slug}/cases"));
        Assert.Contains("Deadlines: 1 overdue, 0 due soon; unread reminders: 0.", list, StringComparison.Ordinal);

        // Acknowledging late meets the deadline: it stops counting.
        await StepAsync(handler, slug, await CaseIdAsync(app, setup.Organization.Id, 1), "Acknowledge");
        Assert.Equal(0, (await CountsAsync(handler, slug))["overdue-acknowledgement"]);

        // Three months and a day after case 2's acknowledgement its feedback is overdue, until the handler replies.
        clock.SetUtcNow(new DateTimeOffset(start.UtcDateTime.AddMonths(3).AddDays(1), TimeSpan.Zero));
        handler = await HandlerAsync(app, setup);
        var counts = await CountsAsync(handler, slug);
        Assert.Equal((1, 1), (counts["overdue-feedback"], counts["overdue-acknowledgement"]));
        var reply = await Forms.PostAsync(handler, $"/o/{slug}/cases/{second}", new Dictionary<string, string> { ["Message"] = "We are looking into it." }, $"/o/{slug}/cases/{second}?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Equal(0, (await CountsAsync(handler, slug))["overdue-feedback"]);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_bad_filter_is_a_400_with_a_message_and_only_recipients_cases_are_counted(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var slug = setup.Organization.Slug;
        Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "a report")).Receipt);
        await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == setup.Organization.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ReceivedOn, c => c.ReceivedOn.AddDays(-30))));

        foreach (var bad in new[] { "late", "OVERDUE", "due,overdue" })
        {
            var response = await setup.HandlerClient.GetAsync($"/o/{slug}/cases/deadlines?deadline={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("The deadline filter must be", await HtmlAsync(response), StringComparison.Ordinal);
        }

        var chinese = new HttpRequestMessage(HttpMethod.Get, $"/o/{slug}/cases/deadlines?deadline=late");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        var zh = await setup.HandlerClient.SendAsync(chinese);
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Contains("期限筛选只能是", await HtmlAsync(zh), StringComparison.Ordinal);

        Assert.Equal(1, (await CountsAsync(setup.HandlerClient, slug))["overdue-acknowledgement"]);

        // A handler of the same organization who does not receive the channel sees nothing; the owner is refused.
        var other = await app.AddMemberAsync(setup.Organization, Role.CaseHandler);
        var otherClient = await app.SignInAsync(other.Email!);
        Assert.Equal(new() { ["due-soon"] = 0, ["overdue-acknowledgement"] = 0, ["overdue-feedback"] = 0 }, await CountsAsync(otherClient, slug));
        Assert.Empty(await RowsAsync(otherClient, slug));
        Assert.Equal(HttpStatusCode.Forbidden, (await setup.OwnerClient.GetAsync($"/o/{slug}/cases/deadlines")).StatusCode);
        var channels = await HtmlAsync(await setup.OwnerClient.GetAsync($"/o/{slug}/channels"));
        Assert.Contains("acknowledgement overdue in 1 case(s), feedback overdue in 0, due soon in 0.", channels, StringComparison.Ordinal);
        Assert.DoesNotContain("a report", channels, StringComparison.Ordinal);

        // Another organization's handler cannot reach this organization's page at all.
        var elsewhere = await RemedySteps.SetUpAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.HandlerClient.GetAsync($"/o/{slug}/cases/deadlines")).StatusCode);
        Assert.Equal(0, (await CountsAsync(elsewhere.HandlerClient, elsewhere.Organization.Slug))["overdue-acknowledgement"]);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Channel_service_levels_come_from_settings_are_validated_with_field_errors_and_changes_are_audited(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = started.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Remedy:Sla:AcknowledgeDays", "10");
            builder.UseSetting("Remedy:Sla:FeedbackMonths", "2");
        });
        var setup = await RemedySteps.SetUpAsync(started);
        var owner = await SignInAsync(app, setup.Owner.Email!);
        var slug = setup.Organization.Slug;

        // The creation form offers the organization's defaults; a channel created without them gets them too.
        var page = await HtmlAsync(await owner.GetAsync($"/o/{slug}/channels"));
        Assert.Contains("name=\"Input.AcknowledgeDays\" type=\"number\" min=\"1\" max=\"90\" value=\"10\"", page, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.Slug"] = TestData.UniqueSlug("sla"),
            ["Input.NameEn"] = "SLA channel",
            ["Input.NameZh"] = "时限渠道",
            ["Input.Questionnaire"] = "general",
            ["Input.RetentionDays"] = "365",
            ["Input.Recipients"] = setup.Handler.Id.ToString(),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(owner, $"/o/{slug}/channels", fields)).StatusCode);
        var created = await QueryAsync(app, db => db.Channels.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Slug == fields["Input.Slug"]));
        Assert.Equal((10, 2), (created.AcknowledgeDays, created.FeedbackMonths));

        // Bad values on creation: 400, the error tied to the field, nothing stored.
        fields["Input.Slug"] = TestData.UniqueSlug("sla");
        fields["Input.AcknowledgeDays"] = "0";
        fields["Input.FeedbackMonths"] = "three";
        var refused = await Forms.PostAsync(owner, $"/o/{slug}/channels", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = await HtmlAsync(refused);
        Assert.Contains("id=\"Input_AcknowledgeDays-error\">Days to acknowledge receipt: a whole number from 1 to 90.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_FeedbackMonths-error\">Months to give feedback: a whole number from 1 to 12.", refusedHtml, StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.Channels.IgnoreQueryFilters().AnyAsync(c => c.Slug == fields["Input.Slug"])));

        // Changing an existing channel's periods.
        var url = $"/o/{slug}/channels/{created.Id}/service-levels";
        var bad = await Forms.PostAsync(owner, url, new Dictionary<string, string> { ["AcknowledgeDays"] = "91", ["FeedbackMonths"] = "13" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"AcknowledgeDays-error\"", await HtmlAsync(bad), StringComparison.Ordinal);
        var good = await Forms.PostAsync(owner, url, new Dictionary<string, string> { ["AcknowledgeDays"] = "14", ["FeedbackMonths"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var changed = await QueryAsync(app, db => db.Channels.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == created.Id));
        Assert.Equal((14, 1), (changed.AcknowledgeDays, changed.FeedbackMonths));
        var audit = Assert.Single(await AuditAsync(app, setup.Organization.Id, "channel.service-levels-changed"));
        Assert.Contains("10 days / 2 months → 14 days / 1 months", audit.Summary, StringComparison.Ordinal);
        Assert.Contains("acknowledge in 14 days, feedback in 1 months", await HtmlAsync(await owner.GetAsync($"/o/{slug}/channels")), StringComparison.Ordinal);

        // Another organization's owner cannot see or change it.
        var elsewhere = await RemedySteps.SetUpAsync(started);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.OwnerClient.GetAsync($"/o/{elsewhere.Organization.Slug}/channels/{created.Id}/service-levels")).StatusCode);
        var foreign = await Forms.PostAsync(elsewhere.OwnerClient, $"/o/{elsewhere.Organization.Slug}/channels", new Dictionary<string, string> { ["AcknowledgeDays"] = "30", ["FeedbackMonths"] = "6" },
            $"/o/{elsewhere.Organization.Slug}/channels/{created.Id}/service-levels");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(14, (await QueryAsync(app, db => db.Channels.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == created.Id))).AcknowledgeDays);
    }
}
