using System.Net;
using System.Text;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>The encrypted handover archive: an AES-256 ZIP that opens with the passphrase and only with it.</summary>
public sealed class CaseArchiveTests
{
    private const string Passphrase = "correct horse battery staple 平安";

    private static Task<HttpResponseMessage> ExportAsync(HttpClient client, string caseUrl, string passphrase, string? confirm = null) =>
        Forms.PostAsync(client, caseUrl + "/archive", new Dictionary<string, string> { ["Passphrase"] = passphrase, ["PassphraseConfirm"] = confirm ?? passphrase });

    /// <summary>As <see cref="ExportAsync"/>, for clients that cannot see the form.</summary>
    private static Task<HttpResponseMessage> ExportAnywayAsync(HttpClient client, string caseUrl) =>
        CaseDeletionTests.PostAnywayAsync(client, caseUrl + "/archive", new Dictionary<string, string> { ["Passphrase"] = Passphrase, ["PassphraseConfirm"] = Passphrase });

    /// <summary>Every entry of the archive, decrypted with <paramref name="passphrase"/>.</summary>
    private static Dictionary<string, byte[]> Open(byte[] archive, string passphrase)
    {
        using var zip = new ZipFile(new MemoryStream(archive)) { Password = passphrase };
        var entries = new Dictionary<string, byte[]>();
        foreach (ZipEntry entry in zip)
        {
            Assert.True(entry.IsCrypted, $"{entry.Name} is not encrypted");
            Assert.Equal(256, entry.AESKeySize);
            using var stream = zip.GetInputStream(entry);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            entries[entry.Name] = memory.ToArray();
        }

        return entries;
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_archive_opens_with_the_passphrase_holds_the_report_and_files_and_is_encrypted(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var canary = "archive-canary-" + Guid.NewGuid().ToString("N");
        var fileName = "name-canary-" + Guid.NewGuid().ToString("N") + ".txt";
        var file = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"file {canary}\n", 500)));
        var (_, _, receipt) = await RemedyUploads.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, canary + " 中文举报", [new UploadFile(fileName, file)]);
        Assert.NotNull(receipt);
        await RemedySteps.UnlockAsync(setup.HandlerClient);
        var id = Guid.Parse(Assert.Single(await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization)));
        var open = new OpenCase(setup, $"/o/{setup.Organization.Slug}/cases/{id}", id, receipt);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Note", new Dictionary<string, string> { ["Note"] = "note " + canary })).StatusCode);
        Assert.Contains($"{open.CaseUrl}/archive", await HtmlAsync(await setup.HandlerClient.GetAsync(open.CaseUrl)), StringComparison.Ordinal);

        var form = await setup.HandlerClient.GetAsync(open.CaseUrl + "/archive");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        // Too short, or typed differently twice: a clear error on the field, and the passphrase is not put back.
        var shortOne = await ExportAsync(setup.HandlerClient, open.CaseUrl, "short phrase");
        Assert.Equal(HttpStatusCode.BadRequest, shortOne.StatusCode);
        var shortHtml = await HtmlAsync(shortOne);
        Assert.Contains("The passphrase must have at least 16 characters.", shortHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("short phrase", shortHtml, StringComparison.Ordinal);
        var mismatch = await ExportAsync(setup.HandlerClient, open.CaseUrl, Passphrase, Passphrase + "!");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("The two passphrases are not the same.", await HtmlAsync(mismatch), StringComparison.Ordinal);
        Assert.DoesNotContain(Passphrase, await HtmlAsync(mismatch), StringComparison.Ordinal);

        var exported = await ExportAsync(setup.HandlerClient, open.CaseUrl, Passphrase);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("application/zip", exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", exported.Content.Headers.ContentDisposition?.DispositionType ?? exported.Headers.GetValues("Content-Disposition").Single().Split(';')[0]);
        var archive = await exported.Content.ReadAsByteArrayAsync();

        // Nothing readable without the passphrase: not the report, the file, its name or the note.
        foreach (var secret in new[] { canary, fileName, "中文举报" })
        {
            Assert.True(archive.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"the archive shows {secret}");
        }

        var entries = Open(archive, Passphrase);
        Assert.Equal(["README.txt", "case.json", "files/01.bin"], entries.Keys.Order(StringComparer.Ordinal));
        var json = Encoding.UTF8.GetString(entries["case.json"]);
        Assert.Contains(canary + " 中文举报", json, StringComparison.Ordinal);
        Assert.Contains("note " + canary, json, StringComparison.Ordinal);
        Assert.Contains(fileName, json, StringComparison.Ordinal);
        Assert.Equal(file, entries["files/01.bin"]);

        Assert.ThrowsAny<Exception>(() => Open(archive, Passphrase + "x"));

        // Audited without content; the server wrote nothing of it to disk.
        var entry = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.Action == "case.archive.exported"));
        var number = (await CaseAsync(app, id)).Number;
        Assert.Equal($"case {number}: encrypted archive exported", entry.Summary);
        Assert.Contains(setup.Handler.Id.ToString("N"), entry.ActorId, StringComparison.Ordinal);
        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(app, canary));
        Assert.Empty(RemedySteps.TemporaryOccurrences(canary));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Only_an_unlocked_recipient_of_the_case_can_export_it(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app, "archive-access report");
        var setup = open.Setup;

        // The owner is no recipient and cannot handle cases; an analyst neither.
        Assert.Equal(HttpStatusCode.Forbidden, (await ExportAnywayAsync(setup.OwnerClient, open.CaseUrl)).StatusCode);
        var analyst = await app.AddMemberAsync(setup.Organization, Role.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await ExportAnywayAsync(await app.SignInAsync(analyst.Email!), open.CaseUrl)).StatusCode);

        // A handler of the organization who is no recipient, and one excluded from the case: not found.
        var outsider = await app.AddMemberAsync(setup.Organization, Role.CaseHandler);
        var outsiderClient = await app.SignInAsync(outsider.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.GetAsync(open.CaseUrl + "/archive")).StatusCode);
        var excluded = await app.AddMemberAsync(setup.Organization, Role.CaseHandler);
        var excludedClient = await app.SignInAsync(excluded.Email!);
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(excludedClient, "/account/case-keys", new Dictionary<string, string> { ["Password"] = TestData.Password })).StatusCode);
        await ReadAsync(app, async db =>
        {
            var channel = await db.Channels.IgnoreQueryFilters().SingleAsync(c => c.Slug == setup.Channel);
            db.ChannelRecipients.Add(new ChannelRecipient { OrganizationId = setup.Organization.Id, ChannelId = channel.Id, UserId = excluded.Id });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Share", new Dictionary<string, string> { ["Person"] = excluded.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, open.CaseUrl, "Exclude", new Dictionary<string, string> { ["Person"] = excluded.Id.ToString() })).StatusCode);
        await RemedySteps.UnlockAsync(excludedClient);
        Assert.Equal(HttpStatusCode.NotFound, (await ExportAnywayAsync(excludedClient, open.CaseUrl)).StatusCode);

        // Another organization's handler, through their own organization's address: not found.
        var stranger = await RemedySteps.SetUpAsync(app);
        await RemedySteps.UnlockAsync(stranger.HandlerClient);
        Assert.Equal(HttpStatusCode.NotFound, (await ExportAnywayAsync(stranger.HandlerClient, $"/o/{stranger.Organization.Slug}/cases/{open.CaseId}")).StatusCode);

        // The recipient with a locked session is sent to unlock first.
        var locked = await app.SignInAsync(setup.Handler.Email!);
        var relock = await ExportAnywayAsync(locked, open.CaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, relock.StatusCode);
        Assert.StartsWith("/account/case-keys/unlock", relock.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "case.archive.exported")));
    }
}
