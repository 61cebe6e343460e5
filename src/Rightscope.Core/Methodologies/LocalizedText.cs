namespace Rightscope.Core.Methodologies;

/// <summary>A text in one or more languages (<c>en</c>, <c>zh-Hans</c>); shipped catalogs always have both.</summary>
public sealed record LocalizedText(IReadOnlyDictionary<string, string> Values)
{
    public static readonly IReadOnlyList<string> Languages = ["en", "zh-Hans"];

    /// <summary>The text in <paramref name="language"/>, else English, else any language there is.</summary>
    public string In(string language) =>
        Values.TryGetValue(language, out var text) ? text
        : Values.TryGetValue("en", out var english) ? english
        : Values.Values.FirstOrDefault() ?? "";

    public static LocalizedText Of(string english, string chinese) =>
        new(new Dictionary<string, string> { ["en"] = english, ["zh-Hans"] = chinese });
}
