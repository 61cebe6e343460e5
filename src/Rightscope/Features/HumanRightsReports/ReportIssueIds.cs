using Rightscope.Core.HumanRightsReports;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>The report's issues by the register's id, so contributors match records by <c>SalientIssueId</c>.</summary>
public static class ReportIssueIds
{
    public static IReadOnlyDictionary<Guid, ReportIssue> Of(ReportFactsContext context) =>
        context.Issues
            .Select(issue => (Parsed: Guid.TryParseExact(issue.Id, "N", out var id) ? id : (Guid?)null, Issue: issue))
            .Where(p => p.Parsed is not null)
            .ToDictionary(p => p.Parsed!.Value, p => p.Issue);
}
