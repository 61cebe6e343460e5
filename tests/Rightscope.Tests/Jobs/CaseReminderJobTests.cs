using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Remedy;
using Rightscope.Infrastructure.Jobs;
using Rightscope.Tests.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Jobs;

/// <summary>The deadline reminder job: once per person, case, deadline and due day, across runs and instances, without content.</summary>
public sealed class CaseReminderJobTests
{
    /// <summary>
    /// The application on a clock the test moves, with the background runner off: moving the clock would otherwise
    /// fire its timer and run the job at a moment the test does not choose.
    /// </summary>
    internal static (WebApplicationFactory<Program> App, FakeTimeProvider Clock) TimedWithoutJobs(RightscopeFactory app, DateTimeOffset start)
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

    private static async Task<string> RunJobAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseReminderJob>().RunAsync(CancellationToken.None);
    }

    private static Task<List<CaseReminder>> RemindersAsync(WebApplicationFactory<Program> app, Guid organizationId) =>
        QueryAsync(app, db => db.CaseReminders.IgnoreQueryFilters().AsNoTracking().Where(r => r.OrganizationId == organizationId).OrderBy(r => r.CaseNumber).ToListAsync());

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Run_twice_and_on_later_days_the_job_records_one_content_free_reminder_per_recipient_and_deadline(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero);
        var (app, clock) = TimedWithoutJobs(started, start);
        await using var _ = app;
        var setup = await RemedySteps.SetUpAsync(started);
        const string Canary = "CANARY-sla-7f3e9a1c";
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.NotNull((await RemedySteps.SubmitAsync(browser, setup.Channel, Canary)).Receipt);

        // Nothing is due on the day received: the job records nothing.
        Assert.Contains("0 reminder(s) recorded", await RunJobAsync(app), StringComparison.Ordinal);
        Assert.Empty(await RemindersAsync(app, setup.Organization.Id));

        // Five days later the acknowledgement (due day 7) is due soon: one reminder, however often the job runs.
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Contains("1 reminder(s) recorded", await RunJobAsync(app), StringComparison.Ordinal);
        Assert.Contains("0 reminder(s) recorded", await RunJobAsync(app), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(4));
        Assert.Contains("0 reminder(s) recorded", await RunJobAsync(app), StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(start.UtcDateTime);
        var reminder = Assert.Single(await RemindersAsync(app, setup.Organization.Id));
        Assert.Equal(
            (setup.Organization.Id, setup.Handler.Id, 1, DeadlineKind.Acknowledgement, today.AddDays(7), today.AddDays(5), (DateOnly?)null),
            (reminder.OrganizationId, reminder.UserId, reminder.CaseNumber, reminder.Kind, reminder.DueOn, reminder.CreatedOn, reminder.ReadOn));

        // Content-free by construction: these columns and no others, and none holds the report's text.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var entity = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Model.FindEntityType(typeof(CaseReminder))!;
            Assert.Equal(
                ["CaseNumber", "CreatedOn", "DueOn", "Id", "Kind", "OrganizationId", "ReadOn", "UserId"],
                entity.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        Assert.DoesNotContain(Canary, JsonSerializer.Serialize(reminder), StringComparison.Ordinal);
        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(started, Canary));

        // The handler sees it on the deadlines page and in the case list's count, and marks it read with a form post.
        var handler = await SignInAsync(app, setup.Handler.Email!);
        var slug = setup.Organization.Slug;
        Assert.Contains("unread reminders: 1.", await HtmlAsync(await handler.GetAsync($"/o/{slug}/cases")), StringComparison.Ordinal);
        var page = await HtmlAsync(await handler.GetAsync($"/o/{slug}/cases/deadlines"));
        Assert.Contains($"Case 1</a>:\n                Acknowledgement of receipt was due on {today.AddDays(7):yyyy-MM-dd}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, page, StringComparison.Ordinal);

        // Without the anti-forgery token, or for someone else's reminder, nothing changes.
        Assert.Equal(HttpStatusCode.BadRequest, (await handler.PostAsync($"/o/{slug}/cases/deadlines?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string> { ["reminder"] = reminder.Id.ToString() }))).StatusCode);
        var colleague = await SignInAsync(app, (await started.AddMemberAsync(setup.Organization, Role.CaseHandler)).Email!);
        var foreign = await Forms.PostAsync(colleague, $"/o/{slug}/cases/deadlines", new Dictionary<string, string> { ["reminder"] = reminder.Id.ToString() }, $"/o/{slug}/cases/deadlines?handler=Read");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Null((await RemindersAsync(app, setup.Organization.Id)).Single().ReadOn);

        var read = await Forms.PostAsync(handler, $"/o/{slug}/cases/deadlines", new Dictionary<string, string> { ["reminder"] = reminder.Id.ToString() }, $"/o/{slug}/cases/deadlines?handler=Read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal(today.AddDays(9), (await RemindersAsync(app, setup.Organization.Id)).Single().ReadOn);
        Assert.Contains("No unread reminders.", await HtmlAsync(await handler.GetAsync($"/o/{slug}/cases/deadlines")), StringComparison.Ordinal);
        Assert.Single(await AuditAsync(app, setup.Organization.Id, "case-reminders.read"));

        // Read reminders are not made again: the deadline and its day are the same.
        Assert.Contains("0 reminder(s) recorded", await RunJobAsync(app), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Two_instances_running_the_job_at_once_record_each_reminder_once_and_excluded_recipients_lose_theirs(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        await using var second = app.Restart();
        var setup = await RemedySteps.SetUpAsync(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, $"report {i}")).Receipt);
        }

        // Received ten days ago: every acknowledgement is overdue.
        await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == setup.Organization.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ReceivedOn, c => c.ReceivedOn.AddDays(-10))));

        var outcomes = await Task.WhenAll(RunJobAsync(app), RunJobAsync(second), RunJobAsync(app), RunJobAsync(second));
        Assert.All(outcomes, o => Assert.StartsWith("3 deadline(s) due soon or overdue", o, StringComparison.Ordinal));
        var reminders = await RemindersAsync(app, setup.Organization.Id);
        Assert.Equal([1, 2, 3], reminders.Select(r => r.CaseNumber));
        Assert.All(reminders, r => Assert.Equal((setup.Handler.Id, DeadlineKind.Acknowledgement), (r.UserId, r.Kind)));

        // Through the runner the lease lets one instance run it; the other skips.
        var runnerA = app.Services.GetRequiredService<JobRunner>();
        var runnerB = second.Services.GetRequiredService<JobRunner>();
        var job = Assert.Single(runnerA.Jobs, j => j.Name == CaseReminderJob.Name);
        Assert.Equal(TimeSpan.FromHours(1), job.Interval);
        var results = await Task.WhenAll(runnerA.RunAsync(job, CancellationToken.None), runnerB.RunAsync(job, CancellationToken.None));
        Assert.DoesNotContain(results, r => r.Status == JobRunStatus.Failed);
        Assert.True(results.Count(r => r.Status == JobRunStatus.Succeeded) <= 1, "both instances ran the job under one lease");
        Assert.Equal(3, (await RemindersAsync(app, setup.Organization.Id)).Count);

        // A recipient whose copy of a case key is gone (excluded) no longer has that case's reminder.
        await QueryAsync(app, db => db.CaseRecipientEnvelopes.IgnoreQueryFilters()
            .Where(e => e.UserId == setup.Handler.Id && db.Cases.IgnoreQueryFilters().Any(c => c.Id == e.CaseId && c.Number == 2 && c.OrganizationId == setup.Organization.Id))
            .ExecuteDeleteAsync());
        await RunJobAsync(second);
        Assert.Equal([1, 3], (await RemindersAsync(app, setup.Organization.Id)).Select(r => r.CaseNumber));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task In_batches_smaller_than_the_cases_every_deadline_gets_its_reminder_once_whether_received_on_one_day_or_several(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        for (var i = 0; i < 7; i++)
        {
            Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, $"report {i}")).Receipt);
        }

        // Cases 1–4 received on one day (the batches break between equal days), 5–7 each a day apart; all overdue.
        await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == setup.Organization.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ReceivedOn, c => c.ReceivedOn.AddDays(c.Number <= 4 ? -20 : -20 + c.Number))));

        async Task<string> RunInBatchesOfThreeAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<CaseReminderJob>();
            job.BatchSize = 3;
            return await job.RunAsync(CancellationToken.None);
        }

        Assert.StartsWith("7 deadline(s) due soon or overdue; 7 reminder(s) recorded", await RunInBatchesOfThreeAsync(), StringComparison.Ordinal);
        Assert.StartsWith("7 deadline(s) due soon or overdue; 0 reminder(s) recorded", await RunInBatchesOfThreeAsync(), StringComparison.Ordinal);
        var reminders = await RemindersAsync(app, setup.Organization.Id);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], reminders.Select(r => r.CaseNumber));
        Assert.All(reminders, r => Assert.Equal((setup.Handler.Id, DeadlineKind.Acknowledgement), (r.UserId, r.Kind)));

        // Received 200 days earlier and acknowledged the day after, without feedback: the feedback side, in the same batches.
        await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == setup.Organization.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.ReceivedOn, c => c.ReceivedOn.AddDays(-200))
                .SetProperty(c => c.AcknowledgedOn, c => c.ReceivedOn.AddDays(-199))
                .SetProperty(c => c.Status, CaseStatus.Acknowledged)));
        Assert.StartsWith("7 deadline(s) due soon or overdue; 7 reminder(s) recorded", await RunInBatchesOfThreeAsync(), StringComparison.Ordinal);
        Assert.Equal(7, (await RemindersAsync(app, setup.Organization.Id)).Count(r => r.Kind == DeadlineKind.Feedback));
    }
}
