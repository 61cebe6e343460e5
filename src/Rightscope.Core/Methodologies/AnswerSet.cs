namespace Rightscope.Core.Methodologies;

/// <summary>The answer options of an item, e.g. yes / partial / no / no disclosure / not applicable.</summary>
public sealed record AnswerSet(string Key, IReadOnlyList<AnswerOption> Options)
{
    public AnswerOption? Find(string optionKey) => Options.FirstOrDefault(o => o.Key == optionKey);
}

/// <summary>An answer option; <see cref="Score"/> is 0–100, or null when the option excludes the item (not applicable).</summary>
public sealed record AnswerOption(string Key, LocalizedText Title, double? Score)
{
    public bool IsExcluded => Score is null;
}
