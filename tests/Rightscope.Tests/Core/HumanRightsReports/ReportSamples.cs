using Rightscope.Core.HumanRightsReports;

namespace Rightscope.Tests.Core.HumanRightsReports;

/// <summary>Report contents for the Core tests: fictional issues, narratives and facts.</summary>
internal static class ReportSamples
{
    public static readonly ReportIssue Privacy = new("issue-privacy", "Location data of users (fictional)", "privacy", new("Right to privacy", "隐私权"));

    public static readonly ReportIssue Expression = new("issue-expression", "Content removal (fictional)", "expression", new("Freedom of expression", "表达自由"));

    public static ReportContent Content(IReadOnlyList<ReportIssue>? issues = null, Dictionary<string, NarrativeText>? narratives = null, IReadOnlyList<ReportFact>? facts = null) =>
        new(2025, "Fictional Org", issues ?? [Privacy, Expression], narratives ?? [], facts ?? []);

    /// <summary>Every required section of <paramref name="issues"/> written in English.</summary>
    public static Dictionary<string, NarrativeText> AllRequired(IEnumerable<ReportIssue> issues) =>
        ReportFramework.Places(issues.Select(i => i.Id)).Where(p => p.Definition.Required)
            .ToDictionary(p => p.Key, p => new NarrativeText($"Text of {p.Key}.", null));
}
