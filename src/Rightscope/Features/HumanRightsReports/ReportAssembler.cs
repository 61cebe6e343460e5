using Rightscope.Core.HumanRightsReports;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Puts a report's content together: the salient issues it covers, its narratives, and every contributor's facts. A
/// published or withdrawn report is read from its frozen snapshot instead, so later edits of issues, cases or other
/// records never change what was published.
/// </summary>
public sealed class ReportAssembler(SalientIssueFacts issues, IEnumerable<IReportFactsContributor> contributors)
{
    public async Task<ReportContent> CurrentAsync(HumanRightsReport report, string organizationName, CancellationToken cancellationToken)
    {
        var covered = await issues.IssuesAsync(cancellationToken);
        var context = new ReportFactsContext(report.OrganizationId, report.Year, covered);
        foreach (var contributor in contributors)
        {
            await contributor.ContributeAsync(context, cancellationToken);
        }

        var narratives = report.ReadNarratives().ToDictionary(n => n.Key, n => n.Value.Text, StringComparer.Ordinal);
        return new ReportContent(report.Year, organizationName, covered, narratives, context.Facts);
    }

    /// <summary>What the report shows: its snapshot once published (also after withdrawal), otherwise its current content.</summary>
    public async Task<ReportContent> ContentAsync(HumanRightsReport report, string organizationName, CancellationToken cancellationToken) =>
        report.Status is ReportStatus.Published or ReportStatus.Withdrawn && report.ReadSnapshot() is { } snapshot
            ? snapshot
            : await CurrentAsync(report, organizationName, cancellationToken);
}
