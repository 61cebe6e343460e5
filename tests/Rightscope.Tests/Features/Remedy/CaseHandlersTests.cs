using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Features.Accounts;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>Conflict-of-interest exclusion, re-sharing, assignment and retaliation check-ins, through the case page.</summary>
public sealed class CaseHandlersTests
{
    /// <summary>A case handler of the organization with case keys, made a recipient of the channel.</summary>
    private static async Task<(User User, HttpClient Client)> AddRecipientAsync(RightscopeFactory app, RemedySetup setup)
    {
        var user = await app.AddMemberAsync(setup.Organization, Role.CaseHandler);
        var client = await app.SignInAsync(user.Email!);
        var keys = await Forms.PostAsync(client, "/account/case-keys", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        await ReadAsync(app, async db =>
        {
            var channel = await db.Channels.IgnoreQueryFilters().SingleAsync(c => c.Slug == setup.Channel);
            db.ChannelRecipients.Add(new ChannelRecipient { OrganizationId = setup.Organization.Id, ChannelId = channel.Id, UserId = user.Id });
            return await db.SaveChangesAsync();
        });
        return (user, client);
    }

    private static Task<HttpResponseMessage> PersonAsync(OpenCase open, string handler, Guid person) =>
        PostAsync(open.Setup.HandlerClient, open.CaseUrl, handler, new Dictionary<string, string> { ["Person"] = person.ToString() });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_excluded_handler_loses_the_case_a_new_recipient_gets_it_shared_and_assignment_stays_among_recipients(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var (conflicted, conflictedClient) = await AddRecipientAsync(app, setup);
        var (_, _, receipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "exclusion-canary report");
        Assert.NotNull(receipt);
        await RemedySteps.UnlockAsync(setup.HandlerClient);
        await RemedySteps.UnlockAsync(conflictedClient);
        var id = Assert.Single(await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization));
        var open = new OpenCase(setup, $"/o/{setup.Organization.Slug}/cases/{id}", Guid.Parse(id), receipt);
        Assert.Equal(HttpStatusCode.OK, (await conflictedClient.GetAsync(open.CaseUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PersonAsync(open, "Assign", conflicted.Id)).StatusCode);
        Assert.Equal(conflicted.Id, (await CaseAsync(app, open.CaseId)).AssignedUserId);

        Assert.Equal(HttpStatusCode.Redirect, (await PersonAsync(open, "Exclude", conflicted.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await conflictedClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.Empty(await RemedySteps.CaseIdsAsync(conflictedClient, setup.Organization));
        Assert.Null((await CaseAsync(app, open.CaseId)).AssignedUserId);
        Assert.False(await ReadAsync(app, db => db.CaseRecipientEnvelopes.IgnoreQueryFilters().AnyAsync(e => e.CaseId == open.CaseId && e.UserId == conflicted.Id)));

        // Excluded means excluded: no way back through sharing or assignment; excluding oneself changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await PersonAsync(open, "Share", conflicted.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PersonAsync(open, "Assign", conflicted.Id)).StatusCode);
        var garbage = await PostAsync(setup.HandlerClient, open.CaseUrl, "Assign", new Dictionary<string, string> { ["Person"] = "someone" });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var self = await PersonAsync(open, "Exclude", setup.Handler.Id);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("Choose another handler who can open this case.", await HtmlAsync(self), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await setup.HandlerClient.GetAsync(open.CaseUrl)).StatusCode);

        // A handler who joined the channel after the case arrived gets it when a handler shares it.
        var (newcomer, newcomerClient) = await AddRecipientAsync(app, setup);
        await RemedySteps.UnlockAsync(newcomerClient);
        Assert.Equal(HttpStatusCode.NotFound, (await newcomerClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.Contains(newcomer.Id.ToString(), await (await setup.HandlerClient.GetAsync(open.CaseUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PersonAsync(open, "Share", newcomer.Id)).StatusCode);
        var shared = await newcomerClient.GetAsync(open.CaseUrl);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Contains("exclusion-canary report", await HtmlAsync(shared), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PersonAsync(open, "Share", newcomer.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PersonAsync(open, "Assign", newcomer.Id)).StatusCode);
        Assert.Equal(newcomer.Id, (await CaseAsync(app, open.CaseId)).AssignedUserId);

        var entries = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.TargetId == open.CaseId.ToString("N")).ToListAsync());
        Assert.Contains(entries, e => e.Action == "case.recipient-excluded" && e.ActorId == setup.Handler.Id.ToString("N"));
        Assert.Contains(entries, e => e.Action == "case.shared");
        Assert.Equal(2, entries.Count(e => e.Action == "case.assigned"));
        Assert.Contains(entries, e => e.Action == "case.read" && e.ActorId == newcomer.Id.ToString("N"));
        Assert.All(entries, e => Assert.DoesNotContain("exclusion-canary", e.Summary, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Closing_schedules_retaliation_check_ins_that_show_when_due_and_are_recorded_once_with_an_encrypted_note(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        await AssessAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Close", new Dictionary<string, string> { ["NoRemedyReason"] = "Not ours." })).StatusCode);

        var closedOn = (await CaseAsync(app, open.CaseId)).ClosedOn!.Value;
        var scheduled = await ReadAsync(app, db => db.CaseCheckIns.IgnoreQueryFilters().Where(c => c.CaseId == open.CaseId).OrderBy(c => c.DueOn).ToListAsync());
        Assert.Equal([closedOn.AddMonths(1), closedOn.AddMonths(3)], scheduled.Select(c => c.DueOn));
        var list = $"/o/{open.Setup.Organization.Slug}/cases";
        Assert.DoesNotContain("data-testid=\"check-in-due\"", await (await open.Setup.HandlerClient.GetAsync(list)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A month on: the first check-in has come due.
        var first = scheduled[0].Id;
        await ReadAsync(app, db => db.CaseCheckIns.IgnoreQueryFilters().Where(c => c.Id == first).ExecuteUpdateAsync(u => u.SetProperty(c => c.DueOn, closedOn)));
        Assert.Contains("data-testid=\"check-in-due\"", await (await open.Setup.HandlerClient.GetAsync(list)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var invalid = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "CheckIn", new Dictionary<string, string> { ["CheckIn.Id"] = first.ToString(), ["CheckIn.Result"] = "Fine" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Result: choose one of the results.", await HtmlAsync(invalid), StringComparison.Ordinal);

        var canary = "check-in-canary-" + Guid.NewGuid().ToString("N");
        var recorded = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "CheckIn", new Dictionary<string, string>
        {
            ["CheckIn.Id"] = first.ToString(),
            ["CheckIn.Result"] = "ConcernsRaised",
            ["CheckIn.Note"] = canary,
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var again = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "CheckIn", new Dictionary<string, string> { ["CheckIn.Id"] = first.ToString(), ["CheckIn.Result"] = "NoConcerns" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var unknown = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "CheckIn", new Dictionary<string, string> { ["CheckIn.Id"] = Guid.NewGuid().ToString(), ["CheckIn.Result"] = "NoConcerns" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var stored = await ReadAsync(app, db => db.CaseCheckIns.IgnoreQueryFilters().SingleAsync(c => c.Id == first));
        Assert.Equal(CheckInResult.ConcernsRaised, stored.Result);
        Assert.Contains(canary, await HtmlAsync(await open.Setup.HandlerClient.GetAsync(open.CaseUrl)), StringComparison.Ordinal);
        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(app, canary));
        Assert.DoesNotContain("data-testid=\"check-in-due\"", await (await open.Setup.HandlerClient.GetAsync(list)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Reopening drops the check-in not yet made and keeps the recorded one.
        await StepAsync(open, "Reopen");
        var left = await ReadAsync(app, db => db.CaseCheckIns.IgnoreQueryFilters().Where(c => c.CaseId == open.CaseId).ToListAsync());
        Assert.Equal(first, Assert.Single(left).Id);
    }
}
