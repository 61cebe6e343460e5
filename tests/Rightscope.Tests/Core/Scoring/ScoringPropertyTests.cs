using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;

namespace Rightscope.Tests.Core.Scoring;

/// <summary>Properties of the engine over random methodologies and answers (<see cref="Scenario"/>).</summary>
public sealed class ScoringPropertyTests
{
    public static class Generators
    {
        public static Arbitrary<Scenario> Scenarios() => Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => new Scenario(seed)));
    }

    private static ScoreResult Score(Scenario scenario, IReadOnlyList<Answer>? answers = null) =>
        ScoringEngine.Score(scenario.Methodology, answers is null ? scenario.Input : scenario.Input with { Answers = answers });

    private static List<(Node Item, string Component)> Slots(Scenario scenario) =>
        [.. RandomMethodology.ItemsWithLevels(scenario.Methodology)
            .SelectMany(pair => RandomMethodology.Components(pair.Level, scenario.Input.Services).Select(c => (pair.Item, c)))];

    private static IEnumerable<double?> AllScores(ScoreResult result) =>
        result.Nodes.SelectMany(n => n.Components.Select(c => c.Score).Prepend(n.Score)).Append(result.Total);

    private static List<Answer> Without(Scenario scenario, string item, string component) =>
        [.. scenario.Input.Answers.Where(a => !(a.Item == item && a.Component == component))];

    private static string Json(ScoreResult result) => JsonSerializer.Serialize(result);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool Every_score_is_within_0_and_100(Scenario scenario) =>
        AllScores(Score(scenario)).All(score => score is null or (>= 0 and <= 100));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property Answering_not_applicable_scores_like_leaving_unanswered(Scenario scenario, PositiveInt pick)
    {
        var slots = Slots(scenario);
        if (slots.Count == 0)
        {
            return true.ToProperty();
        }

        var (item, component) = slots[pick.Get % slots.Count];
        var unanswered = Without(scenario, item.Key, component);
        List<Answer> notApplicable = [.. unanswered, new Answer(item.Key, component, "not-applicable", [])];

        var left = Score(scenario, unanswered);
        var excluded = Score(scenario, notApplicable);

        return AllScores(left).SequenceEqual(AllScores(excluded))
            .Label($"{item.Key}/{component}: {string.Join(",", AllScores(left))} vs {string.Join(",", AllScores(excluded))}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property A_better_answer_never_lowers_any_score_and_a_reversed_one_never_raises_any(Scenario scenario, PositiveInt pick, PositiveInt pickOptions)
    {
        var slots = Slots(scenario);
        if (slots.Count == 0)
        {
            return true.ToProperty();
        }

        var (item, component) = slots[pick.Get % slots.Count];
        var scored = scenario.Methodology.AnswerSets.Single(s => s.Key == item.AnswerSet).Options.Where(o => !o.IsExcluded).ToList();
        var first = scored[pickOptions.Get % scored.Count];
        var second = scored[(pickOptions.Get / scored.Count) % scored.Count];
        var (worse, better) = first.Score <= second.Score ? (first, second) : (second, first);
        var others = Without(scenario, item.Key, component);

        var low = AllScores(Score(scenario, [.. others, new Answer(item.Key, component, worse.Key, [])])).ToList();
        var high = AllScores(Score(scenario, [.. others, new Answer(item.Key, component, better.Key, [])])).ToList();

        var monotone = low.Zip(high).All(pair => (pair.First, pair.Second) switch
        {
            (null, null) => true,
            ({ } a, { } b) => item.Reversed ? b <= a : b >= a,
            _ => false,
        });
        return monotone.Label($"{item.Key}/{component} reversed={item.Reversed} {worse.Key}→{better.Key}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property Fired_floors_always_win(Scenario scenario)
    {
        var result = Score(scenario);
        var floors = result.RedFlags.Select(f => f.Floor).Concat(result.SeverityFloors.Select(f => f.Floor)).ToList();

        var holds = floors.All(floor => result.Tier >= floor)
            && (result.Threshold is null || result.Tier >= result.Threshold.Tier)
            && (result.Tier is null) == (floors.Count == 0 && result.Threshold is null);
        return holds.Label($"tier {result.Tier}, threshold {result.Threshold?.Tier}, floors {string.Join(",", floors)}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property Scoring_is_independent_of_answer_order(Scenario scenario, int shuffleSeed)
    {
        var shuffled = scenario.Input.Answers.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);

        return (Json(Score(scenario)) == Json(Score(scenario, shuffled))).ToProperty();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool Scoring_is_deterministic_even_with_a_fresh_methodology_instance(Scenario scenario)
    {
        var again = new Scenario(scenario.Seed);

        return Json(Score(scenario)) == Json(Score(scenario)) && Json(Score(scenario)) == Json(ScoringEngine.Score(again.Methodology, again.Input));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property The_derivation_replays_every_node_score(Scenario scenario)
    {
        var result = Score(scenario);
        var nodes = result.Nodes.ToDictionary(n => n.Key);
        var replayed = result.Derivation.OfType<NodeStep>().All(step =>
        {
            var used = step.Children.Where(c => c.Score is not null).ToList();
            double? expected = used.Count == 0 ? null : step.Combine switch
            {
                Combine.Mean => used.Average(c => c.Score!.Value),
                Combine.WeightedMean => used.Sum(c => c.Score!.Value * c.Weight) / used.Sum(c => c.Weight),
                Combine.Min => used.Min(c => c.Score!.Value),
                _ => used.Max(c => c.Score!.Value),
            };
            return (expected, step.Score) switch
            {
                (null, null) => true,
                ({ } e, { } s) => Math.Abs(e - s) < 1e-9,
                _ => false,
            };
        });
        var totalStep = result.Derivation.OfType<TotalStep>().Single();
        var totalMatches = totalStep.Score == result.Total
            && totalStep.Nodes.All(term => nodes[term.Key].Score == term.Score);
        return (replayed && totalMatches).ToProperty();
    }
}
