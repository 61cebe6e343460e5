using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Hrdd;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// The policy commitment (A1) as the due diligence workspace records it: its title, approval and public address, and
/// the five elements of UNGP 16 in the principle's order with their status, evidence and dates. An element the
/// organization has not recorded yet shows as not started, so the table always has all five.
/// </summary>
public sealed class PolicyCommitmentFacts(RightscopeDbContext db) : IReportFactsContributor
{
    public const string SourceName = "policy-commitment";

    public string Source => SourceName;

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        var commitment = await db.PolicyCommitments.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (commitment is null)
        {
            return;
        }

        var elements = await db.PolicyCommitmentElements.AsNoTracking().Where(e => e.CommitmentId == commitment.Id).ToListAsync(cancellationToken);
        var place = new SectionRef("A1", null);
        context.Add(ReportFact.Table(place, SourceName, new("Policy commitment", "政策承诺"), [new("Aspect", "方面"), new("Value", "内容")],
        [
            [new("Title", "名称"), Bilingual.Same(commitment.Title)],
            [new("Approved by", "批准者"), commitment.Approver is { Length: > 0 } approver ? Bilingual.Same(approver) : new("not recorded", "未记录")],
            [new("Approved on", "批准日期"), DueDiligenceLabels.Day(commitment.ApprovedOn)],
            [new("Published at", "公开地址"), commitment.PublicUrl is { Length: > 0 } url ? Bilingual.Same(url) : new("not published yet", "尚未公开")],
        ]));

        var byElement = elements.ToDictionary(e => e.Element);
        context.Add(ReportFact.Table(place, SourceName, new("The five elements of Guiding Principle 16", "指导原则 16 的五项要素"),
            [new("Element", "要素"), new("Status", "状态"), new("Evidence", "证明"), new("Date", "日期")],
            Enum.GetValues<CommitmentElement>().Select(element => (IReadOnlyList<Bilingual>)(byElement.GetValueOrDefault(element) is { } recorded
                ?
                [
                    DueDiligenceLabels.Of(element),
                    DueDiligenceLabels.Of(recorded.Status),
                    Evidence(recorded),
                    DueDiligenceLabels.Day(recorded.On),
                ]
                : [DueDiligenceLabels.Of(element), DueDiligenceLabels.Of(CommitmentElementStatus.NotStarted), Bilingual.Same("—"), DueDiligenceLabels.Day(null)])),
            new("Status, evidence and dates as recorded in the due diligence workspace.", "状态、证明和日期以尽责工作区中的记录为准。")));
    }

    private static Bilingual Evidence(PolicyCommitmentElement element)
    {
        var parts = new[] { element.Evidence.Trim(), element.EvidenceUrl?.Trim() ?? "" }.Where(p => p.Length > 0).ToList();
        return Bilingual.Same(parts.Count == 0 ? "—" : string.Join(" — ", parts));
    }
}
