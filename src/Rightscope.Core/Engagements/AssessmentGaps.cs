using Rightscope.Core.Methodologies;

namespace Rightscope.Core.Engagements;

/// <summary>One answer of an approved assessment that falls short of good practice: a candidate engagement objective.</summary>
/// <param name="Section">The top-level node (section) the question belongs to.</param>
public sealed record AssessmentGap(Node Item, Node Section, string Component, AnswerOption Option)
{
    /// <summary>Identifies the gap in a form or request: the item key, with the component when it is not the company.</summary>
    public string Key => Component == CompanyComponent ? Item.Key : $"{Item.Key}:{Component}";

    public const string CompanyComponent = "company";
}

/// <summary>
/// Finds the gaps of an assessment for an engagement: the questions answered no, partial or no disclosure found.
/// A gap is an answered, scored question whose score after reversal is below the best, so on a reversed question
/// (where "yes" is the harmful practice) a "no" is not a gap and a "yes" is. Not applicable is never a gap.
/// </summary>
public static class AssessmentGaps
{
    public static IReadOnlyList<AssessmentGap> Find(Methodology methodology, IEnumerable<(string ItemKey, string Component, string OptionKey)> answers)
    {
        var items = new Dictionary<string, (Node Item, Node Section)>(StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in methodology.Structure)
        {
            foreach (var item in section.DescendantsAndSelf().Where(n => n.IsItem))
            {
                items.TryAdd(item.Key, (item, section));
                order.TryAdd(item.Key, order.Count);
            }
        }

        var gaps = new List<AssessmentGap>();
        foreach (var (itemKey, component, optionKey) in answers)
        {
            if (!items.TryGetValue(itemKey, out var found) || found.Item.AnswerSet is not { } setKey)
            {
                continue;
            }

            var set = methodology.AnswerSets.FirstOrDefault(s => s.Key == setKey);
            var option = set?.Find(optionKey);
            if (set is null || option?.Score is not { } score)
            {
                continue;
            }

            var best = set.Options.Where(o => o.Score is not null).Select(o => Effective(found.Item, o.Score!.Value)).Max();
            if (Effective(found.Item, score) < best)
            {
                gaps.Add(new AssessmentGap(found.Item, found.Section, component, option));
            }
        }

        return [.. gaps.OrderBy(g => order[g.Item.Key]).ThenBy(g => g.Component == AssessmentGap.CompanyComponent ? "" : g.Component, StringComparer.Ordinal)];
    }

    private static double Effective(Node item, double score) => item.Reversed ? 100 - score : score;
}
