using Rightscope.Core.HumanRightsReports;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Adds facts (figures, lists, tables) from one module to the sections of a human rights report. Each contributor is
/// registered in DI (<see cref="HumanRightsReportServices.AddHumanRightsReports"/>) and runs, in registration order,
/// inside the report's organization (the tenant filter applies) each time a draft is shown and once at publication,
/// when its facts are frozen into the snapshot. A contributor adds facts only through <see cref="ReportFactsContext"/>
/// and writes nothing.
/// </summary>
public interface IReportFactsContributor
{
    /// <summary>A short stable name stored with each fact, e.g. <c>salient-issues</c>.</summary>
    string Source { get; }

    Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken);
}

/// <summary>What a contributor knows of the report (organization, year, salient issues in report order) and where it adds facts.</summary>
public sealed class ReportFactsContext(Guid organizationId, int year, IReadOnlyList<ReportIssue> issues, string language = Bilingual.English)
{
    private readonly List<ReportFact> facts = [];

    public Guid OrganizationId { get; } = organizationId;

    public int Year { get; } = year;

    public IReadOnlyList<ReportIssue> Issues { get; } = issues;

    /// <summary>Unused by the shipped contributors (facts are bilingual); kept for contributors that format numbers.</summary>
    public string Language { get; } = language;

    public IReadOnlyList<ReportFact> Facts => facts;

    /// <summary>Adds a fact to a part A/B section or, with an issue id of <see cref="Issues"/>, to that issue's part C section.</summary>
    public void Add(ReportFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var section = ReportFramework.Find(fact.Section) ?? throw new ArgumentException($"no section {fact.Section} in the framework", nameof(fact));
        if (section.PerIssue != (fact.IssueId is not null) || (fact.IssueId is { } id && Issues.All(i => i.Id != id)))
        {
            throw new ArgumentException($"section {fact.Section} {(section.PerIssue ? "needs one of the report's issues" : "is not per issue")}", nameof(fact));
        }

        facts.Add(fact);
    }
}
