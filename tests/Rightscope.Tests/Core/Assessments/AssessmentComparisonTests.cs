using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Assessments;
using Rightscope.Core.Scoring;
using Rightscope.Tests.Core.Scoring;

namespace Rightscope.Tests.Core.Assessments;

/// <summary>The re-assessment diff over random methodologies and answers.</summary>
public sealed class AssessmentComparisonTests
{
    private static ComparedSide Side(Scenario scenario, IReadOnlyList<Answer> answers) =>
        new(answers, ScoringEngine.Score(scenario.Methodology, scenario.Input with { Answers = answers }));

    [Property(Arbitrary = [typeof(ScoringPropertyTests.Generators)], MaxTest = 200)]
    public bool An_assessment_compared_with_itself_has_no_changes(Scenario scenario)
    {
        var side = Side(scenario, scenario.Input.Answers);
        var changes = AssessmentComparison.Compare(side, side);
        return changes.Answers.Count == 0 && changes.Scores.Count == 0 && !changes.TierChanged && !changes.TotalChanged && changes.RedFlags.IsEmpty;
    }

    [Property(Arbitrary = [typeof(ScoringPropertyTests.Generators)], MaxTest = 200)]
    public Property Dropping_answers_reports_exactly_those_answers_as_cleared(Scenario scenario, PositiveInt every)
    {
        var step = every.Get % 4 + 2;
        var kept = scenario.Input.Answers.Where((_, i) => i % step != 0).ToList();
        var dropped = scenario.Input.Answers.Where((_, i) => i % step == 0).ToList();

        var changes = AssessmentComparison.Compare(Side(scenario, scenario.Input.Answers), Side(scenario, kept));

        var expected = dropped.Select(a => (a.Item, a.Component, (string?)a.Option, (string?)null)).Order().ToList();
        var actual = changes.Answers.Select(c => (c.Item, c.Component, c.Before, c.After)).ToList();
        return expected.SequenceEqual(actual).Label($"expected {expected.Count} cleared, got {actual.Count}");
    }

    [Property(Arbitrary = [typeof(ScoringPropertyTests.Generators)], MaxTest = 200)]
    public Property Swapping_the_sides_mirrors_every_change(Scenario scenario, PositiveInt every)
    {
        var kept = scenario.Input.Answers.Where((_, i) => i % (every.Get % 3 + 2) != 0).ToList();
        var forward = AssessmentComparison.Compare(Side(scenario, scenario.Input.Answers), Side(scenario, kept));
        var backward = AssessmentComparison.Compare(Side(scenario, kept), Side(scenario, scenario.Input.Answers));

        var answersMirror = forward.Answers.Select(c => (c.Item, c.Component, c.Before, c.After))
            .SequenceEqual(backward.Answers.Select(c => (c.Item, c.Component, c.After, c.Before)));
        var scoresMirror = forward.Scores.Select(s => (s.Node, s.Before, s.After)).Order()
            .SequenceEqual(backward.Scores.Select(s => (s.Node, s.After, s.Before)).Order());
        var flagsMirror = forward.RedFlags.Added.SequenceEqual(backward.RedFlags.Removed) && forward.RedFlags.Removed.SequenceEqual(backward.RedFlags.Added);
        return (answersMirror && scoresMirror && flagsMirror
            && forward.TierBefore == backward.TierAfter && forward.TotalBefore == backward.TotalAfter).ToProperty();
    }

    [Fact]
    public void A_changed_answer_is_reported_with_both_options_and_the_scores_it_moved()
    {
        var methodology = Build.Methodology([Build.Section("s", Build.Item("q1"), Build.Item("q2"))]);
        var before = new List<Answer> { new("q1", AssessmentInput.Company, "yes", []), new("q2", AssessmentInput.Company, "yes", []) };
        var after = new List<Answer> { new("q1", AssessmentInput.Company, "no", []), new("q2", AssessmentInput.Company, "yes", []) };
        ComparedSide Side(List<Answer> answers) =>
            new(answers, ScoringEngine.Score(methodology, new AssessmentInput(new Dictionary<string, string>(), [], answers, [])));

        var changes = AssessmentComparison.Compare(Side(before), Side(after));

        var change = Assert.Single(changes.Answers);
        Assert.Equal(new AnswerDifference("q1", AssessmentInput.Company, "yes", "no"), change);
        Assert.Contains(changes.Scores, s => s.Node == "s" && s.Before == 100 && s.After == 50);
        Assert.Equal(100, changes.TotalBefore);
        Assert.Equal(50, changes.TotalAfter);
        Assert.True(changes.TotalChanged);
    }

    [Fact]
    public void Set_changes_list_what_was_added_and_removed_in_order()
    {
        var changes = AssessmentComparison.Sets(["b", "a", "c"], ["d", "c", "a"]);
        Assert.Equal(["d"], changes.Added);
        Assert.Equal(["b"], changes.Removed);
        Assert.True(AssessmentComparison.Sets(["x"], ["x"]).IsEmpty);
    }
}
