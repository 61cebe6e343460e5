using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Tests.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

public sealed class BackupCommandTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Demo_data_with_a_sealed_case_and_file_round_trips_into_a_fresh_database_that_verifies_and_opens(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var setup = await RemedySteps.SetUpAsync(app);
        var attachment = Encoding.UTF8.GetBytes("a statement the reporter attached");
        var (submitted, html, receipt) = await RemedyUploads.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "the fence was moved onto our land", [new UploadFile("statement.txt", attachment)]);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK && receipt is not null, html);
        var archive = Path.Combine(app.Database.DataDirectory, "backup.zip");

        var backup = await Cli.RunAsync(app.Database, "", "backup", "--out", archive);
        await using var fresh = await TestDatabase.CreateAsync(provider);
        var restore = await Cli.RunAsync(fresh, "", "restore", "--in", archive);

        backup.AssertSucceeded();
        restore.AssertSucceeded();
        var original = await TableContentsAsync(app.Database);
        var restored = await TableContentsAsync(fresh);
        Assert.Equal(original, restored);
        foreach (var table in new[] { "Cases", "CaseAttachments", "CaseRecipientEnvelopes", "HandlerKeys", "DataProtectionKeys", "AuditEntries", "Users" })
        {
            Assert.True(original.TryGetValue(table, out var content) && content.Rows > 0, $"{table} should hold rows: {string.Join(", ", original.Keys)}");
        }

        var verify = await Cli.RunAsync(fresh, "", "audit", "verify");
        verify.AssertSucceeded();
        Assert.Contains("Audit trail intact", verify.Out, StringComparison.Ordinal);

        // The restored instance opens the sealed case and its file with the handler's own password.
        await using var server = new RightscopeFactory(fresh, ownsDatabase: false);
        var handler = await server.SignInAsync(setup.Handler.Email!);
        await RemedySteps.UnlockAsync(handler);
        var caseId = Assert.Single(await RemedySteps.CaseIdsAsync(handler, setup.Organization));
        var casePage = await (await handler.GetAsync($"/o/{setup.Organization.Slug}/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains("the fence was moved onto our land", casePage, StringComparison.Ordinal);
        var file = Regex.Match(casePage, $"href=\"(/o/{setup.Organization.Slug}/cases/{caseId}/files/[0-9a-f-]{{36}})\"").Groups[1].Value;
        Assert.Equal(attachment, await handler.GetByteArrayAsync(file));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Restore_refuses_a_non_empty_database_unless_forced_and_then_replaces_its_data(string provider)
    {
        await using var source = await SeededAsync(provider, "first@example.org", "acme");
        var archive = Path.Combine(source.DataDirectory, "backup.zip");
        (await Cli.RunAsync(source, "", "backup", "--out", archive)).AssertSucceeded();
        await using var target = await SeededAsync(provider, "other@example.org", "other-org");
        var before = await TableContentsAsync(target);

        var refused = await Cli.RunAsync(target, "", "restore", "--in", archive);
        var unchanged = await TableContentsAsync(target);
        var forced = await Cli.RunAsync(target, "", "restore", "--in", archive, "--force");

        refused.AssertFailedWith("not empty", "--force");
        Assert.Equal(before, unchanged);
        forced.AssertSucceeded();
        Assert.Equal(await TableContentsAsync(source), await TableContentsAsync(target));
        (await Cli.RunAsync(target, "", "audit", "verify")).AssertSucceeded();
        // Identity sequences continue after the restored rows: the next audited command appends to the chain.
        (await Cli.CreateOwnerAsync(target, "third@example.org", "acme")).AssertSucceeded();
        (await Cli.RunAsync(target, "", "audit", "verify")).AssertSucceeded();
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_damaged_or_truncated_archive_or_another_schema_is_refused_and_nothing_is_written(string provider)
    {
        await using var source = await SeededAsync(provider, "first@example.org", "acme");
        var archive = Path.Combine(source.DataDirectory, "backup.zip");
        (await Cli.RunAsync(source, "", "backup", "--out", archive)).AssertSucceeded();
        var damaged = Path.Combine(source.DataDirectory, "damaged.zip");
        var dataEntry = RewriteEntry(archive, damaged, name => name is "database.sqlite" or "tables/AuditEntries.pgcopy", bytes =>
        {
            bytes[bytes.Length / 2] ^= 0xFF;
            return bytes;
        });
        var truncated = Path.Combine(source.DataDirectory, "truncated.zip");
        var whole = await File.ReadAllBytesAsync(archive, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(truncated, whole[..(whole.Length / 2)], TestContext.Current.CancellationToken);
        var older = Path.Combine(source.DataDirectory, "older.zip");
        RewriteEntry(archive, older, name => name == "manifest.json", bytes =>
        {
            var manifest = JsonNode.Parse(bytes)!;
            manifest["migration"] = "20200101000000_Initial";
            return Encoding.UTF8.GetBytes(manifest.ToJsonString());
        });
        await using var target = await TestDatabase.CreateAsync(provider);

        var damagedResult = await Cli.RunAsync(target, "", "restore", "--in", damaged);
        var truncatedResult = await Cli.RunAsync(target, "", "restore", "--in", truncated);
        var olderResult = await Cli.RunAsync(target, "", "restore", "--in", older);
        var missingResult = await Cli.RunAsync(target, "", "restore", "--in", Path.Combine(source.DataDirectory, "missing.zip"));

        damagedResult.AssertFailedWith(damaged, dataEntry, "damaged", "SHA-256");
        truncatedResult.AssertFailedWith(truncated, "not a readable backup archive");
        olderResult.AssertFailedWith(older, "schema migration 20200101000000_Initial");
        missingResult.AssertFailedWith("--in", "missing.zip", "does not exist");
        Assert.False(File.Exists(target.SqliteFile));
        Assert.All(await TableContentsAsync(target), table => Assert.Equal(0, table.Value.Rows));
    }

    [Fact]
    public async Task Backup_to_an_unwritable_place_fails_naming_it()
    {
        await using var source = await SeededAsync(ProviderData.Sqlite, "first@example.org", "acme");
        var blocker = Path.Combine(source.DataDirectory, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory", TestContext.Current.CancellationToken);
        var output = Path.Combine(blocker, "backup.zip");

        var result = await Cli.RunAsync(source, "", "backup", "--out", output);

        result.AssertFailedWith("--out", output, "cannot be written");
    }

    private static async Task<TestDatabase> SeededAsync(string provider, string email, string org)
    {
        var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, email, org)).AssertSucceeded();
        (await Cli.CreateOwnerAsync(database, "second-" + email, org)).AssertSucceeded();
        return database;
    }

    /// <summary>Copies the archive, passing the first entry that matches through <paramref name="change"/>; returns that entry's name.</summary>
    private static string RewriteEntry(string archive, string copy, Func<string, bool> matches, Func<byte[], byte[]> change)
    {
        File.Copy(archive, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = zip.Entries.First(e => matches(e.FullName));
        var name = entry.FullName;
        byte[] bytes;
        using (var stream = entry.Open())
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }

        entry.Delete();
        using (var stream = zip.CreateEntry(name).Open())
        {
            stream.Write(change(bytes));
        }

        return name;
    }

    public sealed record TableContent(long Rows, string Sha256);

    /// <summary>Every table's row count and a hash of its rows (order-independent), read straight from the database.</summary>
    private static Task<SortedDictionary<string, TableContent>> TableContentsAsync(TestDatabase database) =>
        Cli.WithDbAsync(database, async (db, _) =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = database.Provider == ProviderData.Sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var contents = new SortedDictionary<string, TableContent>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join("\u001f", Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader, i))));
                }

                rows.Sort(StringComparer.Ordinal);
                contents[table] = new TableContent(rows.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows)))));
            }

            return contents;
        });

    private static string Text(DbDataReader reader, int column) => reader.IsDBNull(column)
        ? "∅"
        : reader.GetValue(column) switch
        {
            byte[] bytes => Convert.ToHexString(bytes),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? "",
        };
}
