using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Core.Remedy;
using Rightscope.Core.Statistics;
using Rightscope.Data;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Remediation figures (C6) from the organization's grievance mechanism, when it has a channel: for each salient
/// issue, the cases received in the year that triage linked to the issue (<c>SalientIssueId</c>) beside all cases
/// received, open and closed; the linked cases closed in the year with and without a remedy; and, once at least five
/// were closed, which kinds of remedy they received. Clear triage metadata only, never content, published through the
/// shared small-cell suppression, so counts from 1 to 4 show as "&lt;5".
/// </summary>
public sealed class GrievanceFacts(RightscopeDbContext db) : IReportFactsContributor
{
    public const string SourceName = "grievance-mechanism";

    public string Source => SourceName;

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        var covered = ReportIssueIds.Of(context);
        if (covered.Count == 0 || !await db.Channels.AnyAsync(cancellationToken))
        {
            return;
        }

        var (start, end) = (new DateOnly(context.Year, 1, 1), new DateOnly(context.Year, 12, 31));
        var cases = await db.Cases.AsNoTracking()
            .Where(c => (c.ReceivedOn >= start && c.ReceivedOn <= end) || (c.ClosedOn >= start && c.ClosedOn <= end))
            .Select(c => new CaseRow(c.Id, c.Status, c.ReceivedOn, c.ClosedOn, c.SalientIssueId))
            .ToListAsync(cancellationToken);
        var closedIds = cases.Where(c => c.Status == CaseStatus.Closed && c.SalientIssueId != null).Select(c => c.Id).ToList();
        var remedies = (await db.CaseRemedyOutcomes.AsNoTracking()
                .Where(o => closedIds.Contains(o.CaseId))
                .Select(o => new { o.CaseId, o.Type })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.CaseId, o => o.Type);
        var received = cases.Where(c => c.ReceivedOn >= start && c.ReceivedOn <= end).ToList();
        var all = ByStatus(received);
        foreach (var (issueId, issue) in covered)
        {
            var place = new SectionRef("C6", issue.Id);
            var linked = ByStatus(received.Where(c => c.SalientIssueId == issueId));
            context.Add(ReportFact.Table(place, SourceName,
                new(string.Create(CultureInfo.InvariantCulture, $"Grievance cases received in {context.Year}"), string.Create(CultureInfo.InvariantCulture, $"{context.Year} 年收到的申诉案件")),
                [new("Cases", "案件"), new("Linked to this issue", "与这一问题相关"), new("All cases", "全部案件")],
                [
                    [new("Open", "处理中"), Count(linked.Cell(0, 0)), Count(all.Cell(0, 0))],
                    [new("Closed", "已结案"), Count(linked.Cell(1, 0)), Count(all.Cell(1, 0))],
                    [new("Total", "合计"), Count(linked.GrandTotal), Count(all.GrandTotal)],
                ],
                new("Counts from the grievance mechanism's case metadata only; counts from 1 to 4 are shown as \"<5\" and another count may be withheld so that they cannot be worked out.",
                    "数字仅来自申诉机制的案件元数据；1 至 4 的计数显示为“<5”，并可能同时不公布另一计数，以免推算出这些数字。")));

            var closed = cases.Where(c => c.SalientIssueId == issueId && c.Status == CaseStatus.Closed && c.ClosedOn >= start && c.ClosedOn <= end).ToList();
            var remedied = closed.Count(c => remedies[c.Id].Any());
            var outcomes = SmallCellSuppression.Apply(CountTable.OneWay([remedied, closed.Count - remedied]));
            context.Add(ReportFact.Table(place, SourceName,
                new(string.Create(CultureInfo.InvariantCulture, $"Outcomes of the linked cases closed in {context.Year}"), string.Create(CultureInfo.InvariantCulture, $"{context.Year} 年结案的相关案件的结果")),
                [new("Closed cases", "已结案件"), new("Cases", "案件数")],
                [
                    [new("With a remedy provided or agreed", "已提供或商定补救"), Count(outcomes.Cell(0, 0))],
                    [new("Without a remedy", "未提供补救"), Count(outcomes.Cell(1, 0))],
                    [new("Total", "合计"), Count(outcomes.GrandTotal)],
                ]));

            // Below five closed cases, the kinds of remedy would describe individual cases.
            var types = closed.SelectMany(c => remedies[c.Id]).Distinct().Order().ToList();
            if (closed.Count >= SmallCellSuppression.DefaultThreshold && types.Count > 0)
            {
                context.Add(ReportFact.List(place, SourceName, new("Remedies provided", "已提供的补救"), types.Select(DueDiligenceLabels.Of),
                    new("Listed only when at least five linked cases were closed in the year.", "仅在本年度至少有五个相关案件结案时列出。")));
            }
        }
    }

    private sealed record CaseRow(Guid Id, CaseStatus Status, DateOnly ReceivedOn, DateOnly? ClosedOn, Guid? SalientIssueId);

    private static SuppressedTable ByStatus(IEnumerable<CaseRow> rows)
    {
        var list = rows.ToList();
        var closed = list.Count(c => c.Status == CaseStatus.Closed);
        return SmallCellSuppression.Apply(CountTable.OneWay([list.Count - closed, closed]));
    }

    private static Bilingual Count(PublishedCount count) => count switch
    {
        { Suppression: Suppression.Primary } => ReportLabels.Suppressed,
        { IsSuppressed: true } => ReportLabels.Withheld,
        _ => DueDiligenceLabels.Number(count.Value ?? 0),
    };
}
