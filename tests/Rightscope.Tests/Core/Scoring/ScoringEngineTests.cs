using System.Text.Json;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using static Rightscope.Tests.Core.Scoring.Build;

namespace Rightscope.Tests.Core.Scoring;

public sealed class ScoringEngineTests
{
    private static Methodology ThreeItems(Combine section, params Node[] items) =>
        Methodology([Section("s", items)], section: section);

    [Fact]
    public void Mean_ignores_weights()
    {
        var methodology = ThreeItems(Combine.Mean, Item("a", weight: 3), Item("b"), Item("c"));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("b", "partial"), Answer("c", "no")));

        Assert.Equal(50, result.Node("s").Score);
        Assert.Equal(50, result.Total);
    }

    [Fact]
    public void Weighted_mean_uses_each_child_weight()
    {
        var methodology = ThreeItems(Combine.WeightedMean, Item("a", weight: 3), Item("b"));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("b", "no")));

        Assert.Equal(75, result.Node("s").Score);
    }

    [Theory]
    [InlineData(Combine.Min, 0)]
    [InlineData(Combine.Max, 100)]
    public void Min_and_max_take_the_lowest_and_highest_child(Combine combine, double expected)
    {
        var methodology = ThreeItems(combine, Item("a"), Item("b"), Item("c"));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("b", "partial"), Answer("c", "no")));

        Assert.Equal(expected, result.Node("s").Score);
    }

    [Fact]
    public void A_node_combine_overrides_its_level()
    {
        var methodology = Methodology([Inner("s", "section", [Item("a"), Item("b")], combine: Combine.Min)], section: Combine.Mean);

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("b", "partial")));

        Assert.Equal(50, result.Node("s").Score);
        var step = Assert.Single(result.Derivation.OfType<NodeStep>());
        Assert.Equal(Combine.Min, step.Combine);
        Assert.False(step.CombineFromLevel);
    }

    [Fact]
    public void A_reversed_item_scores_100_minus_the_option_score()
    {
        var methodology = ThreeItems(Combine.Mean, Item("a", reversed: true), Item("b", reversed: true));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes", evidence: "ev-1"), Answer("b", "partial")));

        Assert.Equal(0, result.Node("a").Score);
        Assert.Equal(50, result.Node("b").Score);
        var step = result.Derivation.OfType<ItemStep>().Single(s => s.Item == "a");
        Assert.Equal(new ItemStep("a", "company", ItemStatus.Scored, "yes", 100, true, 1, 0, step.EvidenceIds), step);
        Assert.Equal(["ev-1"], step.EvidenceIds);
    }

    [Fact]
    public void Not_applicable_leaves_the_item_out_and_out_of_completeness()
    {
        var methodology = ThreeItems(Combine.Mean, Item("a"), Item("b"));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("b", "not-applicable")));

        Assert.Equal(100, result.Node("s").Score);
        Assert.True(result.Node("b").IsExcluded);
        Assert.Equal(new Completeness(1, 1), result.Completeness);
        Assert.Equal(ItemStatus.NotApplicable, result.Derivation.OfType<ItemStep>().Single(s => s.Item == "b").Status);
        Assert.Equal([new Term("a", 100, 1), new Term("b", null, 1)], result.Derivation.OfType<NodeStep>().Single().Children);
    }

    [Fact]
    public void An_unanswered_item_is_left_out_and_counts_against_completeness()
    {
        var methodology = ThreeItems(Combine.Mean, Item("a"), Item("b"));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "partial")));

        Assert.Equal(50, result.Node("s").Score);
        Assert.Equal(new Completeness(1, 2), result.Completeness);
        Assert.Equal(0.5, result.Completeness.Ratio);
        Assert.Equal((1, 2), (result.Node("s").Answered, result.Node("s").Expected));
    }

    [Fact]
    public void A_node_with_no_scored_child_is_excluded_and_left_out_of_the_total()
    {
        var methodology = Methodology(
            [Inner("s1", "section", [Item("a")], weight: 3), Inner("s2", "section", [Item("b"), Item("c")])]);

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "partial"), Answer("b", "not-applicable")));

        Assert.True(result.Node("s2").IsExcluded);
        Assert.Equal(50, result.Total);
        var total = Assert.Single(result.Derivation.OfType<TotalStep>());
        Assert.Equal([new Term("s1", 50, 3), new Term("s2", null, 1)], total.Nodes);
    }

    [Fact]
    public void Nothing_answered_gives_no_total_no_tier_and_no_decision()
    {
        var methodology = Methodology([Section("s", Item("a"))], tiers: Tiers());

        var result = ScoringEngine.Score(methodology, Input());

        Assert.Null(result.Total);
        Assert.Null(result.Tier);
        Assert.Null(result.Decision);
        Assert.Equal(0, result.Completeness.Ratio);
    }

    [Fact]
    public void The_total_may_be_taken_over_a_lower_level_skipping_sections()
    {
        var methodology = Methodology(
            [Inner("s1", "section", [Item("a"), Item("b")], weight: 5), Inner("s2", "section", [Item("c")])],
            over: "question", total: Combine.Mean);

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("b", "yes"), Answer("c", "no")));

        Assert.Equal(200.0 / 3, result.Total);
    }

    [Fact]
    public void Sub_sections_combine_with_their_own_level_rule()
    {
        var methodology = Methodology(
            [Section("s", Inner("sub", "subsection", [Item("a"), Item("b")]), Item("c"))],
            section: Combine.Min, subsection: Combine.Max);

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "no"), Answer("b", "yes"), Answer("c", "partial")));

        Assert.Equal(100, result.Node("sub").Score);
        Assert.Equal(50, result.Node("s").Score);
    }

    [Fact]
    public void A_service_level_node_scores_each_service_then_combines_the_components()
    {
        var methodology = Methodology(
            [Section("s", Inner("ind", "subsection", [Item("a"), Item("b")], scoring: ScoringLevel.Service))],
            components: new ComponentRule(Combine.Mean));
        var input = Input(
            [Answer("a", "yes", "mail"), Answer("b", "yes", "mail"), Answer("a", "no", "search"), Answer("b", "partial", "search")],
            services: ["mail", "search"]);

        var result = ScoringEngine.Score(methodology, input);

        var indicator = result.Node("ind");
        Assert.Equal([new ComponentScore("mail", 100), new ComponentScore("search", 25)], indicator.Components);
        Assert.Equal(62.5, indicator.Score);
        Assert.Equal(62.5, result.Total);
        Assert.Equal((4, 4), (indicator.Answered, indicator.Expected));
        var step = result.Derivation.OfType<ComponentsStep>().Single(s => s.Node == "ind");
        Assert.True(step.Declared);
        Assert.Equal(ScoringLevel.Service, step.ScoringLevel);
    }

    [Fact]
    public void A_both_level_node_scores_the_company_and_each_service_with_the_component_rule()
    {
        var methodology = Methodology(
            [Section("s", Inner("ind", "subsection", [Item("a")], scoring: ScoringLevel.Both))],
            components: new ComponentRule(Combine.Min));
        var input = Input([Answer("a", "yes"), Answer("a", "partial", "mail")], services: ["mail", "search"]);

        var result = ScoringEngine.Score(methodology, input);

        Assert.Equal(
            [new ComponentScore("company", 100), new ComponentScore("mail", 50), new ComponentScore("search", null)],
            result.Node("ind").Components);
        Assert.Equal(50, result.Node("ind").Score);
        Assert.Equal((2, 3), (result.Node("ind").Answered, result.Node("ind").Expected));
    }

    [Fact]
    public void A_nested_scoring_level_restarts_and_its_combined_score_feeds_each_parent_component()
    {
        var methodology = Methodology(
            [Section("s", Inner("ind", "subsection", [Item("a"), Item("b", scoring: ScoringLevel.Company)], scoring: ScoringLevel.Service))],
            components: new ComponentRule(Combine.Mean));
        var input = Input([Answer("a", "yes", "mail"), Answer("a", "no", "search"), Answer("b", "partial")], services: ["mail", "search"]);

        var result = ScoringEngine.Score(methodology, input);

        Assert.Equal([new ComponentScore("company", 50)], result.Node("b").Components);
        Assert.Equal([new ComponentScore("mail", 75), new ComponentScore("search", 25)], result.Node("ind").Components);
        Assert.Equal(50, result.Node("ind").Score);
    }

    [Fact]
    public void A_service_level_node_without_services_is_excluded()
    {
        var methodology = Methodology(
            [Section("s", Inner("ind", "subsection", [Item("a")], scoring: ScoringLevel.Service), Item("b"))],
            components: new ComponentRule(Combine.Mean));

        var result = ScoringEngine.Score(methodology, Input(Answer("b", "partial")));

        Assert.True(result.Node("ind").IsExcluded);
        Assert.Equal(50, result.Total);
        Assert.Equal(new Completeness(1, 1), result.Completeness);
    }

    [Fact]
    public void A_service_answer_to_a_company_item_is_refused()
    {
        var methodology = Methodology([Section("s", Item("a"))]);

        var error = Assert.Throws<ArgumentException>(() =>
            ScoringEngine.Score(methodology, Input([Answer("a", "yes", "mail")], services: ["mail"])));

        Assert.Contains("'mail'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "yes", "company", "'missing'")]
    [InlineData("a", "maybe", "company", "'maybe'")]
    [InlineData("a", "yes", "chat", "'chat'")]
    public void Unknown_items_options_and_components_are_refused_by_name(string item, string option, string component, string named)
    {
        var methodology = Methodology([Section("s", Item("a"))]);

        var error = Assert.Throws<ArgumentException>(() => ScoringEngine.Score(methodology, Input(Answer(item, option, component))));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answering_an_item_twice_for_one_component_is_refused()
    {
        var methodology = Methodology([Section("s", Item("a"))]);

        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("a", "no"))));
    }

    [Theory]
    [InlineData("1", 2)] // exposure type 1: tier 1 from 80, tier 2 from 55
    [InlineData("2", 1)] // others: tier 1 from 70
    [InlineData(null, 1)]
    public void Thresholds_may_depend_on_a_subject_attribute(string? exposure, int tier)
    {
        var methodology = Methodology([Section("s", Item("a"), Item("b"))], tiers: Tiers());

        var result = ScoringEngine.Score(methodology, Input([Answer("a", "yes"), Answer("b", "partial")], exposure)); // 75

        Assert.Equal(tier, result.Tier);
        Assert.Equal(exposure == "1" ? 0 : 1, result.Threshold!.Index);
    }

    [Theory]
    [InlineData("yes", "yes", 1)]
    [InlineData("yes", "no", 2)]
    [InlineData("no", "no", 3)]
    public void The_total_meets_the_first_threshold_and_the_decision_follows_the_tier(string a, string b, int tier)
    {
        var methodology = Methodology([Section("s", Item("a"), Item("b"))], tiers: Tiers());

        var result = ScoringEngine.Score(methodology, Input(Answer("a", a), Answer("b", b)));

        Assert.Equal(tier, result.Tier);
        Assert.Equal(Decisions[tier - 1], result.Decision);
        Assert.Equal(new DecisionStep(tier, Decisions[tier - 1].Decision), result.Derivation[^1]);
    }

    [Fact]
    public void A_red_flag_floors_the_tier_even_with_a_perfect_total()
    {
        var methodology = Methodology(
            [Section("s", Item("a"), Item("controls"))],
            tiers: Tiers([Flag("no-controls", 3, new AnswerIn("controls", ["no", "no-disclosure"]))]));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "yes"), Answer("controls", "no-disclosure")));

        Assert.Equal(50, result.Total);
        Assert.Equal(3, result.Tier);
        Assert.Equal("no-controls", Assert.Single(result.RedFlags).Key);
        Assert.Equal("seed-001", result.RedFlags[0].Source);
        Assert.Equal(new TierStep(2, 3, 3), result.Derivation.OfType<TierStep>().Single());
        Assert.Equal(Decision.Exclude, result.Decision!.Decision);
    }

    [Fact]
    public void A_red_flag_never_makes_the_tier_better()
    {
        var methodology = Methodology([Section("s", Item("a"))], tiers: Tiers([Flag("soft", 2, new TotalBelow(30))]));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "no")));

        Assert.Equal(3, result.Tier);
        Assert.Single(result.RedFlags);
    }

    [Fact]
    public void A_red_flag_applies_without_a_total()
    {
        var methodology = Methodology(
            [Section("s", Item("a"))],
            tiers: Tiers([Flag("exposed", 2, new AttributeIn("exposure-type", ["1"])), Flag("never", 3, new TotalBelow(101))]));

        var flagged = ScoringEngine.Score(methodology, Input([], exposure: "1"));
        var clean = ScoringEngine.Score(methodology, Input([], exposure: "2"));

        Assert.Equal(2, flagged.Tier);
        Assert.Equal(Decision.Engage, flagged.Decision!.Decision);
        Assert.Null(clean.Tier);
    }

    [Fact]
    public void Node_below_is_false_for_an_excluded_node_and_true_below_the_value()
    {
        var methodology = Methodology(
            [Section("s1", Item("a")), Section("s2", Item("b"))],
            tiers: Tiers([Flag("s1-low", 3, new NodeBelow("s1", 40)), Flag("s2-low", 3, new NodeBelow("s2", 40))]));

        var result = ScoringEngine.Score(methodology, Input(Answer("a", "no"), Answer("b", "not-applicable")));

        Assert.Equal(["s1-low"], result.RedFlags.Select(f => f.Key));
    }

    [Fact]
    public void Answer_in_holds_for_any_component_and_conditions_compose()
    {
        var methodology = Methodology(
            [Section("s", Inner("ind", "subsection", [Item("a")], scoring: ScoringLevel.Both), Item("b"))],
            components: new ComponentRule(Combine.Mean),
            tiers: Tiers(
            [
                Flag("any-no", 3, new AnswerIn("a", ["no"])),
                Flag("all", 2, new AllOf([new AnswerIn("a", ["yes"]), new NotCondition(new AnswerIn("b", ["no"]))])),
                Flag("any", 2, new AnyOf([new TotalBelow(0), new AttributeIn("exposure-type", ["3"])])),
            ]));
        var input = Input([Answer("a", "yes"), Answer("a", "no", "mail"), Answer("b", "yes")], services: ["mail"]);

        var result = ScoringEngine.Score(methodology, input);

        Assert.Equal(["any-no", "all"], result.RedFlags.Select(f => f.Key));
        Assert.Equal([true, true, false], result.Derivation.OfType<RedFlagStep>().Select(s => s.Fired));
    }

    [Fact]
    public void Severity_floors_match_impacts_by_severity_and_irremediability()
    {
        var methodology = Methodology(
            [Section("s", Item("a"))],
            tiers: Tiers(severityFloors: [new SeverityFloor(4, false, 2), new SeverityFloor(5, true, 3)]),
            impacts: new ImpactModel(SeverityFormula.Max, 4, 4, true));

        var severe = ScoringEngine.Score(methodology, Input([Answer("a", "yes")], impacts: [Impact("i1", 5, 2, 2), Impact("i2", 1, 1, 1)]));
        var irremediable = ScoringEngine.Score(methodology, Input([Answer("a", "yes")], impacts: [Impact("i1", 5, 2, 4)]));

        Assert.Equal(2, severe.Tier);
        Assert.Equal(["i1"], Assert.Single(severe.SeverityFloors).ImpactIds);
        Assert.Equal(3, irremediable.Tier);
        Assert.Equal(2, irremediable.SeverityFloors.Count);
    }

    [Fact]
    public void Without_tiers_there_is_no_tier_even_with_a_total()
    {
        var result = ScoringEngine.Score(Methodology([Section("s", Item("a"))]), Input(Answer("a", "yes")));

        Assert.Equal(100, result.Total);
        Assert.Null(result.Tier);
        Assert.Null(result.Decision);
    }

    [Fact]
    public void The_derivation_is_data_that_round_trips_through_json()
    {
        var methodology = Methodology(
            [Section("s", Inner("ind", "subsection", [Item("a")], scoring: ScoringLevel.Both), Item("b"))],
            components: new ComponentRule(Combine.Mean),
            tiers: Tiers([Flag("low", 3, new TotalBelow(10))], [new SeverityFloor(4, false, 2)]));
        var input = Input([Answer("a", "yes", evidence: "e1"), Answer("a", "no", "mail"), Answer("b", "partial")], services: ["mail"], impacts: [Impact("i", 4, 1, 1)]);
        var result = ScoringEngine.Score(methodology, input);

        var json = JsonSerializer.Serialize(result.Derivation);
        var back = JsonSerializer.Deserialize<List<DerivationStep>>(json)!;

        Assert.Contains("\"step\":\"item\"", json, StringComparison.Ordinal);
        Assert.Equal(result.Derivation.Count, back.Count);
        Assert.Equal(
            result.Derivation.Select(s => s.GetType()),
            back.Select(s => s.GetType()));
        Assert.Equal(json, JsonSerializer.Serialize<IReadOnlyList<DerivationStep>>(back));
    }

    [Fact]
    public void Every_item_component_and_node_has_a_step_before_its_parent()
    {
        var methodology = Methodology(
            [Section("s", Inner("ind", "subsection", [Item("a"), Item("b")], scoring: ScoringLevel.Both))],
            components: new ComponentRule(Combine.Mean), tiers: Tiers());
        var input = Input([Answer("a", "yes"), Answer("b", "no", "mail")], services: ["mail"]);

        var result = ScoringEngine.Score(methodology, input);

        var names = result.Derivation.Select(s => s switch
        {
            ItemStep item => $"item {item.Item}/{item.Component}",
            NodeStep node => $"node {node.Node}/{node.Component}",
            ComponentsStep components => $"components {components.Node}",
            TotalStep => "total",
            ThresholdStep => "threshold",
            TierStep => "tier",
            DecisionStep => "decision",
            _ => s.GetType().Name,
        });
        Assert.Equal(
            [
                "item a/company", "item a/mail", "components a", "item b/company", "item b/mail", "components b",
                "node ind/company", "node ind/mail", "components ind", "node s/company", "total", "threshold", "threshold", "tier", "decision",
            ],
            names);
    }
}
