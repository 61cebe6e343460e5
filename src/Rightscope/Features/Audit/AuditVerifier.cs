using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Audit;
using Rightscope.Data;

namespace Rightscope.Features.Audit;

/// <summary>Reads the stored chains and checks them with <see cref="AuditChainVerifier"/>; writes and reads checkpoints.</summary>
public sealed class AuditVerifier(RightscopeDbContext db, AuditHasher hasher)
{
    private static readonly JsonSerializerOptions CheckpointJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public AuditVerification Verify(IReadOnlyCollection<AuditCheckpoint> checkpoints, Guid? organizationId = null)
    {
        // An organization's view covers its own chain and any chain that has rows carrying its id, so a row
        // moved into it from another chain is verified (and caught) too.
        var ownChain = organizationId is null ? null : AuditTrail.ChainOf(organizationId);
        var chains = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => organizationId == null || e.OrganizationId == organizationId || e.Chain == ownChain)
            .Select(e => e.Chain).Distinct().ToList()
            .Order(StringComparer.Ordinal).ToList();
        var relevant = organizationId is null
            ? checkpoints
            : checkpoints.Where(c => c.Chain == AuditTrail.ChainOf(organizationId)).ToList();
        return AuditChainVerifier.Verify(chains.Select(ReadChain), hasher, relevant);
    }

    public IReadOnlyList<AuditCheckpoint> CreateCheckpoints() =>
        db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .GroupBy(e => e.Chain)
            .Select(g => g.OrderByDescending(e => e.Sequence).Select(e => new AuditCheckpoint(e.Chain, e.Sequence, e.Hash)).First())
            .AsEnumerable()
            .OrderBy(c => c.Chain, StringComparer.Ordinal)
            .ToList();

    public static string SerializeCheckpoints(IReadOnlyList<AuditCheckpoint> checkpoints, DateTime createdAt) =>
        JsonSerializer.Serialize(new CheckpointFile(1, createdAt, checkpoints.ToList()), CheckpointJson);

    /// <summary>Reads a checkpoint file; a malformed one raises <see cref="FormatException"/> naming the file.</summary>
    public static IReadOnlyList<AuditCheckpoint> ReadCheckpoints(string path)
    {
        CheckpointFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CheckpointFile>(File.ReadAllText(path), CheckpointJson);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: line {(e.LineNumber ?? 0) + 1}: not a Rightscope audit checkpoint file ({e.Message})");
        }

        if (file?.Checkpoints is null || file.Version != 1)
        {
            throw new FormatException($"{path}: not a Rightscope audit checkpoint file (expected \"version\": 1 and \"checkpoints\")");
        }

        for (var i = 0; i < file.Checkpoints.Count; i++)
        {
            var checkpoint = file.Checkpoints[i];
            if (string.IsNullOrWhiteSpace(checkpoint?.Chain) || string.IsNullOrWhiteSpace(checkpoint.Hash) || checkpoint.Sequence < 1)
            {
                throw new FormatException($"{path}: checkpoint {i + 1}: \"chain\", \"sequence\" (1 or more) and \"hash\" are required");
            }
        }

        return file.Checkpoints;
    }

    private IGrouping<string, StoredAuditEntry> ReadChain(string chain)
    {
        var entries = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Chain == chain)
            .OrderBy(e => e.Sequence)
            .AsEnumerable()
            // The chain is taken from the row's organization rather than its Chain column: OrganizationId is not
            // hashed itself, so a row moved to another organization must fail as changed content.
            .Select(e => new StoredAuditEntry(e.Id, e.ToData() with { Chain = AuditTrail.ChainOf(e.OrganizationId) }, e.Hash, e.Seal));
        return new Chain(chain, entries);
    }

    private sealed record CheckpointFile(int Version, DateTime CreatedAt, List<AuditCheckpoint> Checkpoints);

    private sealed class Chain(string key, IEnumerable<StoredAuditEntry> entries) : IGrouping<string, StoredAuditEntry>
    {
        public string Key { get; } = key;

        public IEnumerator<StoredAuditEntry> GetEnumerator() => entries.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
