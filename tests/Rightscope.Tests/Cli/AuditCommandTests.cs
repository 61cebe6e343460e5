using Microsoft.EntityFrameworkCore;
using Rightscope.Cli;
using Rightscope.Features.Audit;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

public sealed class AuditCommandTests
{
    /// <summary>Three audited commands on one organization's chain and one on the system chain.</summary>
    private static async Task<(string Chain, List<AuditEntry> Entries)> SeedAsync(TestDatabase database)
    {
        (await Cli.CreateOwnerAsync(database, "first@example.org", "acme")).AssertSucceeded();
        (await Cli.CreateOwnerAsync(database, "second@example.org", "acme")).AssertSucceeded();
        (await Cli.CreateOwnerAsync(database, "third@example.org", "acme")).AssertSucceeded();
        var reset = await Cli.RunAsync(database, "a brand new passphrase\n", "admin", "reset-password", "--email", "first@example.org", "--password-stdin");
        reset.AssertSucceeded();

        return await Cli.WithDbAsync(database, async (db, _) =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Slug == "acme");
            var chain = AuditTrail.ChainOf(organization.Id);
            var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
            return (chain, entries);
        });
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Verify_passes_on_an_untouched_trail(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        var result = await Cli.RunAsync(database, "", "audit", "verify");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("intact: 4 entries in 2 chain(s)", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Verify_fails_naming_chain_sequence_and_row_when_an_entry_is_edited_in_sql(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (chain, entries) = await SeedAsync(database);

        await Cli.ExecuteSqlAsync(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = 'x' WHERE \"Chain\" = '{chain}' AND \"Sequence\" = 2");
        var result = await Cli.RunAsync(database, "", "audit", "verify");

        result.AssertFailedWith($"chain {chain}", "entry 2", $"row id {entries[1].Id}", "edited");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Verify_fails_when_an_entry_is_moved_to_another_organization(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (chain, entries) = await SeedAsync(database);
        (await Cli.CreateOwnerAsync(database, "other@example.org", "other-org")).AssertSucceeded();
        var other = await Cli.WithDbAsync(database, (db, _) => db.Organizations.SingleAsync(o => o.Slug == "other-org"));

        // OrganizationId is what the audit page filters on; changing it must not pass unnoticed.
        await Cli.ExecuteSqlAsync(database, $"UPDATE \"AuditEntries\" SET \"OrganizationId\" = (SELECT \"OrganizationId\" FROM \"AuditEntries\" WHERE \"Chain\" = '{AuditTrail.ChainOf(other.Id)}') WHERE \"Id\" = {entries[2].Id}");
        var all = await Cli.RunAsync(database, "", "audit", "verify");
        var otherOnly = await Cli.RunAsync(database, "", "audit", "verify", "--org", "other-org");

        all.AssertFailedWith($"chain {chain}", "entry 3", $"row id {entries[2].Id}");
        otherOnly.AssertFailedWith($"chain {chain}", "entry 3");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Verify_fails_reporting_the_missing_entry_when_a_middle_row_is_deleted(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (chain, entries) = await SeedAsync(database);

        await Cli.ExecuteSqlAsync(database, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {entries[1].Id}");
        var result = await Cli.RunAsync(database, "", "audit", "verify");

        result.AssertFailedWith($"chain {chain}", "entry 2 is missing");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Deleting_the_last_row_is_caught_by_a_checkpoint_but_not_without_one(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (chain, entries) = await SeedAsync(database);
        var checkpointFile = Path.Combine(database.DataDirectory, "checkpoint.json");

        var checkpoint = await Cli.RunAsync(database, "", "audit", "checkpoint", "--out", checkpointFile);
        Assert.Equal(ExitCodes.Success, checkpoint.ExitCode);
        Assert.Contains("2 checkpoint(s)", checkpoint.Out, StringComparison.Ordinal);
        var beforeDeletion = await Cli.RunAsync(database, "", "audit", "verify", "--checkpoint", checkpointFile);
        Assert.Equal(ExitCodes.Success, beforeDeletion.ExitCode);
        Assert.Contains("consistent with 2 checkpoint(s)", beforeDeletion.Out, StringComparison.Ordinal);

        await Cli.ExecuteSqlAsync(database, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {entries[2].Id}");
        var plain = await Cli.RunAsync(database, "", "audit", "verify");
        var withCheckpoint = await Cli.RunAsync(database, "", "audit", "verify", "--checkpoint", checkpointFile);

        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        withCheckpoint.AssertFailedWith($"chain {chain}", "checkpoint records entry 3", "deleted from its end");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_tail_replaced_after_a_checkpoint_is_reported_as_differing_from_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (chain, entries) = await SeedAsync(database);
        var checkpointFile = Path.Combine(database.DataDirectory, "checkpoint.json");
        (await Cli.RunAsync(database, "", "audit", "checkpoint", "--out", checkpointFile)).AssertSucceeded();

        // Delete the head and let the application append a new, validly sealed entry in its place.
        await Cli.ExecuteSqlAsync(database, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {entries[2].Id}");
        (await Cli.CreateOwnerAsync(database, "fourth@example.org", "acme")).AssertSucceeded();
        var result = await Cli.RunAsync(database, "", "audit", "verify", "--checkpoint", checkpointFile);

        result.AssertFailedWith($"chain {chain}", "entry 3", "differs from the exported checkpoint");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Verify_with_another_audit_key_reports_an_invalid_seal(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var configuration = database.Configuration();
        configuration["Rightscope:AuditKey"] = Convert.ToBase64String(Enumerable.Range(200, 32).Select(i => (byte)i).ToArray());

        var result = await Cli.RunAsync(configuration, "", "audit", "verify");

        result.AssertFailedWith("entry 1", "seal", "key");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Verify_of_one_organization_ignores_breaks_in_other_chains_and_rejects_unknown_slugs(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (chain, _) = await SeedAsync(database);
        (await Cli.CreateOwnerAsync(database, "other@example.org", "other-org")).AssertSucceeded();
        await Cli.ExecuteSqlAsync(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = 'x' WHERE \"Chain\" = '{chain}' AND \"Sequence\" = 1");

        var other = await Cli.RunAsync(database, "", "audit", "verify", "--org", "other-org");
        var acme = await Cli.RunAsync(database, "", "audit", "verify", "--org", "acme");
        var unknown = await Cli.RunAsync(database, "", "audit", "verify", "--org", "nobody");

        Assert.Equal(ExitCodes.Success, other.ExitCode);
        Assert.Contains("1 entries in 1 chain(s)", other.Out, StringComparison.Ordinal);
        acme.AssertFailedWith($"chain {chain}", "entry 1");
        unknown.AssertFailedWith("--org", "nobody");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Checkpoint_refuses_a_broken_trail_and_verify_rejects_a_malformed_checkpoint_file(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (chain, _) = await SeedAsync(database);
        var malformed = Path.Combine(database.DataDirectory, "malformed.json");
        await File.WriteAllTextAsync(malformed, "{ \"version\": 1, \"checkpoints\": [");
        var missing = Path.Combine(database.DataDirectory, "missing.json");

        var badFile = await Cli.RunAsync(database, "", "audit", "verify", "--checkpoint", malformed);
        var noFile = await Cli.RunAsync(database, "", "audit", "verify", "--checkpoint", missing);
        await Cli.ExecuteSqlAsync(database, $"UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else' WHERE \"Chain\" = '{chain}' AND \"Sequence\" = 3");
        var refused = await Cli.RunAsync(database, "", "audit", "checkpoint", "--out", Path.Combine(database.DataDirectory, "c.json"));

        badFile.AssertFailedWith(malformed, "not a Rightscope audit checkpoint file");
        noFile.AssertFailedWith("--checkpoint", missing);
        refused.AssertFailedWith("refusing", "entry 3");
        Assert.False(File.Exists(Path.Combine(database.DataDirectory, "c.json")));
    }
}
