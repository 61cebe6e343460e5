using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>
/// The first feedback day stored on each case (what the deadline counts read instead of messages and steps): kept up
/// to date by replies and steps as <c>CaseDeadlines.FirstFeedback</c> defines it, and filled in for existing cases by
/// the migration that added it.
/// </summary>
public sealed class CaseFeedbackDayTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Replies_after_the_acknowledgement_day_and_steps_into_a_feedback_state_set_it_and_the_migration_works_it_out_the_same(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        var day0 = DateOnly.FromDateTime(start.UtcDateTime);
        var (app, clock) = Jobs.CaseReminderJobTests.TimedWithoutJobs(started, start);
        await using var _ = app;
        var setup = await RemedySteps.SetUpAsync(started);
        var slug = setup.Organization.Slug;
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        foreach (var text in new[] { "first", "second", "third" })
        {
            Assert.NotNull((await RemedySteps.SubmitAsync(browser, setup.Channel, text)).Receipt);
        }

        var ids = new Dictionary<int, Guid>();
        foreach (var number in new[] { 1, 2, 3 })
        {
            ids[number] = await QueryAsync(app, db => db.Cases.IgnoreQueryFilters()
                .Where(c => c.OrganizationId == setup.Organization.Id && c.Number == number).Select(c => c.Id).SingleAsync());
        }

        // Day 0: all three acknowledged; a reply on the acknowledgement day is part of acknowledging, not feedback.
        var handler = await SignInAsync(app, setup.Handler.Email!);
        await RemedySteps.UnlockAsync(handler);
        foreach (var id in ids.Values)
        {
            await StepAsync(handler, slug, id, "Acknowledge");
        }

        await ReplyAsync(handler, slug, ids[1]);

        // Day 2: case 1 gets a reply (feedback); case 2 goes under assessment (not feedback).
        clock.Advance(TimeSpan.FromDays(2));
        handler = await SignInAsync(app, setup.Handler.Email!);
        await RemedySteps.UnlockAsync(handler);
        await ReplyAsync(handler, slug, ids[1]);
        await StepAsync(handler, slug, ids[2], "StartAssessment");

        // Day 3: case 2 is investigated (feedback); a later reply to case 1 does not move its first day.
        clock.Advance(TimeSpan.FromDays(1));
        handler = await SignInAsync(app, setup.Handler.Email!);
        await RemedySteps.UnlockAsync(handler);
        await StepAsync(handler, slug, ids[2], "Investigate");
        await ReplyAsync(handler, slug, ids[1]);

        var expected = new Dictionary<int, DateOnly?> { [1] = day0.AddDays(2), [2] = day0.AddDays(3), [3] = null };
        Assert.Equal(expected, await FeedbackDaysAsync(app, ids));

        // The migration's backfill, run over the same cases with the column emptied, gives the same days.
        await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(c => c.FeedbackGivenOn, (DateOnly?)null)));
        Assert.All((await FeedbackDaysAsync(app, ids)).Values, Assert.Null);
        var backfill = provider == ProviderData.Sqlite
            ? Rightscope.Data.Migrations.Sqlite.CaseDeadlinesViolationTypesDatasetPublishing.BackfillSql
            : Rightscope.Data.Migrations.Postgres.CaseDeadlinesViolationTypesDatasetPublishing.BackfillSql;
        await QueryAsync(app, db => db.Database.ExecuteSqlRawAsync(backfill));
        Assert.Equal(expected, await FeedbackDaysAsync(app, ids));
    }

    private static async Task<Dictionary<int, DateOnly?>> FeedbackDaysAsync(WebApplicationFactory<Program> app, Dictionary<int, Guid> ids) =>
        await QueryAsync(app, async db =>
        {
            var days = await db.Cases.IgnoreQueryFilters().Where(c => ids.Values.Contains(c.Id)).Select(c => new { c.Id, c.FeedbackGivenOn }).ToListAsync();
            return ids.ToDictionary(i => i.Key, i => days.Single(d => d.Id == i.Value).FeedbackGivenOn);
        });

    private static async Task StepAsync(HttpClient handler, string slug, Guid caseId, string step)
    {
        var response = await CaseWorkflowSteps.PostAsync(handler, $"/o/{slug}/cases/{caseId}", "Step", new Dictionary<string, string> { ["Step"] = step });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task ReplyAsync(HttpClient handler, string slug, Guid caseId)
    {
        var reply = await Forms.PostAsync(handler, $"/o/{slug}/cases/{caseId}", new Dictionary<string, string> { ["Message"] = "We are looking into it." },
            $"/o/{slug}/cases/{caseId}?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
    }
}
