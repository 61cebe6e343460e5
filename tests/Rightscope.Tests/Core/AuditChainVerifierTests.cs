using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Audit;

namespace Rightscope.Tests.Core;

public sealed class AuditChainVerifierTests
{
    private const string ChainKey = "0123456789abcdef0123456789abcdef";

    private static readonly AuditHasher Hasher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static readonly AuditHasher OtherHasher = new(Enumerable.Range(50, 32).Select(i => (byte)i).ToArray());

    /// <summary>What a command writes; the chain position and hashes are added by <see cref="Build"/>.</summary>
    public sealed record Content(DateTime OccurredAt, string? ActorId, string Actor, string Action, string? TargetType, string? TargetId, string Summary);

    /// <summary>A generated chain and one position in it (the entry a property tampers with).</summary>
    public sealed record ChainCase(IReadOnlyList<Content> Contents, int Pick, int Field)
    {
        public override string ToString() => $"{Contents.Count} entries, pick {Pick}, field {Field}";
    }

    /// <summary>FsCheck generators for <see cref="ChainCase"/>.</summary>
    public static class Generators
    {
        // Colons, digits and "-1" make any ambiguity in the length-prefixed canonical form show up.
        private static readonly Gen<string> Text =
            Gen.Elements("a", "b", "z", "0", "7", ":", "-1", " ", "é", "审", "计", "😀", "\t", "→")
                .ListOf()
                .Select(parts => string.Concat(parts));

        private static readonly Gen<string?> OptionalText = Gen.OneOf(Gen.Constant<string?>(null), Text.Select(t => (string?)t));

        private static readonly Gen<DateTime> Time =
            Gen.Choose(0, int.MaxValue).Zip(Gen.Elements(DateTimeKind.Utc, DateTimeKind.Unspecified))
                .Select(p => DateTime.SpecifyKind(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(p.Item1 * 10L), p.Item2));

        private static readonly Gen<Content> ContentGen =
            from occurredAt in Time
            from actorId in OptionalText
            from actor in Text
            from action in Text
            from targetType in OptionalText
            from targetId in OptionalText
            from summary in Text
            select new Content(occurredAt, actorId, actor, action, targetType, targetId, summary);

        public static Arbitrary<ChainCase> Chains() => Arb.From(
            from count in Gen.Choose(1, 12)
            from contents in ContentGen.ListOf(count)
            from pick in Gen.Choose(0, count - 1)
            from field in Gen.Choose(0, Fields - 1)
            select new ChainCase(contents.ToList(), pick, field));
    }

    private const int Fields = 9;

    private static List<StoredAuditEntry> Build(IEnumerable<Content> contents, AuditHasher hasher, string chain = ChainKey, long firstId = 100)
    {
        var entries = new List<StoredAuditEntry>();
        var previous = AuditChains.Genesis;
        foreach (var content in contents)
        {
            var data = new AuditEntryData(
                chain, entries.Count + 1, content.OccurredAt, content.ActorId, content.Actor, content.Action,
                content.TargetType, content.TargetId, content.Summary, previous);
            var hash = AuditHasher.Hash(data);
            entries.Add(new StoredAuditEntry(firstId + entries.Count, data, hash, hasher.Seal(hash)));
            previous = hash;
        }

        return entries;
    }

    private static AuditVerification Verify(IEnumerable<StoredAuditEntry> entries, params AuditCheckpoint[] checkpoints) =>
        AuditChainVerifier.Verify([Chain(ChainKey, entries)], Hasher, checkpoints);

    private static IGrouping<string, StoredAuditEntry> Chain(string key, IEnumerable<StoredAuditEntry> entries) =>
        entries.ToList() is { Count: > 0 } list
            ? list.GroupBy(_ => key).Single()
            : throw new ArgumentException("a stored chain has at least one entry", nameof(entries));

    private static string Different(string? value) => (value ?? "") + "x";

    private static AuditEntryData Mutate(AuditEntryData data, int field) => field switch
    {
        0 => data with { OccurredAt = data.OccurredAt.AddTicks(10) },
        1 => data with { ActorId = Different(data.ActorId) },
        2 => data with { Actor = Different(data.Actor) },
        3 => data with { Action = Different(data.Action) },
        4 => data with { TargetType = Different(data.TargetType) },
        5 => data with { TargetId = Different(data.TargetId) },
        6 => data with { Summary = Different(data.Summary) },
        7 => data with { PreviousHash = (data.PreviousHash[0] == 'f' ? "e" : "f") + data.PreviousHash[1..] },
        8 => data with { Chain = Different(data.Chain) },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool Any_generated_chain_is_accepted_with_its_entry_count(ChainCase chain)
    {
        var entries = Build(chain.Contents, Hasher);
        var head = entries[^1];

        var result = Verify(entries, new AuditCheckpoint(ChainKey, head.Data.Sequence, head.Hash));

        return result.IsIntact && result.EntryCount == entries.Count && result.ChainCount == 1;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool Changing_any_field_of_any_entry_is_reported_as_changed_content_at_that_entry(ChainCase chain)
    {
        var entries = Build(chain.Contents, Hasher);
        var target = entries[chain.Pick];
        entries[chain.Pick] = target with { Data = Mutate(target.Data, chain.Field) };

        var result = Verify(entries);

        return result.FirstBreak == new AuditBreak(ChainKey, chain.Pick + 1, target.Id, AuditBreakReason.ContentChanged);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Replacing_the_stored_hash_is_reported_as_changed_content(ChainCase chain)
    {
        var entries = Build(chain.Contents, Hasher);
        var target = entries[chain.Pick];
        var forged = AuditHasher.Hash(target.Data with { Summary = "forged" });
        entries[chain.Pick] = target with { Hash = forged, Seal = Hasher.Seal(forged) };

        return Verify(entries).FirstBreak == new AuditBreak(ChainKey, chain.Pick + 1, target.Id, AuditBreakReason.ContentChanged);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Deleting_an_interior_entry_is_reported_as_missing(ChainCase chain)
    {
        var entries = Build(chain.Contents.Concat(chain.Contents).Concat(chain.Contents).ToList(), Hasher);
        // Any entry but the first and the last (the tail is the truncation case below).
        var index = 1 + (chain.Pick % (entries.Count - 2));
        entries.RemoveAt(index);

        return Verify(entries).FirstBreak == new AuditBreak(ChainKey, index + 1, null, AuditBreakReason.EntryMissing);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Deleting_the_tail_is_detected_only_against_a_checkpoint(ChainCase chain)
    {
        var entries = Build(chain.Contents.Append(chain.Contents[0]), Hasher);
        var head = entries[^1];
        var checkpoint = new AuditCheckpoint(ChainKey, head.Data.Sequence, head.Hash);
        var removed = 1 + (chain.Pick % (entries.Count - 1));
        var truncated = entries.Take(entries.Count - removed).ToList();

        var plain = Verify(truncated);
        var checkedResult = Verify(truncated, checkpoint);

        return plain.IsIntact
            && checkedResult.FirstBreak == new AuditBreak(ChainKey, head.Data.Sequence, null, AuditBreakReason.Truncated);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool A_chain_recomputed_with_another_key_fails_its_seal_at_the_first_entry(ChainCase chain)
    {
        var entries = Build(chain.Contents, OtherHasher);

        return Verify(entries).FirstBreak == new AuditBreak(ChainKey, 1, entries[0].Id, AuditBreakReason.SealInvalid);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Rewriting_from_an_entry_on_without_the_key_fails_the_seal_there(ChainCase chain)
    {
        // Someone with write access edits an entry and recomputes every hash after it, keeping the old seals.
        var entries = Build(chain.Contents, Hasher);
        var edited = chain.Contents.Select((c, i) => i == chain.Pick ? c with { Summary = Different(c.Summary) } : c);
        var rehashed = Build(edited, Hasher)
            .Select((e, i) => e with { Seal = entries[i].Seal })
            .ToList();

        return Verify(rehashed).FirstBreak == new AuditBreak(ChainKey, chain.Pick + 1, rehashed[chain.Pick].Id, AuditBreakReason.SealInvalid);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool A_checkpoint_whose_hash_differs_is_reported_as_mismatch(ChainCase chain)
    {
        var entries = Build(chain.Contents, Hasher);
        var target = entries[chain.Pick];
        var wrong = new AuditCheckpoint(ChainKey, target.Data.Sequence, AuditHasher.Hash(target.Data with { Summary = "other" }));

        return Verify(entries, wrong).FirstBreak == new AuditBreak(ChainKey, target.Data.Sequence, target.Id, AuditBreakReason.CheckpointMismatch);
    }

    [Fact]
    public void Moving_text_between_neighbouring_fields_changes_the_hash()
    {
        var time = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var one = new AuditEntryData(ChainKey, 1, time, null, "ab", "c", null, null, "", AuditChains.Genesis);
        var two = one with { Actor = "a", Action = "bc" };
        var nullVersusEmpty = one with { TargetType = "" };

        Assert.NotEqual(AuditHasher.Hash(one), AuditHasher.Hash(two));
        Assert.NotEqual(AuditHasher.Hash(one), AuditHasher.Hash(nullVersusEmpty));
    }

    [Fact]
    public void A_time_read_back_without_a_kind_hashes_like_the_utc_time_that_was_written()
    {
        // SQLite returns DateTimeKind.Unspecified for what was written as UTC.
        var written = new AuditEntryData(ChainKey, 1, new DateTime(2026, 3, 1, 12, 0, 0, 123, DateTimeKind.Utc).AddTicks(4560), null, "a", "b", null, null, "", AuditChains.Genesis);
        var readBack = written with { OccurredAt = DateTime.SpecifyKind(written.OccurredAt, DateTimeKind.Unspecified) };

        Assert.Equal(AuditHasher.Hash(written), AuditHasher.Hash(readBack));
    }

    [Fact]
    public void A_duplicated_sequence_is_reported_as_a_broken_link()
    {
        var entries = Build(SampleContents(3), Hasher);
        entries.Insert(2, entries[1] with { Id = 999 });

        Assert.Equal(new AuditBreak(ChainKey, 2, 999, AuditBreakReason.LinkBroken), Verify(entries).FirstBreak);
    }

    [Fact]
    public void Deleting_the_first_entry_is_reported_as_missing_entry_one()
    {
        var entries = Build(SampleContents(3), Hasher).Skip(1);

        Assert.Equal(new AuditBreak(ChainKey, 1, null, AuditBreakReason.EntryMissing), Verify(entries).FirstBreak);
    }

    [Fact]
    public void A_checkpoint_for_a_chain_that_vanished_reports_truncation()
    {
        var entries = Build(SampleContents(2), Hasher);
        var gone = new AuditCheckpoint("fedcba9876543210fedcba9876543210", 4, new string('a', 64));

        Assert.Equal(new AuditBreak(gone.Chain, 4, null, AuditBreakReason.Truncated), Verify(entries, gone).FirstBreak);
    }

    [Fact]
    public void A_break_in_a_later_chain_names_that_chain_after_counting_the_intact_ones()
    {
        var intact = Build(SampleContents(3), Hasher, AuditChains.System, firstId: 1);
        var broken = Build(SampleContents(4), Hasher, ChainKey, firstId: 10);
        broken[3] = broken[3] with { Data = broken[3].Data with { Summary = "edited" } };

        var result = AuditChainVerifier.Verify([Chain(AuditChains.System, intact), Chain(ChainKey, broken)], Hasher, []);

        Assert.Equal(2, result.ChainCount);
        Assert.Equal(new AuditBreak(ChainKey, 4, 13, AuditBreakReason.ContentChanged), result.FirstBreak);
    }

    [Fact]
    public void Every_break_description_names_the_chain_and_the_sequence()
    {
        foreach (var reason in Enum.GetValues<AuditBreakReason>())
        {
            var text = new AuditBreak(ChainKey, 17, 4242, reason).Describe();

            Assert.Contains($"chain {ChainKey}", text, StringComparison.Ordinal);
            Assert.Contains("17", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_audit_key_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AuditHasher(new byte[31]));
    }

    private static IEnumerable<Content> SampleContents(int count) =>
        Enumerable.Range(1, count).Select(i => new Content(
            new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(i), null, "cli:root", "member.added", "user", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"entry {i}"));
}
