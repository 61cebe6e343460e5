using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rightscope.Features.Audit;
using Rightscope.Features.Remedy;
using Rightscope.Infrastructure.Jobs;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>
/// The daily retention job: a closed case goes its channel's retention period after closing (not before its last
/// retaliation check-in), an open case never goes silently and is flagged to its handlers instead.
/// </summary>
public sealed class CaseRetentionPurgeTests
{
    /// <summary>The same database under a clock the test moves; the background loop is off so only the test runs jobs.</summary>
    private static (WebApplicationFactory<Program> App, FakeTimeProvider Clock) Timed(RightscopeFactory app, DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        var timed = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Jobs:Enabled", "false");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
        });
        return (timed, clock);
    }

    private static async Task<JobRunResult> PurgeAsync(WebApplicationFactory<Program> app)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        var job = Assert.Single(runner.Jobs, j => j.Name == CaseRetentionPurge.Name);
        Assert.Equal(TimeSpan.FromDays(1), job.Interval);
        return await runner.RunAsync(job, CancellationToken.None);
    }

    private static async Task CloseAsync(OpenCase open)
    {
        await AssessAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Close", new Dictionary<string, string> { ["NoRemedyReason"] = "no basis" })).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_closed_case_is_purged_when_its_retention_ends_and_an_open_one_is_only_flagged(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var closed = await SubmitAndUnlockAsync(app, "closed case");
        var (_, _, openReceipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), closed.Setup.Channel, "open case");
        Assert.NotNull(openReceipt);
        var openId = Guid.Parse(Assert.Single(await RemedySteps.CaseIdsAsync(closed.Setup.HandlerClient, closed.Setup.Organization), id => id != closed.CaseId.ToString()));
        var openUrl = $"/o/{closed.Setup.Organization.Slug}/cases/{openId}";
        await CloseAsync(closed);
        var closedOn = (await CaseAsync(app, closed.CaseId)).ClosedOn!.Value;

        // The channel keeps cases 365 days (RemedySteps): the page says when this one goes, the open one says it stays.
        var purgeOn = closedOn.AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"This case will be deleted automatically on {purgeOn}", await HtmlAsync(await closed.Setup.HandlerClient.GetAsync(closed.CaseUrl)), StringComparison.Ordinal);
        var openPage = await HtmlAsync(await closed.Setup.HandlerClient.GetAsync(openUrl));
        Assert.Contains("Open cases are never deleted automatically.", openPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"retention-decide\"", openPage, StringComparison.Ordinal);

        var start = new DateTimeOffset(closedOn.AddDays(364).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        var (timed, clock) = Timed(app, start);
        await using (timed)
        {
            var first = await PurgeAsync(timed);
            Assert.Equal((JobRunStatus.Succeeded, "0 case(s) deleted at the end of their retention period"), (first.Status, first.Outcome));
            Assert.Equal(1, (await CaseDeletionTests.RowsAsync(app, closed.CaseId))["Cases"]);

            clock.Advance(TimeSpan.FromDays(1));
            var second = await PurgeAsync(timed);
            Assert.Equal((JobRunStatus.Succeeded, "1 case(s) deleted at the end of their retention period"), (second.Status, second.Outcome));
            Assert.All(await CaseDeletionTests.RowsAsync(app, closed.CaseId), table => Assert.Equal(0, table.Value));
            Assert.Equal(HttpStatusCode.BadRequest, (await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), closed.Setup.Channel, closed.Receipt)).StatusCode);

            // Ten years on, the open case is still there: never deleted silently.
            clock.Advance(TimeSpan.FromDays(3650));
            Assert.Equal("0 case(s) deleted at the end of their retention period", (await PurgeAsync(timed)).Outcome);
            Assert.Equal(1, (await CaseDeletionTests.RowsAsync(app, openId))["Cases"]);

            // Its handlers see that its retention has passed and must decide, in the list and on the case.
            var handler = await EngagementSignInAsync(timed, closed.Setup.Handler.Email!);
            await RemedySteps.UnlockAsync(handler);
            var list = await HtmlAsync(await handler.GetAsync($"/o/{closed.Setup.Organization.Slug}/cases"));
            Assert.Contains("1 open case(s) are past their channel's retention period", list, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"retention-passed\"", list, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"retention-decide\"", await HtmlAsync(await handler.GetAsync(openUrl)), StringComparison.Ordinal);
        }

        var entry = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.Action == "case.deleted"));
        Assert.EndsWith("deleted (retention)", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(("system", closed.Setup.Organization.Id), (entry.Actor, entry.OrganizationId));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_short_retention_waits_for_the_last_retaliation_check_in_and_a_reopened_case_is_kept(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        await ReadAsync(app, db => db.Channels.IgnoreQueryFilters().Where(c => c.Slug == open.Setup.Channel)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RetentionDays, 30)));
        await CloseAsync(open);
        var closedOn = (await CaseAsync(app, open.CaseId)).ClosedOn!.Value;
        var lastCheckIn = closedOn.AddMonths(3);
        Assert.Contains(
            $"This case will be deleted automatically on {lastCheckIn.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            await HtmlAsync(await open.Setup.HandlerClient.GetAsync(open.CaseUrl)),
            StringComparison.Ordinal);

        var (timed, clock) = Timed(app, new DateTimeOffset(lastCheckIn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using (timed)
        {
            Assert.Equal("0 case(s) deleted at the end of their retention period", (await PurgeAsync(timed)).Outcome);

            // The job saw the case closed; a handler reopens it before the deletion: the guard keeps it.
            await using (var scope = timed.Services.CreateAsyncScope())
            {
                var deletion = scope.ServiceProvider.GetRequiredService<CaseDeletion>();
                await StepAsync(open, "Reopen");
                Assert.False(await deletion.DeleteAsync(
                    open.Setup.Organization.Id, open.CaseId, CaseDeletionReason.Retention, null, AuditActor.System, CancellationToken.None,
                    guard: c => c.Status == Rightscope.Core.Remedy.CaseStatus.Closed && c.ClosedOn == closedOn));
            }

            clock.Advance(TimeSpan.FromDays(2));
            Assert.Equal("0 case(s) deleted at the end of their retention period", (await PurgeAsync(timed)).Outcome);
            Assert.Equal(1, (await CaseDeletionTests.RowsAsync(app, open.CaseId))["Cases"]);
        }

        Assert.False(await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "case.deleted")));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Two_purges_at_once_and_a_manual_deletion_delete_each_case_once(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var first = await SubmitAndUnlockAsync(app, "first");
        await CloseAsync(first);
        var closedOn = (await CaseAsync(app, first.CaseId)).ClosedOn!.Value;
        var (timed, _) = Timed(app, new DateTimeOffset(closedOn.AddDays(400).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using (timed)
        {
            // Two instances whose lease both let through (a lease that expired mid-run): the deletion itself tolerates it.
            var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                await using var scope = timed.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<CaseRetentionPurge>().RunAsync(CancellationToken.None);
            }));
            Assert.Equal(
                ["0 case(s) deleted at the end of their retention period", "1 case(s) deleted at the end of their retention period"],
                runs.Order(StringComparer.Ordinal));
            var number = (await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "case.deleted")));
            Assert.Equal(1, number);

            // A handler deleting a case the job already took sees it gone, like any unknown case.
            Assert.Equal(HttpStatusCode.NotFound, (await CaseDeletionTests.DeleteAsync(first.Setup.HandlerClient, first.CaseUrl, "1", "Duplicate")).StatusCode);
        }
    }

    private static Task<HttpClient> EngagementSignInAsync(WebApplicationFactory<Program> app, string email) =>
        Engagements.EngagementSteps.SignInAsync(app, email);
}
