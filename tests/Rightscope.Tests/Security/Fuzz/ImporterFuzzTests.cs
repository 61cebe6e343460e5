using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Rightscope.Tests.Security.Fuzz;

/// <summary>
/// Fuzzes every reader of user files (holdings, indicators, benchmark results, government requests) on the pure
/// reader: random bytes, a valid file damaged at random, and the fixed corpus of malformed files. Whatever comes in,
/// the reader gives its validation result with every rejection explained (<see cref="ImportInvariants"/>).
/// </summary>
public sealed class ImporterFuzzTests
{
    private const int Tests = 150;

    public static TheoryData<string> Targets => [.. ImportTargets.All.Select(t => t.Name)];

    public static TheoryData<string, string> CorpusForEveryTarget =>
    [
        .. from target in ImportTargets.All
           from file in Directory.GetFiles(ImportTargets.CorpusDirectory).Order(StringComparer.Ordinal)
           select (target.Name, Path.GetFileName(file)),
    ];

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_valid_file_that_the_mutations_start_from_is_accepted(string name)
    {
        var target = ImportTargets.Named(name);

        var outcome = target.Read(Encoding.UTF8.GetBytes(target.ValidCsv));

        Assert.True(outcome.CanWrite, string.Join(", ", outcome.Errors));
        Assert.True(outcome.Rows > 0);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Random_bytes_give_a_validation_result_with_every_rejection_explained(string name)
    {
        var target = ImportTargets.Named(name);
        var header = Encoding.UTF8.GetBytes(target.ValidCsv.Split('\n')[0] + "\n");

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tests), Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var tail = new byte[random.Next(0, 2_000)];
            random.NextBytes(tail);
            // Random bytes alone rarely get past the header; behind a valid header they reach the row checks.
            byte[] bytes = (seed % 3) switch
            {
                0 => tail,
                1 => [.. header, .. tail],
                _ => [0xEF, 0xBB, 0xBF, .. header, .. tail],
            };
            ImportInvariants.AssertHolds(target, bytes, $"random bytes, seed {seed}");
        }));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_damaged_valid_file_gives_a_validation_result_with_every_rejection_explained(string name)
    {
        var target = ImportTargets.Named(name);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tests * 2), Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var (bytes, description) = FileMutations.Mutate(target.ValidCsv, seed);
            ImportInvariants.AssertHolds(target, bytes, description);
        }));
    }

    [Theory]
    [MemberData(nameof(CorpusForEveryTarget))]
    public void A_malformed_file_of_the_corpus_gives_a_validation_result_with_every_rejection_explained(string name, string file)
    {
        var target = ImportTargets.Named(name);
        var bytes = File.ReadAllBytes(Path.Combine(ImportTargets.CorpusDirectory, file));

        ImportInvariants.AssertHolds(target, bytes, file);
        // Only the files that hold valid data in a surprising form may be accepted, by their own reader.
        Assert.False(target.Read(bytes).CanWrite && !file.StartsWith(name + "-valid-", StringComparison.Ordinal), $"{name} accepted {file}");
    }

    /// <summary>Damaged files the fuzzing found that once made a reader throw; kept so they stay fixed.</summary>
    [Theory]
    [InlineData("holdings", 195835086)]
    public void A_damaged_file_that_once_broke_a_reader_is_explained(string name, int seed)
    {
        var target = ImportTargets.Named(name);
        var (bytes, description) = FileMutations.Mutate(target.ValidCsv, seed);
        ImportInvariants.AssertHolds(target, bytes, description);
    }
}
