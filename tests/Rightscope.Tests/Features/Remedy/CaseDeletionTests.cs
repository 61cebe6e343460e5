using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>Deleting a case by hand from the case page: confirmation, reasons, who may, and what is left (nothing).</summary>
public sealed class CaseDeletionTests
{
    internal static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string caseUrl, string number, string? reason = null)
    {
        var fields = new Dictionary<string, string> { ["Deletion.ConfirmNumber"] = number };
        if (reason is not null)
        {
            fields["Deletion.Reason"] = reason;
        }

        return PostAnywayAsync(client, $"{caseUrl}?handler=Delete", fields);
    }

    /// <summary>
    /// Posts with the token of the layout's sign-out form, for clients that cannot GET the target (403, 404): the
    /// token belongs to the session, not the page.
    /// </summary>
    internal static async Task<HttpResponseMessage> PostAnywayAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        // The organization's home page, which every member sees: "/o/{org}" of the target.
        var page = await client.GetAsync(string.Join('/', url.Split('/').Take(3)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await Forms.PostWithTokenAsync(client, url, Forms.AntiforgeryToken(await page.Content.ReadAsStringAsync()), fields);
    }

    /// <summary>How many rows of every case table belong to <paramref name="caseId"/>, by table.</summary>
    internal static Task<Dictionary<string, int>> RowsAsync(RightscopeFactory app, Guid caseId) =>
        ReadAsync(app, async db => new Dictionary<string, int>
        {
            ["Cases"] = await db.Cases.IgnoreQueryFilters().CountAsync(c => c.Id == caseId),
            ["CaseRecipientEnvelopes"] = await db.CaseRecipientEnvelopes.IgnoreQueryFilters().CountAsync(e => e.CaseId == caseId),
            ["CaseMessages"] = await db.CaseMessages.IgnoreQueryFilters().CountAsync(m => m.CaseId == caseId),
            ["CaseSteps"] = await db.CaseSteps.IgnoreQueryFilters().CountAsync(s => s.CaseId == caseId),
            ["CaseNotes"] = await db.CaseNotes.IgnoreQueryFilters().CountAsync(n => n.CaseId == caseId),
            ["CaseReferrals"] = await db.CaseReferrals.IgnoreQueryFilters().CountAsync(r => r.CaseId == caseId),
            ["CaseRemedyOutcomes"] = await db.CaseRemedyOutcomes.IgnoreQueryFilters().CountAsync(o => o.CaseId == caseId),
            ["CaseCheckIns"] = await db.CaseCheckIns.IgnoreQueryFilters().CountAsync(c => c.CaseId == caseId),
            ["CaseExclusions"] = await db.CaseExclusions.IgnoreQueryFilters().CountAsync(e => e.CaseId == caseId),
            ["CaseAttachments"] = await db.CaseAttachments.IgnoreQueryFilters().CountAsync(a => a.CaseId == caseId),
        });

    /// <summary>Files of the data directory that contain <paramref name="needle"/> (raw bytes, e.g. ciphertext).</summary>
    internal static List<string> FilesContaining(RightscopeFactory app, byte[] needle) =>
        [.. Directory.EnumerateFiles(app.Database.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return memory.GetBuffer().AsSpan(0, (int)memory.Length).IndexOf(needle) >= 0;
            })
            .Select(file => Path.GetFileName(file))];

    /// <summary>Writes the WAL back into the database file and empties it, so the file holds what SQLite kept.</summary>
    internal static Task CheckpointAsync(RightscopeFactory app) =>
        ReadAsync(app, db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));

    /// <summary>A case with a row in every case table: a file, a reply, steps, a note, a referral, an outcome, check-ins, an exclusion.</summary>
    private static async Task<OpenCase> FullCaseAsync(RightscopeFactory app, RemedySetup setup, string canary, byte[] file)
    {
        var conflicted = await app.AddMemberAsync(setup.Organization, Role.CaseHandler);
        var conflictedClient = await app.SignInAsync(conflicted.Email!);
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(conflictedClient, "/account/case-keys", new Dictionary<string, string> { ["Password"] = TestData.Password })).StatusCode);
        await ReadAsync(app, async db =>
        {
            var channel = await db.Channels.IgnoreQueryFilters().SingleAsync(c => c.Slug == setup.Channel);
            db.ChannelRecipients.Add(new ChannelRecipient { OrganizationId = setup.Organization.Id, ChannelId = channel.Id, UserId = conflicted.Id });
            return await db.SaveChangesAsync();
        });
        var (_, _, receipt) = await RemedyUploads.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, canary, [new UploadFile("evidence.txt", file)]);
        Assert.NotNull(receipt);
        await RemedySteps.UnlockAsync(setup.HandlerClient);
        var id = Guid.Parse(Assert.Single(await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization)));
        var open = new OpenCase(setup, $"/o/{setup.Organization.Slug}/cases/{id}", id, receipt);
        var handler = setup.HandlerClient;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Reply", new Dictionary<string, string> { ["Message"] = "reply " + canary })).StatusCode);
        await AssessAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Note", new Dictionary<string, string> { ["Note"] = "note " + canary })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Refer", new Dictionary<string, string>
        {
            ["Referral.Mechanism"] = "DataProtectionAuthority",
            ["Referral.Mode"] = "Parallel",
            ["Referral.Status"] = "Planned",
            ["Referral.Details"] = "referral " + canary,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Outcome", new Dictionary<string, string>
        {
            ["Outcome.Type"] = "Apology",
            ["Outcome.On"] = "2026-03-01",
            ["Outcome.Description"] = "outcome " + canary,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Exclude", new Dictionary<string, string> { ["Person"] = conflicted.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(handler, open.CaseUrl, "Close", new Dictionary<string, string>())).StatusCode);
        Assert.All(await RowsAsync(app, open.CaseId), table => Assert.True(table.Value > 0, $"{table.Key} has no row of the case"));
        return open;
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_deleted_case_leaves_no_row_its_receipt_no_longer_opens_and_its_ciphertext_is_gone_from_the_file(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var canary = "deletion-canary-" + Guid.NewGuid().ToString("N");
        var file = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"file {canary}\n", 3_000)));
        var open = await FullCaseAsync(app, setup, canary, file);
        var stored = await CaseAsync(app, open.CaseId);
        var fileCiphertext = await ReadAsync(app, db => db.CaseAttachments.IgnoreQueryFilters().Where(a => a.CaseId == open.CaseId).Select(a => a.Content).SingleAsync());
        var sealedKey = await ReadAsync(app, db => db.CaseRecipientEnvelopes.IgnoreQueryFilters().Where(e => e.CaseId == open.CaseId).Select(e => e.SealedKey).FirstAsync());

        // Another case of the same organization, open, which must come through untouched.
        var other = "kept-canary-" + Guid.NewGuid().ToString("N");
        var (_, _, otherReceipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, other);
        Assert.NotNull(otherReceipt);
        var otherId = Guid.Parse(Assert.Single(await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization), id => id != open.CaseId.ToString()));
        var otherUrl = $"/o/{setup.Organization.Slug}/cases/{otherId}";
        var otherRows = await RowsAsync(app, otherId);

        // The typed number must be this case's; an open case needs a reason from the list.
        var wrong = await DeleteAsync(setup.HandlerClient, open.CaseUrl, (stored.Number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Type the number of this case to confirm the deletion.", await HtmlAsync(wrong), StringComparison.Ordinal);
        var otherNumber = (await CaseAsync(app, otherId)).Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var noReason = await DeleteAsync(setup.HandlerClient, otherUrl, otherNumber);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Choose why this open case is deleted.", await HtmlAsync(noReason), StringComparison.Ordinal);
        var badReason = await DeleteAsync(setup.HandlerClient, otherUrl, otherNumber, "RetentionNotNeeded");
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.Contains("Choose one of the listed reasons.", await HtmlAsync(badReason), StringComparison.Ordinal);
        Assert.Equal(1, (await RowsAsync(app, open.CaseId))["Cases"]);

        // Owners are not recipients and cannot delete; neither can an analyst.
        var number = stored.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Forbidden, (await DeleteAsync(setup.OwnerClient, open.CaseUrl, number)).StatusCode);
        var analyst = await app.AddMemberAsync(setup.Organization, Role.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await DeleteAsync(await app.SignInAsync(analyst.Email!), open.CaseUrl, number)).StatusCode);
        Assert.Equal(1, (await RowsAsync(app, open.CaseId))["Cases"]);

        var deleted = await DeleteAsync(setup.HandlerClient, open.CaseUrl, number);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal($"/o/{setup.Organization.Slug}/cases?done=deleted", deleted.Headers.Location?.OriginalString);
        Assert.Contains("The case was deleted and its keys destroyed.", await HtmlAsync(await setup.HandlerClient.GetAsync(deleted.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await setup.HandlerClient.GetAsync(open.CaseUrl)).StatusCode);
        Assert.All(await RowsAsync(app, open.CaseId), table => Assert.True(table.Value == 0, $"{table.Key} still has {table.Value} row(s) of the deleted case"));

        // The receipt gets the very answer of a receipt that never existed.
        var gone = await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), setup.Channel, open.Receipt);
        var never = await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), setup.Channel, "1234 5678 9012 3456");
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Equal(never.StatusCode, gone.StatusCode);
        var goneHtml = await HtmlAsync(gone);
        Assert.Contains("No report matches this receipt code.", goneHtml, StringComparison.Ordinal);
        Assert.Equal(Without(await HtmlAsync(never)), Without(goneHtml));

        // The other case is intact and still opens, for the handler and the reporter.
        Assert.Equal(otherRows, await RowsAsync(app, otherId));
        Assert.Contains(other, await HtmlAsync(await setup.HandlerClient.GetAsync(otherUrl)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), setup.Channel, otherReceipt)).StatusCode);

        // The audit keeps the number, the channel and the reason, nothing of the content.
        var entry = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.Action == "case.deleted"));
        var channelId = await ReadAsync(app, db => db.Channels.IgnoreQueryFilters().Where(c => c.Slug == setup.Channel).Select(c => c.Id).SingleAsync());
        Assert.Equal($"case {stored.Number} of channel {channelId:N} deleted (manual: no longer needed)", entry.Summary);
        Assert.Equal(setup.Organization.Id, entry.OrganizationId);
        Assert.DoesNotContain(canary, string.Join("\n", await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Select(e => e.Summary).ToListAsync())), StringComparison.Ordinal);

        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(app, canary));
        if (provider == ProviderData.Sqlite)
        {
            // secure_delete: the freed pages are zeroed, so not even the ciphertext or the sealed key survives in the file.
            await CheckpointAsync(app);
            Assert.Empty(FilesContaining(app, stored.Report[^48..]));
            Assert.Empty(FilesContaining(app, fileCiphertext[20_000..20_064]));
            Assert.Empty(FilesContaining(app, sealedKey[^48..]));
            Assert.Empty(FilesContaining(app, stored.ReporterEnvelope[^32..]));
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_open_case_is_deleted_with_a_reason_and_a_second_deletion_finds_nothing_to_do(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var number = (await CaseAsync(app, open.CaseId)).Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(open.Setup.HandlerClient, open.CaseUrl, number, "Duplicate")).StatusCode);
        Assert.All(await RowsAsync(app, open.CaseId), table => Assert.Equal(0, table.Value));
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(open.Setup.HandlerClient, open.CaseUrl, number, "Duplicate")).StatusCode);

        // The service itself: deleting what is gone does nothing and writes no second audit entry.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var deletion = scope.ServiceProvider.GetRequiredService<CaseDeletion>();
            Assert.False(await deletion.DeleteAsync(open.Setup.Organization.Id, open.CaseId, CaseDeletionReason.Manual, null, AuditActor.System, CancellationToken.None));
        }

        var entry = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.Action == "case.deleted"));
        Assert.EndsWith("deleted (manual: duplicate)", entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_case_of_another_organization_is_not_deleted_through_the_service_or_the_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var stranger = await RemedySteps.SetUpAsync(app);
        await RemedySteps.UnlockAsync(stranger.HandlerClient);
        var number = (await CaseAsync(app, open.CaseId)).Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var foreignUrl = $"/o/{stranger.Organization.Slug}/cases/{open.CaseId}";
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(stranger.HandlerClient, foreignUrl, number, "Duplicate")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var deletion = scope.ServiceProvider.GetRequiredService<CaseDeletion>();
            Assert.False(await deletion.DeleteAsync(stranger.Organization.Id, open.CaseId, CaseDeletionReason.Manual, null, AuditActor.System, CancellationToken.None));
        }

        Assert.Equal(1, (await RowsAsync(app, open.CaseId))["Cases"]);
        Assert.Equal(1, (await RowsAsync(app, open.CaseId))["CaseRecipientEnvelopes"]);
    }

    /// <summary>The page without its anti-forgery token, which differs per response.</summary>
    private static string Without(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__rs_af\"[^>]*>", "");
}
