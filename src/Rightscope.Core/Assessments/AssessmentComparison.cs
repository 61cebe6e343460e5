using Rightscope.Core.Scoring;

namespace Rightscope.Core.Assessments;

/// <summary>One side of a comparison: the answers an assessment holds and the engine's result for them.</summary>
public sealed record ComparedSide(IReadOnlyList<Answer> Answers, ScoreResult Result);

/// <summary>An answer that differs: null on one side means the item was unanswered (or absent) there.</summary>
public sealed record AnswerDifference(string Item, string Component, string? Before, string? After);

/// <summary>A node whose score differs; null means excluded (nothing below it scored) or absent on that side.</summary>
public sealed record NodeScoreChange(string Node, double? Before, double? After);

/// <summary>Items present on only one side, for example keys a record is matched on.</summary>
public sealed record SetChange<T>(IReadOnlyList<T> Added, IReadOnlyList<T> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}

/// <summary>
/// What changed between two assessments of the same subject, e.g. a re-assessment and the one it replaces. Evidence
/// and impacts are records with ids of their own, so the caller compares them on the keys it chooses (<see cref="AssessmentComparison.Sets{T}"/>).
/// </summary>
public sealed record AssessmentChanges(
    IReadOnlyList<AnswerDifference> Answers,
    IReadOnlyList<NodeScoreChange> Scores,
    double? TotalBefore,
    double? TotalAfter,
    int? TierBefore,
    int? TierAfter,
    SetChange<string> RedFlags)
{
    public bool TierChanged => TierBefore != TierAfter;

    public bool TotalChanged => !AssessmentComparison.SameScore(TotalBefore, TotalAfter);
}

/// <summary>
/// Compares two assessments answer by answer and score by score. The sides may use different versions of a
/// methodology: nodes and items are matched by key, and one present on only one side shows as added or removed.
/// </summary>
public static class AssessmentComparison
{
    /// <summary>Scores are rounded for display to two decimals; closer than this they are the same.</summary>
    private const double Tolerance = 1e-9;

    public static AssessmentChanges Compare(ComparedSide before, ComparedSide after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var beforeAnswers = Index(before.Answers);
        var afterAnswers = Index(after.Answers);
        var answers = new List<AnswerDifference>();
        foreach (var key in beforeAnswers.Keys.Union(afterAnswers.Keys).Order())
        {
            var was = beforeAnswers.GetValueOrDefault(key);
            var now = afterAnswers.GetValueOrDefault(key);
            if (was != now)
            {
                answers.Add(new AnswerDifference(key.Item, key.Component, was, now));
            }
        }

        var beforeNodes = before.Result.Nodes.ToDictionary(n => n.Key, n => n.Score, StringComparer.Ordinal);
        var scores = new List<NodeScoreChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // After's order first (the structure the reader now works with), then nodes only the old version had.
        foreach (var node in after.Result.Nodes)
        {
            seen.Add(node.Key);
            var had = beforeNodes.TryGetValue(node.Key, out var old);
            if (!had || !SameScore(old, node.Score))
            {
                scores.Add(new NodeScoreChange(node.Key, had ? old : null, node.Score));
            }
        }

        foreach (var node in before.Result.Nodes.Where(n => !seen.Contains(n.Key) && n.Score is not null))
        {
            scores.Add(new NodeScoreChange(node.Key, node.Score, null));
        }

        return new AssessmentChanges(
            answers,
            scores,
            before.Result.Total,
            after.Result.Total,
            before.Result.Tier,
            after.Result.Tier,
            Sets(before.Result.RedFlags.Select(f => f.Key), after.Result.RedFlags.Select(f => f.Key)));
    }

    /// <summary>What is in <paramref name="after"/> but not <paramref name="before"/>, and the reverse, each in sorted order.</summary>
    public static SetChange<T> Sets<T>(IEnumerable<T> before, IEnumerable<T> after)
    {
        var was = before.ToHashSet();
        var now = after.ToHashSet();
        return new SetChange<T>([.. now.Where(x => !was.Contains(x)).Order()], [.. was.Where(x => !now.Contains(x)).Order()]);
    }

    public static bool SameScore(double? a, double? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Math.Abs(x - y) < Tolerance,
            _ => false,
        };

    private static Dictionary<(string Item, string Component), string> Index(IReadOnlyList<Answer> answers)
    {
        var index = new Dictionary<(string, string), string>();
        foreach (var answer in answers)
        {
            if (!index.TryAdd((answer.Item, answer.Component), answer.Option))
            {
                throw new ArgumentException($"item '{answer.Item}' is answered twice for '{answer.Component}'", nameof(answers));
            }
        }

        return index;
    }
}
