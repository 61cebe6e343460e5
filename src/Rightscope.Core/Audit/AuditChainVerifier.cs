namespace Rightscope.Core.Audit;

/// <summary>An entry as stored: its content plus the hash and seal written with it.</summary>
public sealed record StoredAuditEntry(long Id, AuditEntryData Data, string Hash, string Seal);

/// <summary>A point of a chain exported earlier with <c>audit checkpoint</c>.</summary>
public sealed record AuditCheckpoint(string Chain, long Sequence, string Hash);

/// <summary>Where and why a chain stopped being trustworthy.</summary>
public sealed record AuditBreak(string Chain, long Sequence, long? EntryId, AuditBreakReason Reason)
{
    public string Describe() => Reason switch
    {
        AuditBreakReason.ContentChanged => $"chain {Chain}: entry {Sequence} (row id {EntryId}) was edited: its content no longer matches its hash",
        AuditBreakReason.SealInvalid => $"chain {Chain}: entry {Sequence} (row id {EntryId}) has a seal that the configured audit key did not make: the chain was recomputed or the key is wrong",
        AuditBreakReason.LinkBroken => $"chain {Chain}: entry {Sequence} (row id {EntryId}) does not link to the entry before it: an entry was removed, inserted or edited",
        AuditBreakReason.EntryMissing => $"chain {Chain}: entry {Sequence} is missing: rows were deleted",
        AuditBreakReason.CheckpointMismatch => $"chain {Chain}: entry {Sequence} (row id {EntryId}) differs from the exported checkpoint",
        AuditBreakReason.Truncated => $"chain {Chain}: the checkpoint records entry {Sequence}, but the chain now ends before it: rows were deleted from its end",
        _ => throw new ArgumentOutOfRangeException(nameof(Reason), Reason, null),
    };
}

public enum AuditBreakReason
{
    ContentChanged,
    SealInvalid,
    LinkBroken,
    EntryMissing,
    CheckpointMismatch,
    Truncated,
}

public sealed record AuditVerification(int ChainCount, long EntryCount, AuditBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>Walks chains entry by entry and reports the first broken link it finds (chains in order, entries by sequence).</summary>
public static class AuditChainVerifier
{
    /// <param name="chains">Each chain's entries, ordered by sequence.</param>
    /// <param name="checkpoints">Points exported earlier; an empty list checks the chains alone.</param>
    public static AuditVerification Verify(
        IEnumerable<IGrouping<string, StoredAuditEntry>> chains,
        AuditHasher hasher,
        IReadOnlyCollection<AuditCheckpoint> checkpoints)
    {
        var chainCount = 0;
        long entryCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkpointsByChain = checkpoints.ToLookup(c => c.Chain, StringComparer.Ordinal);

        foreach (var chain in chains)
        {
            chainCount++;
            seen.Add(chain.Key);
            var verdict = VerifyChain(chain.Key, chain, hasher, checkpointsByChain[chain.Key].ToList(), ref entryCount);
            if (verdict is not null)
            {
                return new AuditVerification(chainCount, entryCount, verdict);
            }
        }

        // A checkpoint for a chain that has vanished entirely means the whole chain was deleted.
        var vanished = checkpoints.FirstOrDefault(c => !seen.Contains(c.Chain));
        return vanished is null
            ? new AuditVerification(chainCount, entryCount, null)
            : new AuditVerification(chainCount, entryCount, new AuditBreak(vanished.Chain, vanished.Sequence, null, AuditBreakReason.Truncated));
    }

    private static AuditBreak? VerifyChain(
        string chain,
        IEnumerable<StoredAuditEntry> entries,
        AuditHasher hasher,
        List<AuditCheckpoint> checkpoints,
        ref long entryCount)
    {
        var expectedSequence = 1L;
        var previousHash = AuditChains.Genesis;
        var hashes = new Dictionary<long, (string Hash, long Id)>();

        foreach (var entry in entries)
        {
            entryCount++;
            if (entry.Data.Sequence != expectedSequence)
            {
                return entry.Data.Sequence > expectedSequence
                    ? new AuditBreak(chain, expectedSequence, null, AuditBreakReason.EntryMissing)
                    : new AuditBreak(chain, entry.Data.Sequence, entry.Id, AuditBreakReason.LinkBroken);
            }

            if (!string.Equals(entry.Data.Chain, chain, StringComparison.Ordinal) || AuditHasher.Hash(entry.Data) != entry.Hash)
            {
                return new AuditBreak(chain, entry.Data.Sequence, entry.Id, AuditBreakReason.ContentChanged);
            }

            if (entry.Data.PreviousHash != previousHash)
            {
                return new AuditBreak(chain, entry.Data.Sequence, entry.Id, AuditBreakReason.LinkBroken);
            }

            if (!hasher.IsSealValid(entry.Hash, entry.Seal))
            {
                return new AuditBreak(chain, entry.Data.Sequence, entry.Id, AuditBreakReason.SealInvalid);
            }

            hashes[entry.Data.Sequence] = (entry.Hash, entry.Id);
            previousHash = entry.Hash;
            expectedSequence++;
        }

        foreach (var checkpoint in checkpoints.OrderBy(c => c.Sequence))
        {
            if (!hashes.TryGetValue(checkpoint.Sequence, out var stored))
            {
                return new AuditBreak(chain, checkpoint.Sequence, null, AuditBreakReason.Truncated);
            }

            if (!string.Equals(stored.Hash, checkpoint.Hash, StringComparison.OrdinalIgnoreCase))
            {
                return new AuditBreak(chain, checkpoint.Sequence, stored.Id, AuditBreakReason.CheckpointMismatch);
            }
        }

        return null;
    }
}
