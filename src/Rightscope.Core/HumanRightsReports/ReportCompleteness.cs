namespace Rightscope.Core.HumanRightsReports;

/// <summary>How far one section of a report is written.</summary>
public enum SectionState
{
    Empty,
    EnglishOnly,
    ChineseOnly,
    Both,
}

/// <summary>One section's state, and whether the framework requires it (<see cref="ReportFramework"/>).</summary>
public sealed record SectionCompleteness(SectionRef Place, SectionState State, bool Required, int Facts)
{
    public bool Missing => Required && State == SectionState.Empty;
}

/// <summary>
/// The required-section rule: a report may be approved only when every required section (A1, A2, B1, B2 and C1–C6 of
/// every salient issue in the report) has a narrative in at least one language. Facts alone never fill a section:
/// the framework asks the company to explain, not only to count.
/// </summary>
public static class ReportCompleteness
{
    public static SectionState StateOf(NarrativeText text) => (text.HasEnglish, text.HasChinese) switch
    {
        (true, true) => SectionState.Both,
        (true, false) => SectionState.EnglishOnly,
        (false, true) => SectionState.ChineseOnly,
        (false, false) => SectionState.Empty,
    };

    public static IReadOnlyList<SectionCompleteness> Of(ReportContent content) =>
        [.. content.Places.Select(p => new SectionCompleteness(p, StateOf(content.Narrative(p)), p.Definition.Required, content.FactsOf(p).Count()))];

    /// <summary>The required sections that are still empty, in report order; empty when the report may be approved.</summary>
    public static IReadOnlyList<SectionRef> MissingRequired(ReportContent content) =>
        [.. Of(content).Where(s => s.Missing).Select(s => s.Place)];

    /// <summary>A section's name for messages: <c>C2 (Privacy of location data)</c> for an issue's section.</summary>
    public static string Name(SectionRef place, IReadOnlyList<ReportIssue> issues) =>
        place.IssueId is null ? place.Section : $"{place.Section} ({issues.FirstOrDefault(i => i.Id == place.IssueId)?.Title ?? place.IssueId})";
}
