using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Hrdd;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Stakeholder engagement on each salient issue (C2) from the engagement log: the engagements of the year whose topics
/// concerned the issue, how many stakeholder organizations and which types took part, the share held with stakeholders
/// in the Global South, and how their input changed decisions. Organizations are counted, never named: a public report
/// must not expose the human rights defenders or affected people the company spoke with.
/// </summary>
public sealed class EngagementFacts(RightscopeDbContext db) : IReportFactsContributor
{
    public const string SourceName = "stakeholder-engagement";

    public string Source => SourceName;

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        var covered = ReportIssueIds.Of(context);
        if (covered.Count == 0)
        {
            return;
        }

        var coveredIds = covered.Keys.ToList();
        var (start, end) = (new DateOnly(context.Year, 1, 1), new DateOnly(context.Year, 12, 31));
        var links = await (
                from link in db.StakeholderEngagementIssues.AsNoTracking()
                join engagement in db.StakeholderEngagements.AsNoTracking() on link.EngagementId equals engagement.Id
                where coveredIds.Contains(link.SalientIssueId) && engagement.HeldOn >= start && engagement.HeldOn <= end
                select new { link.SalientIssueId, engagement.Id, engagement.HeldOn, engagement.Format, engagement.StakeholderTypes, engagement.GlobalSouth, engagement.DecisionsChanged })
            .ToListAsync(cancellationToken);
        var engagementIds = links.Select(l => l.Id).Distinct().ToList();
        var parties = (await db.StakeholderEngagementParties.AsNoTracking()
                .Where(p => engagementIds.Contains(p.EngagementId))
                .Select(p => new { p.EngagementId, p.NormalizedName })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.EngagementId, p => p.NormalizedName);

        foreach (var (issueId, issue) in covered)
        {
            var held = links.Where(l => l.SalientIssueId == issueId).OrderBy(l => l.HeldOn).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            var place = new SectionRef("C2", issue.Id);
            var types = held.SelectMany(l => TypesOf(l.StakeholderTypes)).ToList();
            var typeCounts = Enum.GetValues<StakeholderType>().Where(t => types.Contains(t)).Select(t => (Type: DueDiligenceLabels.Of(t), Count: types.Count(x => x == t))).ToList();
            var south = held.Count(l => l.GlobalSouth);
            var organizations = held.SelectMany(l => parties[l.Id]).Distinct(StringComparer.Ordinal).Count();
            var share = Math.Round(100.0 * south / held.Count).ToString(CultureInfo.InvariantCulture);
            context.Add(ReportFact.Table(place, SourceName,
                new(string.Create(CultureInfo.InvariantCulture, $"Stakeholder engagement on this issue in {context.Year}"), string.Create(CultureInfo.InvariantCulture, $"{context.Year} 年就这一问题开展的利益攸关方参与")),
                [new("Aspect", "方面"), new("Value", "内容")],
                [
                    [new("Engagements", "参与活动"), DueDiligenceLabels.Number(held.Count)],
                    [new("Stakeholder organizations", "利益攸关方组织"), DueDiligenceLabels.Number(organizations)],
                    [new("Stakeholder types", "利益攸关方类型"), typeCounts.Count == 0
                        ? new("not recorded", "未记录")
                        : new(string.Join(", ", typeCounts.Select(t => $"{t.Type.En} ({t.Count})")), string.Join("、", typeCounts.Select(t => $"{t.Type.Zh}（{t.Count}）")))],
                    [new("Held with stakeholders in the Global South", "与全球南方利益攸关方开展"),
                        new($"{south} of {held.Count} ({share} %)", $"{held.Count} 次中的 {south} 次（{share}%）")],
                ],
                new("From the stakeholder engagement log; organizations are counted once however often they took part.", "数据来自利益攸关方参与记录；同一组织无论参与多少次只计一次。")));

            var changes = held.Where(l => !string.IsNullOrWhiteSpace(l.DecisionsChanged)).ToList();
            if (changes.Count > 0)
            {
                context.Add(ReportFact.List(place, SourceName, new("How stakeholders' input changed decisions", "利益攸关方的意见如何改变了决策"),
                    changes.Select(l => new Bilingual(
                        $"{DueDiligenceLabels.Day(l.HeldOn).En} ({DueDiligenceLabels.Of(l.Format).En}): {l.DecisionsChanged.Trim()}",
                        $"{DueDiligenceLabels.Day(l.HeldOn).Zh}（{DueDiligenceLabels.Of(l.Format).Zh}）：{l.DecisionsChanged.Trim()}"))));
            }
        }
    }

    private static IEnumerable<StakeholderType> TypesOf(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Enum.TryParse<StakeholderType>(t, out var type) ? type : (StakeholderType?)null)
            .OfType<StakeholderType>();
}
