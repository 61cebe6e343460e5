using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Scoring;

namespace Rightscope.Tests.Core.Benchmark;

/// <summary>Scores given to indicators (benchmark indicator-level imports) aggregate by the same engine and rules as answers.</summary>
public sealed class GivenScoreTests
{
    private static readonly Rightscope.Core.Methodologies.Methodology Drb = BenchmarkFixtures.Methodology;

    private static AssessmentInput Given(IReadOnlyList<string> services, params GivenScore[] given) =>
        new(new Dictionary<string, string>(), services, [], []) { Given = given };

    private static IEnumerable<double?> Scores(ScoreResult result) =>
        result.Nodes.Where(n => n.Level is "category").Select(n => n.Score).Append(result.Total);

    [Fact]
    public void A_category_is_the_mean_of_its_given_indicators_and_not_applicable_is_left_out()
    {
        var result = ScoringEngine.Score(Drb, Given([],
            new GivenScore("g1-policy-commitment", "company", 80),
            new GivenScore("g2-governance-oversight", "company", 40),
            new GivenScore("g3-internal-implementation", "company", null)));

        Assert.Equal(60, result.Node("governance").Score);
        Assert.Null(result.Node("g3-internal-implementation").Score);
        Assert.Equal(60, result.Total);
        Assert.Contains(result.Derivation, s => s is GivenStep { Node: "g1-policy-commitment", Given: true, Score: 80 });
    }

    [Fact]
    public void A_service_indicator_combines_its_services_and_a_both_indicator_its_company_and_services()
    {
        var result = ScoringEngine.Score(Drb, Given(["Mail", "Chat"],
            new GivenScore("f1-access-to-policies", "Mail", 100),
            new GivenScore("f1-access-to-policies", "Chat", 50),
            new GivenScore("f5-government-content-demands", "company", 0),
            new GivenScore("f5-government-content-demands", "Mail", 60),
            new GivenScore("f5-government-content-demands", "Chat", 90)));

        Assert.Equal(75, result.Node("f1-access-to-policies").Score);
        Assert.Equal(50, result.Node("f5-government-content-demands").Score);
        Assert.Equal(62.5, result.Node("freedom-of-expression").Score);
        Assert.Equal(5, result.Completeness.Answered);
    }

    [Theory]
    [InlineData("g1-expression", "company", 50.0)]
    [InlineData("no-such-node", "company", 50.0)]
    [InlineData("g1-policy-commitment", "Mail", 50.0)]
    [InlineData("f1-access-to-policies", "company", 50.0)]
    [InlineData("g1-policy-commitment", "company", 100.5)]
    [InlineData("g1-policy-commitment", "company", double.NaN)]
    public void A_given_score_for_an_item_an_unknown_node_a_wrong_component_or_out_of_range_is_refused(string node, string component, double score) =>
        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(Drb, Given(["Mail"], new GivenScore(node, component, score))));

    [Fact]
    public void Two_given_scores_for_the_same_node_and_component_are_refused() =>
        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(Drb, Given([],
            new GivenScore("g1-policy-commitment", "company", 10), new GivenScore("g1-policy-commitment", "company", 20))));

    public static class Seeds
    {
        public static Arbitrary<int> Ints() => Arb.From(Gen.Choose(0, int.MaxValue));
    }

    [Property(Arbitrary = [typeof(Seeds)], MaxTest = 60)]
    public Property Indicator_scores_taken_from_yes_no_answers_give_the_same_categories_and_total(int seed)
    {
        var input = BenchmarkFixtures.RandomInput(seed);
        var fromElements = ScoringEngine.Score(Drb, input);
        var given = BenchmarkFixtures.IndicatorScores(fromElements, input.Services);
        var fromIndicators = ScoringEngine.Score(Drb, Given(input.Services, [.. given]));

        return Scores(fromElements).SequenceEqual(Scores(fromIndicators))
            .Label($"{string.Join(",", Scores(fromElements))} vs {string.Join(",", Scores(fromIndicators))}");
    }

    [Property(Arbitrary = [typeof(Seeds)], MaxTest = 60)]
    public Property The_order_of_given_scores_does_not_matter(int seed)
    {
        var input = BenchmarkFixtures.RandomInput(seed, withNotApplicable: true, options: ["yes", "partial", "no", "no-disclosure"]);
        var given = BenchmarkFixtures.IndicatorScores(ScoringEngine.Score(Drb, input), input.Services);
        var shuffled = given.OrderBy(_ => new Random(seed).Next()).Reverse().ToList();
        var a = ScoringEngine.Score(Drb, Given(input.Services, [.. given]));
        var b = ScoringEngine.Score(Drb, Given(input.Services, [.. shuffled]));
        return (Scores(a).SequenceEqual(Scores(b)) && a.Completeness == b.Completeness).ToProperty();
    }

    [Property(Arbitrary = [typeof(Seeds)], MaxTest = 60)]
    public Property Every_score_from_given_scores_lies_within_0_and_100_and_within_its_indicators(int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<string> services = [.. Enumerable.Range(1, random.Next(0, 3)).Select(i => $"S{i}")];
        var given = new List<GivenScore>();
        foreach (var indicator in BenchmarkFixtures.Indicators)
        {
            var level = indicator.ScoringLevel ?? Rightscope.Core.Methodologies.ScoringLevel.Company;
            foreach (var component in BenchmarkFixtures.Components(level, services))
            {
                given.Add(new GivenScore(indicator.Key, component, random.Next(5) == 0 ? null : Math.Round(random.NextDouble() * 100, 2)));
            }
        }

        var result = ScoringEngine.Score(Drb, Given(services, [.. given]));
        var known = given.Where(g => g.Score is not null).Select(g => g.Score!.Value).ToList();
        var scores = result.Nodes.Select(n => n.Score).Append(result.Total).Where(s => s is not null).Select(s => s!.Value).ToList();
        return scores.All(s => s is >= 0 and <= 100 && (known.Count == 0 || (s >= known.Min() - 1e-9 && s <= known.Max() + 1e-9))).ToProperty();
    }

    [Property(Arbitrary = [typeof(Seeds)], MaxTest = 60)]
    public Property A_not_applicable_indicator_scores_like_one_left_out(int seed)
    {
        var input = BenchmarkFixtures.RandomInput(seed);
        var given = BenchmarkFixtures.IndicatorScores(ScoringEngine.Score(Drb, input), input.Services);
        var drop = given[new Random(seed).Next(given.Count)];
        var notApplicable = given.Select(g => g == drop ? g with { Score = null } : g).ToList();
        var leftOut = given.Where(g => g != drop).ToList();
        var a = ScoringEngine.Score(Drb, Given(input.Services, [.. notApplicable]));
        var b = ScoringEngine.Score(Drb, Given(input.Services, [.. leftOut]));
        return Scores(a).SequenceEqual(Scores(b)).ToProperty();
    }
}
