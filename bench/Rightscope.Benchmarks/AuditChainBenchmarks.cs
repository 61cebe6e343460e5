using BenchmarkDotNet.Attributes;
using Rightscope.Core.Audit;

namespace Rightscope.Benchmarks;

/// <summary>Cost of hashing, sealing and verifying audit entries (every state change writes one).</summary>
[MemoryDiagnoser]
public class AuditChainBenchmarks
{
    private readonly AuditHasher _hasher = new(new byte[32]);
    private List<StoredAuditEntry> _chain = [];

    [Params(10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _chain = new List<StoredAuditEntry>(Entries);
        var previous = AuditChains.Genesis;
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= Entries; i++)
        {
            var data = new AuditEntryData("org", i, start.AddSeconds(i), "actor", "analyst@example.org", "assessment.updated", "assessment", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "answer q3: no → partial", previous);
            var hash = AuditHasher.Hash(data);
            _chain.Add(new StoredAuditEntry(i, data, hash, _hasher.Seal(hash)));
            previous = hash;
        }
    }

    [Benchmark]
    public string HashAndSealOne()
    {
        var hash = AuditHasher.Hash(_chain[0].Data);
        return _hasher.Seal(hash);
    }

    [Benchmark]
    public bool VerifyChain() =>
        AuditChainVerifier.Verify(_chain.GroupBy(e => e.Data.Chain), _hasher, []).IsIntact;
}
