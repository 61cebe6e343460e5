using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Indicators;

namespace Rightscope.Tests.Core.Indicators;

public sealed class CompositeIndexTests
{
    private const double Precision = 1e-9;

    private static CompositeIndexDefinition Index(IndexNormalization normalization, MissingComponentRule missing, params IndexComponent[] components) =>
        new("test", new BilingualText("Test", "测试"), new BilingualText("Test", "测试"), normalization, components, missing, components.Length, "test");

    private static readonly IndexComponent[] ThreeEqual = [new("a", 1, true), new("b", 1, true), new("c", 1, true)];

    [Fact]
    public void Min_max_with_equal_weights_is_the_mean_of_the_normalized_components()
    {
        var definition = Index(IndexNormalization.MinMax, MissingComponentRule.Exclude, ThreeEqual);
        IndexObservation[] data =
        [
            new("DE", 2024, "a", 10), new("DE", 2024, "b", 0), new("DE", 2024, "c", 5),
            new("FR", 2024, "a", 20), new("FR", 2024, "b", 4), new("FR", 2024, "c", 5),
            new("KE", 2024, "a", 30), new("KE", 2024, "b", 2), new("KE", 2024, "c", 5),
        ];

        var scores = CompositeIndex.Compute(definition, data).ToDictionary(s => s.Country);

        // a: 0, .5, 1; b: 0, 1, .5; c has no spread, so .5 for everyone.
        Assert.Equal((0 + 0 + 0.5) / 3, scores["DE"].Value, Precision);
        Assert.Equal((0.5 + 1 + 0.5) / 3, scores["FR"].Value, Precision);
        Assert.Equal((1 + 0.5 + 0.5) / 3, scores["KE"].Value, Precision);
        Assert.Equal([1, 1, 3], new[] { scores["FR"].Rank, scores["KE"].Rank, scores["DE"].Rank });
    }

    [Fact]
    public void Z_score_then_min_max_puts_the_best_country_at_one_and_the_lowest_at_zero()
    {
        var definition = Index(IndexNormalization.ZScoreMinMax, MissingComponentRule.Exclude, ThreeEqual);
        IndexObservation[] data =
        [
            new("DE", 2024, "a", 0.9), new("DE", 2024, "b", 0.8), new("DE", 2024, "c", 0.95),
            new("FR", 2024, "a", 0.7), new("FR", 2024, "b", 0.85), new("FR", 2024, "c", 0.9),
            new("KE", 2024, "a", 0.4), new("KE", 2024, "b", 0.3), new("KE", 2024, "c", 0.6),
        ];

        var scores = CompositeIndex.Compute(definition, data);

        Assert.Equal("DE", scores[0].Country);
        Assert.Equal(1, scores[0].Value, Precision);
        Assert.Equal("KE", scores[^1].Country);
        Assert.Equal(0, scores[^1].Value, Precision);
        Assert.InRange(scores[1].Value, 0.01, 0.99);
    }

    [Fact]
    public void A_lower_is_better_component_is_reversed()
    {
        var definition = Index(IndexNormalization.MinMax, MissingComponentRule.Exclude, new IndexComponent("price", 1, false));
        var scores = CompositeIndex.Compute(definition, [new("DE", 2024, "price", 2), new("KE", 2024, "price", 9)]).ToDictionary(s => s.Country);

        Assert.Equal(1, scores["DE"].Value, Precision);
        Assert.Equal(0, scores["KE"].Value, Precision);
    }

    [Fact]
    public void Missing_components_exclude_the_country_or_reweight_the_rest_as_declared()
    {
        IndexObservation[] data =
        [
            new("DE", 2024, "a", 10), new("DE", 2024, "b", 10), new("DE", 2024, "c", 10),
            new("FR", 2024, "a", 0), new("FR", 2024, "b", 0), new("FR", 2024, "c", 0),
            new("KE", 2024, "a", 10), new("KE", 2024, "b", 0),
            new("PE", 2024, "a", 10),
        ];

        var excluded = CompositeIndex.Compute(Index(IndexNormalization.MinMax, MissingComponentRule.Exclude, ThreeEqual), data);
        Assert.Equal(["DE", "FR"], excluded.Select(s => s.Country).Order());

        var reweighted = CompositeIndex.Compute(Index(IndexNormalization.MinMax, MissingComponentRule.Reweight, ThreeEqual) with { MinComponents = 2 }, data)
            .ToDictionary(s => s.Country);
        Assert.Equal(["DE", "FR", "KE"], reweighted.Keys.Order());
        Assert.Equal(0.5, reweighted["KE"].Value, Precision);
        Assert.Null(reweighted["KE"].Components[2]);
    }

    [Fact]
    public void Years_are_computed_apart_and_given_weights_count()
    {
        var definition = Index(IndexNormalization.MinMax, MissingComponentRule.Exclude, new("a", 3, true), new("b", 1, true));
        IndexObservation[] data =
        [
            new("DE", 2023, "a", 1), new("DE", 2023, "b", 0), new("FR", 2023, "a", 0), new("FR", 2023, "b", 1),
            new("DE", 2024, "a", 0), new("DE", 2024, "b", 0), new("FR", 2024, "a", 1), new("FR", 2024, "b", 1),
        ];

        var scores = CompositeIndex.Compute(definition, data);

        Assert.Equal(0.75, scores.Single(s => s is { Country: "DE", Year: 2023 }).Value, Precision);
        Assert.Equal(0.25, scores.Single(s => s is { Country: "FR", Year: 2023 }).Value, Precision);
        Assert.Equal(1, scores.Single(s => s is { Country: "FR", Year: 2024 }).Value, Precision);
    }

    public sealed record Case(CompositeIndexDefinition Definition, IReadOnlyList<IndexObservation> Data);

    public static class Generators
    {
        private static readonly string[] Countries = ["AR", "BR", "CN", "DE", "EG", "FR", "IN", "KE", "MX", "PE"];

        public static Arbitrary<Case> Cases() => Arb.From(
            from normalization in Gen.Elements(IndexNormalization.MinMax, IndexNormalization.ZScoreMinMax)
            from missing in Gen.Elements(MissingComponentRule.Exclude, MissingComponentRule.Reweight)
            from count in Gen.Choose(1, 4)
            from weights in Gen.Choose(1, 5).ArrayOf(count)
            from directions in Gen.Elements(true, false).ArrayOf(count)
            from countries in Gen.Choose(1, Countries.Length)
            from values in Gen.Choose(-50, 150).ArrayOf(countries * count)
            from present in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false))).ArrayOf(countries * count)
            select new Case(
                new CompositeIndexDefinition(
                    "p", new BilingualText("P", "P"), new BilingualText("P", "P"), normalization,
                    [.. Enumerable.Range(0, count).Select(i => new IndexComponent($"k{i}", weights[i], directions[i]))],
                    missing, 1, "test"),
                [.. from c in Enumerable.Range(0, countries)
                    from k in Enumerable.Range(0, count)
                    where present[c * count + k]
                    select new IndexObservation(Countries[c], 2024, $"k{k}", values[c * count + k])]));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Every_value_is_between_zero_and_one_and_ranks_follow_values(Case example)
    {
        var scores = CompositeIndex.Compute(example.Definition, example.Data);

        Assert.All(scores, s => Assert.InRange(s.Value, 0, 1));
        foreach (var a in scores)
        {
            foreach (var b in scores)
            {
                Assert.True(a.Value <= b.Value + Precision || a.Rank < b.Rank, $"{a} ranked after {b}");
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Adding_a_constant_to_a_component_changes_nothing(Case example, int shiftSeed)
    {
        var shift = shiftSeed % 1000;
        var shifted = example.Data.Select(o => o.IndicatorKey == "k0" ? o with { Value = o.Value + shift } : o).ToList();

        var before = CompositeIndex.Compute(example.Definition, example.Data);
        var after = CompositeIndex.Compute(example.Definition, shifted);

        Assert.Equal(before.Select(s => (s.Country, s.Rank)), after.Select(s => (s.Country, s.Rank)));
        Assert.Equal(before.Select(s => s.Value), after.Select(s => s.Value), (x, y) => Math.Abs(x - y) < Precision);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void A_country_at_least_as_good_in_every_component_is_never_ranked_below(Case example)
    {
        var scores = CompositeIndex.Compute(example.Definition, example.Data).ToDictionary(s => s.Country);
        var components = example.Definition.Components;
        double? Oriented(string country, int c) =>
            example.Data.FirstOrDefault(o => o.Country == country && o.IndicatorKey == components[c].IndicatorKey) is { IndicatorKey: not null } o
                ? (components[c].HigherIsBetter ? o.Value : -o.Value)
                : null;

        foreach (var a in scores.Values)
        {
            foreach (var b in scores.Values)
            {
                var dominates = Enumerable.Range(0, components.Count).All(c => Oriented(a.Country, c) is { } x && Oriented(b.Country, c) is { } y && x >= y);
                Assert.True(!dominates || a.Value >= b.Value - Precision, $"{a.Country} dominates {b.Country} but scores lower");
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Under_min_max_raising_a_positively_weighted_component_never_lowers_the_country(Case example, int raiseSeed)
    {
        var definition = example.Definition with { Normalization = IndexNormalization.MinMax };
        var raise = 1 + Math.Abs(raiseSeed % 100);
        var target = example.Data.FirstOrDefault(o => o.IndicatorKey == "k0");
        if (target.IndicatorKey is null)
        {
            return;
        }

        var better = definition.Components[0].HigherIsBetter ? raise : -raise;
        var raised = example.Data.Select(o => o == target ? o with { Value = o.Value + better } : o).ToList();

        var before = CompositeIndex.Compute(definition, example.Data).FirstOrDefault(s => s.Country == target.Country);
        var after = CompositeIndex.Compute(definition, raised).FirstOrDefault(s => s.Country == target.Country);

        Assert.Equal(before is null, after is null);
        Assert.True(before is null || after!.Value >= before.Value - Precision, $"{before?.Value} → {after?.Value}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void With_equal_weights_min_max_gives_the_mean_of_the_normalized_components(Case example)
    {
        var definition = example.Definition with
        {
            Normalization = IndexNormalization.MinMax,
            Components = [.. example.Definition.Components.Select(c => c with { Weight = 1 })],
        };

        foreach (var score in CompositeIndex.Compute(definition, example.Data))
        {
            Assert.Equal(score.Components.Where(c => c is not null).Average()!.Value, score.Value, Precision);
        }
    }
}
