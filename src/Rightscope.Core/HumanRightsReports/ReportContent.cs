using System.Text.Json.Serialization;

namespace Rightscope.Core.HumanRightsReports;

/// <summary>The narrative of one section, in English, Chinese, or both; null or blank means not written.</summary>
public sealed record NarrativeText(string? En, string? Zh)
{
    public static readonly NarrativeText None = new(null, null);

    [JsonIgnore]
    public bool HasEnglish => !string.IsNullOrWhiteSpace(En);

    [JsonIgnore]
    public bool HasChinese => !string.IsNullOrWhiteSpace(Zh);

    [JsonIgnore]
    public bool IsEmpty => !HasEnglish && !HasChinese;

    public string? In(string language) => Bilingual.IsChinese(language) ? (HasChinese ? Zh : null) : (HasEnglish ? En : null);

    /// <summary>The other language's text when <paramref name="language"/> has none.</summary>
    public string? Other(string language) => Bilingual.IsChinese(language) ? (HasEnglish ? En : null) : (HasChinese ? Zh : null);
}

/// <summary>A salient issue as the report names it: the organization's own title and the right it concerns.</summary>
public sealed record ReportIssue(string Id, string Title, string RightKey, Bilingual Right);

/// <summary>How a fact is shown: one figure, a list of items, or a table with column headings.</summary>
public enum FactKind
{
    Figure,
    List,
    Table,
}

/// <summary>
/// A fact a contributor adds to a section (for part C, to one issue's section): a figure (one row of one cell), a
/// list (rows of one cell) or a table (rows under <see cref="Columns"/>). Every text is bilingual; numbers are the
/// same in both. <see cref="Source"/> names the contributor, e.g. <c>salient-issues</c>.
/// </summary>
public sealed record ReportFact(
    string Section,
    string? IssueId,
    FactKind Kind,
    Bilingual Caption,
    IReadOnlyList<Bilingual> Columns,
    IReadOnlyList<IReadOnlyList<Bilingual>> Rows,
    string Source,
    Bilingual? Note = null)
{
    public static ReportFact Figure(SectionRef place, string source, Bilingual caption, Bilingual value, Bilingual? note = null) =>
        new(place.Section, place.IssueId, FactKind.Figure, caption, [], [[value]], source, note);

    public static ReportFact List(SectionRef place, string source, Bilingual caption, IEnumerable<Bilingual> items, Bilingual? note = null) =>
        new(place.Section, place.IssueId, FactKind.List, caption, [], [.. items.Select(i => (IReadOnlyList<Bilingual>)[i])], source, note);

    public static ReportFact Table(SectionRef place, string source, Bilingual caption, IReadOnlyList<Bilingual> columns, IEnumerable<IReadOnlyList<Bilingual>> rows, Bilingual? note = null)
    {
        var list = rows.ToList();
        if (list.Any(r => r.Count != columns.Count))
        {
            throw new ArgumentException("Every row has one cell per column.", nameof(rows));
        }

        return new(place.Section, place.IssueId, FactKind.Table, caption, columns, list, source, note);
    }

    [JsonIgnore]
    public SectionRef Place => new(Section, IssueId);
}

/// <summary>
/// Everything a human rights report shows: its year and organization, the salient issues part C covers (in the
/// engine's severity order), the narratives by <see cref="SectionRef.Key"/> and the contributors' facts. A published
/// report keeps this as its frozen snapshot.
/// </summary>
public sealed record ReportContent(
    int Year,
    string OrganizationName,
    IReadOnlyList<ReportIssue> Issues,
    IReadOnlyDictionary<string, NarrativeText> Narratives,
    IReadOnlyList<ReportFact> Facts)
{
    public NarrativeText Narrative(SectionRef place) => Narratives.GetValueOrDefault(place.Key) ?? NarrativeText.None;

    public IEnumerable<ReportFact> FactsOf(SectionRef place) => Facts.Where(f => f.Section == place.Section && f.IssueId == place.IssueId);

    [JsonIgnore]
    public IReadOnlyList<SectionRef> Places => ReportFramework.Places(Issues.Select(i => i.Id));
}
