using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Core.Remedy;
using Rightscope.Core.Statistics;
using Rightscope.Data;
using Rightscope.Features.Remedy;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Remediation figures (C6) from the organization's grievance mechanism, when it has a channel: for each salient
/// issue, the cases received in the year that triage linked to the issue's human right, beside all cases received,
/// open and closed. Counts only, read through <see cref="EffectivenessQuery"/> (clear metadata, never content) and
/// published through the shared small-cell suppression, so counts from 1 to 4 show as "&lt;5".
/// </summary>
public sealed class GrievanceFacts(RightscopeDbContext db) : IReportFactsContributor
{
    public const string SourceName = "grievance-mechanism";

    public string Source => SourceName;

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        if (context.Issues.Count == 0 || !await db.Channels.AnyAsync(cancellationToken))
        {
            return;
        }

        var received = await new EffectivenessQuery(db).LoadAsync(new ReportingPeriod(context.Year), cancellationToken);
        var all = Suppressed(received);
        foreach (var issue in context.Issues)
        {
            var linked = Suppressed(received.Where(c => c.Rights.Contains(issue.RightKey, StringComparer.Ordinal)));
            context.Add(ReportFact.Table(new SectionRef("C6", issue.Id), SourceName,
                new(string.Create(CultureInfo.InvariantCulture, $"Grievance cases received in {context.Year}"), string.Create(CultureInfo.InvariantCulture, $"{context.Year} 年收到的申诉案件")),
                [new("Cases", "案件"), new("Linked to this human right", "与这一人权相关"), new("All cases", "全部案件")],
                [
                    [new("Open", "处理中"), Count(linked.Cell(0, 0)), Count(all.Cell(0, 0))],
                    [new("Closed", "已结案"), Count(linked.Cell(1, 0)), Count(all.Cell(1, 0))],
                    [new("Total", "合计"), Count(linked.GrandTotal), Count(all.GrandTotal)],
                ],
                new("Counts from the grievance mechanism's case metadata only; counts from 1 to 4 are shown as \"<5\" and another count may be withheld so that they cannot be worked out.",
                    "数字仅来自申诉机制的案件元数据；1 至 4 的计数显示为“<5”，并可能同时不公布另一计数，以免推算出这些数字。")));
        }
    }

    private static SuppressedTable Suppressed(IEnumerable<CaseFacts> facts)
    {
        var list = facts.ToList();
        var closed = list.Count(c => c.Status == CaseStatus.Closed);
        return SmallCellSuppression.Apply(CountTable.OneWay([list.Count - closed, closed]));
    }

    private static Bilingual Count(PublishedCount count) => count switch
    {
        { Suppression: Suppression.Primary } => ReportLabels.Suppressed,
        { IsSuppressed: true } => ReportLabels.Withheld,
        _ => Bilingual.Same((count.Value ?? 0).ToString(CultureInfo.InvariantCulture)),
    };
}
