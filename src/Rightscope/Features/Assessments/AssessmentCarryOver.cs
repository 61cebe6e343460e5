using Rightscope.Core.Methodologies;

namespace Rightscope.Features.Assessments;

/// <summary>An answer that does not fit the target methodology version: its item is gone, or the option or component is no longer valid.</summary>
public sealed record DroppedAnswer(string Item, string Component, string Option);

/// <summary>The answers that fit a methodology version, and those that do not.</summary>
public sealed record CarriedAnswers(IReadOnlyList<AssessmentAnswer> Kept, IReadOnlyList<DroppedAnswer> Dropped);

/// <summary>
/// What survives when an assessment moves to another version of its methodology — for a re-assessment, and for
/// <c>rightscope rescore</c>. Items are matched by key; nothing is guessed or renamed.
/// </summary>
public static class AssessmentCarryOver
{
    /// <summary>Every (item, component) the version asks for with these services, and the answer set of the item.</summary>
    public static Dictionary<(string Item, string Component), AnswerSet> Slots(Methodology methodology, IReadOnlyList<string> services)
    {
        var slots = new Dictionary<(string, string), AnswerSet>();
        foreach (var section in methodology.Structure)
        {
            foreach (var group in AssessmentStore.Groups(methodology, section, services))
            {
                foreach (var row in group.Items)
                {
                    foreach (var component in row.Components)
                    {
                        slots[(row.Item.Key, component)] = row.AnswerSet;
                    }
                }
            }
        }

        return slots;
    }

    public static CarriedAnswers Answers(Methodology target, IReadOnlyList<string> services, IEnumerable<AssessmentAnswer> answers)
    {
        var slots = Slots(target, services);
        var kept = new List<AssessmentAnswer>();
        var dropped = new List<DroppedAnswer>();
        foreach (var answer in answers.OrderBy(a => a.ItemKey, StringComparer.Ordinal).ThenBy(a => a.Component, StringComparer.Ordinal))
        {
            if (slots.TryGetValue((answer.ItemKey, answer.Component), out var set) && set.Find(answer.OptionKey) is not null)
            {
                kept.Add(answer);
            }
            else
            {
                dropped.Add(new DroppedAnswer(answer.ItemKey, answer.Component, answer.OptionKey));
            }
        }

        return new CarriedAnswers(kept, dropped);
    }

    /// <summary>The subject attributes whose key and value the target version still declares.</summary>
    public static Dictionary<string, string> Attributes(Methodology target, IReadOnlyDictionary<string, string> attributes) =>
        attributes
            .Where(pair => target.Attributes.FirstOrDefault(a => a.Key == pair.Key) is { } attribute && attribute.Options.Any(o => o.Key == pair.Value))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>Item keys of the version, for evidence: evidence of an item the version no longer has is not carried.</summary>
    public static HashSet<string> ItemKeys(Methodology methodology) =>
        methodology.Items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
}
