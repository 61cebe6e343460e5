using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.Accounts;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>
/// Who can open a channel's cases over time: recipients added and removed on the channels page, handlers who leave the
/// organization or the case-handler role, a handler who replaces a lost key pair, and undoing an exclusion.
/// </summary>
public sealed class ChannelRecipientsTests
{
    /// <summary>A case handler of the organization with case keys, signed in; not yet a recipient of any channel.</summary>
    private static async Task<(User User, HttpClient Client)> HandlerWithKeysAsync(RightscopeFactory app, RemedySetup setup)
    {
        var user = await app.AddMemberAsync(setup.Organization, Role.CaseHandler);
        var client = await app.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(client, "/account/case-keys", new Dictionary<string, string> { ["Password"] = TestData.Password })).StatusCode);
        return (user, client);
    }

    private static string ChannelsUrl(RemedySetup setup) => $"/o/{setup.Organization.Slug}/channels";

    private static async Task<Guid> ChannelIdAsync(RightscopeFactory app, RemedySetup setup) =>
        await ReadAsync(app, db => db.Channels.IgnoreQueryFilters().Where(c => c.Slug == setup.Channel).Select(c => c.Id).SingleAsync());

    private static async Task<HttpResponseMessage> RecipientAsync(RightscopeFactory app, RemedySetup setup, string handler, Guid person) =>
        await Forms.PostAsync(setup.OwnerClient, ChannelsUrl(setup), new Dictionary<string, string>
        {
            ["channelId"] = (await ChannelIdAsync(app, setup)).ToString(),
            ["person"] = person.ToString(),
        }, $"{ChannelsUrl(setup)}?handler={handler}");

    private static Task<bool> HasEnvelopeAsync(RightscopeFactory app, Guid caseId, Guid userId) =>
        ReadAsync(app, db => db.CaseRecipientEnvelopes.IgnoreQueryFilters().AnyAsync(e => e.CaseId == caseId && e.UserId == userId));

    private static Task<List<string>> AuditActionsAsync(RightscopeFactory app, Guid organizationId) =>
        ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == organizationId).Select(e => e.Action + ": " + e.Summary).ToListAsync());

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_owner_adds_a_recipient_for_new_cases_and_removes_one_unless_a_case_would_become_unreadable(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app, "first-case-canary");
        var setup = open.Setup;
        var (newcomer, newcomerClient) = await HandlerWithKeysAsync(app, setup);

        // The page explains that adding does not open existing cases.
        var page = await HtmlAsync(await setup.OwnerClient.GetAsync(ChannelsUrl(setup)));
        Assert.Contains("They cannot open existing cases", page, StringComparison.Ordinal);
        Assert.Contains(newcomer.Email!, page, StringComparison.Ordinal);

        // Bad input: nobody, a stranger, someone already a recipient.
        Assert.Equal(HttpStatusCode.BadRequest, (await RecipientAsync(app, setup, "AddRecipient", Guid.NewGuid())).StatusCode);
        var twice = await RecipientAsync(app, setup, "AddRecipient", setup.Handler.Id);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Recipient: choose a case handler with case keys", await HtmlAsync(twice), StringComparison.Ordinal);

        var added = await RecipientAsync(app, setup, "AddRecipient", newcomer.Id);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await RemedySteps.UnlockAsync(newcomerClient);
        Assert.Equal(HttpStatusCode.NotFound, (await newcomerClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "second-case-canary")).Receipt);
        var newcomerCases = await RemedySteps.CaseIdsAsync(newcomerClient, setup.Organization);
        var second = Guid.Parse(Assert.Single(newcomerCases));
        Assert.NotEqual(open.CaseId, second);

        // The first handler is the only one who can open the first case: removing them is refused and names the case.
        var number = (await CaseAsync(app, open.CaseId)).Number;
        var refused = await RecipientAsync(app, setup, "RemoveRecipient", setup.Handler.Id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"the only one who can open case(s) {number}", await HtmlAsync(refused), StringComparison.Ordinal);
        Assert.True(await HasEnvelopeAsync(app, open.CaseId, setup.Handler.Id));

        // Once shared, the first handler (assigned to both cases) can be removed: their envelopes go, the cases are unassigned.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", new Dictionary<string, string> { ["Person"] = newcomer.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Assign", new Dictionary<string, string> { ["Person"] = setup.Handler.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecipientAsync(app, setup, "RemoveRecipient", setup.Handler.Id)).StatusCode);
        Assert.False(await HasEnvelopeAsync(app, open.CaseId, setup.Handler.Id));
        Assert.False(await HasEnvelopeAsync(app, second, setup.Handler.Id));
        Assert.Null((await CaseAsync(app, open.CaseId)).AssignedUserId);
        Assert.Equal(HttpStatusCode.NotFound, (await setup.HandlerClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomerClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RecipientAsync(app, setup, "RemoveRecipient", setup.Handler.Id)).StatusCode);

        var entries = await AuditActionsAsync(app, setup.Organization.Id);
        Assert.Contains(entries, e => e.StartsWith("channel.recipient-added", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("channel.recipient-removed", StringComparison.Ordinal) && e.Contains("2 case key envelope(s) removed, 1 case(s) unassigned", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("case-canary", e, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_recipient_shares_all_of_a_channels_existing_cases_with_a_newcomer_except_those_the_newcomer_is_excluded_from(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app, "share-canary-1");
        var setup = open.Setup;
        Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "share-canary-2")).Receipt);
        Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "share-canary-3")).Receipt);
        var (newcomer, newcomerClient) = await HandlerWithKeysAsync(app, setup);
        Assert.Equal(HttpStatusCode.Redirect, (await RecipientAsync(app, setup, "AddRecipient", newcomer.Id)).StatusCode);

        // The newcomer is excluded from the first case (a conflict of interest): shared once, then excluded.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", new Dictionary<string, string> { ["Person"] = newcomer.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Exclude", new Dictionary<string, string> { ["Person"] = newcomer.Id.ToString() })).StatusCode);

        var share = $"/o/{setup.Organization.Slug}/cases/share";
        var list = await HtmlAsync(await setup.HandlerClient.GetAsync($"/o/{setup.Organization.Slug}/cases"));
        Assert.Contains("cannot yet open 2 case share(s)", list, StringComparison.Ordinal);
        var page = await HtmlAsync(await setup.HandlerClient.GetAsync(share));
        Assert.Contains($"Share 2 case(s) with", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-pending\"", await HtmlAsync(await newcomerClient.GetAsync(share)), StringComparison.Ordinal);

        // Someone who is not a recipient: nothing is written, the answer says so.
        var channelId = await ChannelIdAsync(app, setup);
        var stranger = await Forms.PostAsync(setup.HandlerClient, share, new Dictionary<string, string> { ["channel"] = channelId.ToString(), ["person"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Conflict, stranger.StatusCode);
        Assert.Contains("Nothing was shared", await HtmlAsync(stranger), StringComparison.Ordinal);

        var shared = await Forms.PostAsync(setup.HandlerClient, share, new Dictionary<string, string> { ["channel"] = channelId.ToString(), ["person"] = newcomer.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Contains("2 case(s) shared", await HtmlAsync(await setup.HandlerClient.GetAsync(shared.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        await RemedySteps.UnlockAsync(newcomerClient);
        var visible = await RemedySteps.CaseIdsAsync(newcomerClient, setup.Organization);
        Assert.Equal(2, visible.Count);
        Assert.DoesNotContain(open.CaseId.ToString(), visible);
        Assert.False(await HasEnvelopeAsync(app, open.CaseId, newcomer.Id));
        foreach (var id in visible)
        {
            Assert.Equal(HttpStatusCode.OK, (await newcomerClient.GetAsync($"/o/{setup.Organization.Slug}/cases/{id}")).StatusCode);
        }

        Assert.Contains("data-testid=\"no-pending\"", await HtmlAsync(await setup.HandlerClient.GetAsync(share)), StringComparison.Ordinal);
        var entries = await AuditActionsAsync(app, setup.Organization.Id);
        Assert.Contains(entries, e => e.StartsWith("cases.shared", StringComparison.Ordinal) && e.Contains("2 case key(s) sealed", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("share-canary", e, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Two_recipients_sharing_the_same_cases_with_a_newcomer_at_once_get_a_conflict_not_an_error_and_each_key_is_sealed_once(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app, "race-canary-1");
        var setup = open.Setup;
        Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "race-canary-2")).Receipt);
        var (second, secondClient) = await HandlerWithKeysAsync(app, setup);
        var (newcomer, _) = await HandlerWithKeysAsync(app, setup);
        var channelId = await ChannelIdAsync(app, setup);
        var share = $"/o/{setup.Organization.Slug}/cases/share";
        var form = new Dictionary<string, string> { ["channel"] = channelId.ToString(), ["person"] = newcomer.Id.ToString() };

        // The second handler becomes a recipient and gets both cases, so both can share them.
        Assert.Equal(HttpStatusCode.Redirect, (await RecipientAsync(app, setup, "AddRecipient", second.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(setup.HandlerClient, share, new Dictionary<string, string> { ["channel"] = channelId.ToString(), ["person"] = second.Id.ToString() })).StatusCode);
        await RemedySteps.UnlockAsync(secondClient);
        Assert.Equal(HttpStatusCode.Redirect, (await RecipientAsync(app, setup, "AddRecipient", newcomer.Id)).StatusCode);

        // Both press "share" several times at once; the unique (case, person) index decides, the losers get 409.
        var posts = Enumerable.Range(0, 6).Select(i => Forms.PostAsync(i % 2 == 0 ? setup.HandlerClient : secondClient, share, form));
        var statuses = (await Task.WhenAll(posts)).Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Redirect, HttpStatusCode.Conflict }));
        Assert.Contains(HttpStatusCode.Redirect, statuses);

        var envelopes = await ReadAsync(app, db => db.CaseRecipientEnvelopes.IgnoreQueryFilters().Where(e => e.UserId == newcomer.Id).Select(e => e.CaseId).ToListAsync());
        Assert.Equal(2, envelopes.Count);
        Assert.Equal(2, envelopes.Distinct().Count());

        // The per-case share of a case the newcomer already holds is refused as invalid, not a server error.
        var again = await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", new Dictionary<string, string> { ["Person"] = newcomer.Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_handler_who_leaves_or_loses_the_role_loses_their_case_keys_and_assignments_through_the_members_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var setup = open.Setup;
        var (leaver, _) = await HandlerWithKeysAsync(app, setup);
        var (demoted, _) = await HandlerWithKeysAsync(app, setup);
        foreach (var person in new[] { leaver, demoted })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RecipientAsync(app, setup, "AddRecipient", person.Id)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", new Dictionary<string, string> { ["Person"] = person.Id.ToString() })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Assign", new Dictionary<string, string> { ["Person"] = leaver.Id.ToString() })).StatusCode);
        var members = $"/o/{setup.Organization.Slug}/members";
        Task<Guid> MembershipIdAsync(Guid userId) =>
            ReadAsync(app, db => db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == userId && m.OrganizationId == setup.Organization.Id).Select(m => m.Id).SingleAsync());

        var removed = await Forms.PostAsync(setup.OwnerClient, members, new Dictionary<string, string> { ["membershipId"] = (await MembershipIdAsync(leaver.Id)).ToString() }, $"{members}?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await HasEnvelopeAsync(app, open.CaseId, leaver.Id));
        Assert.False(await ReadAsync(app, db => db.ChannelRecipients.IgnoreQueryFilters().AnyAsync(r => r.UserId == leaver.Id)));
        Assert.Null((await CaseAsync(app, open.CaseId)).AssignedUserId);

        var changed = await Forms.PostAsync(setup.OwnerClient, members, new Dictionary<string, string>
        {
            ["membershipId"] = (await MembershipIdAsync(demoted.Id)).ToString(),
            ["role"] = "viewer",
        }, $"{members}?handler=ChangeRole");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.False(await HasEnvelopeAsync(app, open.CaseId, demoted.Id));
        Assert.False(await ReadAsync(app, db => db.ChannelRecipients.IgnoreQueryFilters().AnyAsync(r => r.UserId == demoted.Id)));

        // The handler who stays still opens the case; the audit says what was removed, never what the case says.
        Assert.Equal(HttpStatusCode.OK, (await setup.HandlerClient.GetAsync(open.CaseUrl)).StatusCode);
        var entries = await AuditActionsAsync(app, setup.Organization.Id);
        Assert.Contains(entries, e => e.StartsWith("member.removed", StringComparison.Ordinal) && e.Contains("1 case key envelope(s) removed, 1 case(s) unassigned", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("member.role-changed", StringComparison.Ordinal) && e.Contains("1 case key envelope(s) removed", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_handler_who_lost_password_and_recovery_key_replaces_the_key_pair_and_gets_cases_shared_again(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app, "replaced-key-canary");
        var setup = open.Setup;
        var (lost, lostClient) = await HandlerWithKeysAsync(app, setup);
        Assert.Equal(HttpStatusCode.Redirect, (await RecipientAsync(app, setup, "AddRecipient", lost.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", new Dictionary<string, string> { ["Person"] = lost.Id.ToString() })).StatusCode);

        // While the password still opens the key, nothing is replaced; without the confirmation neither.
        var replace = new Dictionary<string, string> { ["Password"] = TestData.Password, ["ConfirmReplace"] = "true" };
        var notNeeded = await Forms.PostAsync(lostClient, "/account/case-keys", replace, "/account/case-keys?handler=Replace");
        Assert.Equal(HttpStatusCode.Conflict, notNeeded.StatusCode);
        Assert.Contains("Your password still opens your case keys", await HtmlAsync(notNeeded), StringComparison.Ordinal);
        Assert.True(await HasEnvelopeAsync(app, open.CaseId, lost.Id));

        const string resetPassword = "a password the admin chose";
        Assert.Equal(0, (await Rightscope.Tests.Cli.Cli.RunAsync(app.Database, resetPassword + "\n", "admin", "reset-password", "--email", lost.Email!, "--password-stdin")).ExitCode);
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = lost.Email!, ["Input.Password"] = resetPassword })).StatusCode);
        var unconfirmed = await Forms.PostAsync(client, "/account/case-keys", new Dictionary<string, string> { ["Password"] = resetPassword }, "/account/case-keys?handler=Replace");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Confirmation: tick the box", await HtmlAsync(unconfirmed), StringComparison.Ordinal);

        var oldKey = await ReadAsync(app, db => db.HandlerKeys.AsNoTracking().SingleAsync(k => k.UserId == lost.Id));
        var replaced = await Forms.PostAsync(client, "/account/case-keys", new Dictionary<string, string> { ["Password"] = resetPassword, ["ConfirmReplace"] = "true" }, "/account/case-keys?handler=Replace");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var html = await HtmlAsync(replaced);
        Assert.Contains("data-testid=\"keys-replaced\"", html, StringComparison.Ordinal);
        Assert.Matches(RemedySteps.RecoveryKeyPattern(), html);
        var newKey = await ReadAsync(app, db => db.HandlerKeys.AsNoTracking().SingleAsync(k => k.UserId == lost.Id));
        Assert.NotEqual(oldKey.PublicKey, newKey.PublicKey);
        Assert.False(await HasEnvelopeAsync(app, open.CaseId, lost.Id));

        // The other recipient's case page offers to share the case again; once shared, the new key opens it.
        var casePage = await HtmlAsync(await setup.HandlerClient.GetAsync(open.CaseUrl));
        Assert.Contains($"<option value=\"{lost.Id}\">", casePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", new Dictionary<string, string> { ["Person"] = lost.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, "/account/case-keys/unlock", new Dictionary<string, string> { ["Password"] = resetPassword, ["ReturnUrl"] = "/orgs" })).StatusCode);
        var reopened = await client.GetAsync(open.CaseUrl);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Contains("replaced-key-canary", await HtmlAsync(reopened), StringComparison.Ordinal);
        var audit = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "remedy.case-keys-replaced").Select(e => e.Summary).SingleAsync());
        Assert.Contains("1 sealed case key(s) dropped", audit, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_exclusion_can_be_undone_and_the_case_is_then_shared_again(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app, "unexclude-canary");
        var setup = open.Setup;
        var (other, otherClient) = await HandlerWithKeysAsync(app, setup);
        Assert.Equal(HttpStatusCode.Redirect, (await RecipientAsync(app, setup, "AddRecipient", other.Id)).StatusCode);
        var person = new Dictionary<string, string> { ["Person"] = other.Id.ToString() };
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", person)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Exclude", person)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", person)).StatusCode);

        // Undoing something that was never excluded is refused with the field named.
        var invalid = await PostAsync(setup.HandlerClient, open.CaseUrl, "Unexclude", new Dictionary<string, string> { ["Person"] = setup.Handler.Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Choose a handler who was excluded from this case.", await HtmlAsync(invalid), StringComparison.Ordinal);

        var undone = await PostAsync(setup.HandlerClient, open.CaseUrl, "Unexclude", person);
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var page = await HtmlAsync(await setup.HandlerClient.GetAsync(undone.Headers.Location!.OriginalString));
        Assert.Contains("Share the case key with that handler again", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"excluded\"", page, StringComparison.Ordinal);

        // Undoing does not open the case by itself: sharing does.
        await RemedySteps.UnlockAsync(otherClient);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", person)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync(open.CaseUrl)).StatusCode);
        var entries = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.TargetId == open.CaseId.ToString("N")).Select(e => e.Action).ToListAsync());
        Assert.Contains("case.exclusion-undone", entries);
    }
}
