using FsCheck;
using FsCheck.Xunit;
using Rightscope.Core.Engagements;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;
using static Rightscope.Tests.Core.Scoring.Build;

namespace Rightscope.Tests.Core.Engagements;

public sealed class AssessmentGapsTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static readonly string[] Options = ["yes", "partial", "no", "no-disclosure", "not-applicable"];

    private static readonly Methodology Sample = Methodology(
    [
        Section("governance", Item("policy"), Item("training"), Item("hidden-access", reversed: true)),
        Section("remedy", Inner("grievance", "subsection", [Item("channel"), Item("outcomes")])),
    ]);

    [Fact]
    public void Only_answers_no_partial_and_no_disclosure_are_gaps_in_file_order_with_their_section()
    {
        var gaps = AssessmentGaps.Find(Sample,
        [
            ("outcomes", "company", "no-disclosure"),
            ("policy", "company", "yes"),
            ("training", "company", "partial"),
            ("channel", "company", "not-applicable"),
            ("hidden-access", "company", "no"),
        ]);

        Assert.Equal(["training", "outcomes"], gaps.Select(g => g.Item.Key));
        Assert.Equal(["governance", "remedy"], gaps.Select(g => g.Section.Key));
        Assert.Equal(["partial", "no-disclosure"], gaps.Select(g => g.Option.Key));
        Assert.Equal("training", gaps[0].Key);
    }

    [Fact]
    public void On_a_reversed_question_yes_is_the_gap_and_no_is_not()
    {
        Assert.Equal(["hidden-access"], AssessmentGaps.Find(Sample, [("hidden-access", "company", "yes")]).Select(g => g.Item.Key));
        Assert.Empty(AssessmentGaps.Find(Sample, [("hidden-access", "company", "no")]));
    }

    [Fact]
    public void A_service_answer_is_keyed_with_its_component_and_unknown_items_or_options_are_ignored()
    {
        var gaps = AssessmentGaps.Find(Sample,
        [
            ("policy", "messenger", "no"),
            ("policy", "company", "no"),
            ("gone", "company", "no"),
            ("training", "company", "maybe"),
        ]);
        Assert.Equal(["policy", "policy:messenger"], gaps.Select(g => g.Key));
    }

    [Property(MaxTest = 300)]
    public bool Every_gap_is_an_answer_given_and_no_yes_or_not_applicable_on_a_plain_question_is_one(PositiveInt[] picks)
    {
        var items = new[] { "policy", "training", "channel", "outcomes" };
        var answers = picks.Select((p, i) => (items[i % items.Length], "company", Options[p.Get % Options.Length])).DistinctBy(a => a.Item1).ToList();
        var gaps = AssessmentGaps.Find(Sample, answers);
        var expected = answers.Where(a => a.Item3 is "no" or "partial" or "no-disclosure").Select(a => a.Item1).ToHashSet();
        return gaps.Select(g => g.Item.Key).ToHashSet().SetEquals(expected) && gaps.Count == expected.Count;
    }

    [Fact]
    public void In_the_shipped_investor_methodology_silence_on_a_reversed_question_is_a_gap()
    {
        var catalog = CatalogLoader.LoadDirectory(Path.Combine(RepositoryRoot, "catalog")).Value!;
        var methodology = catalog.Find("surveillance-investor")!;
        var reversed = methodology.Items.First(i => i.Reversed);
        var plain = methodology.Items.First(i => !i.Reversed);

        var gaps = AssessmentGaps.Find(methodology,
        [
            (reversed.Key, "company", "no-disclosure"),
            (plain.Key, "company", "no-disclosure"),
        ]);
        Assert.Equal(2, gaps.Count);
        Assert.Empty(AssessmentGaps.Find(methodology, [(reversed.Key, "company", "no"), (plain.Key, "company", "yes")]));
    }
}
