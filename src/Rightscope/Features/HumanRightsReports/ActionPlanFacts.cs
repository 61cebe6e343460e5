using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Hrdd;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Integrating findings and acting (C4): for each salient issue, the actions of the action plans that address it, with
/// kind, function, due date and status, and how many were overdue at the end of the year (or today, while the year
/// runs). Business relationships a leverage action works on are not named in a public report.
/// </summary>
public sealed class ActionPlanFacts(RightscopeDbContext db, TimeProvider clock) : IReportFactsContributor
{
    public const string SourceName = "action-plans";

    public string Source => SourceName;

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        var covered = ReportIssueIds.Of(context);
        if (covered.Count == 0)
        {
            return;
        }

        var coveredIds = covered.Keys.ToList();
        var actions = await (
                from link in db.DueDiligenceActionIssues.AsNoTracking()
                join action in db.DueDiligenceActions.AsNoTracking() on link.ActionId equals action.Id
                where coveredIds.Contains(link.SalientIssueId)
                select new { link.SalientIssueId, action.Title, action.Kind, action.Function, action.FunctionOther, action.DueOn, action.Status, action.CompletedOn })
            .ToListAsync(cancellationToken);
        var asOf = DueDiligenceLabels.AsOf(context.Year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        foreach (var (issueId, issue) in covered)
        {
            var planned = actions.Where(a => a.SalientIssueId == issueId).OrderBy(a => a.DueOn).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
            if (planned.Count == 0)
            {
                continue;
            }

            var overdue = planned.Count(a => ActionSchedule.IsOverdue(a.Status, a.DueOn, asOf));
            var day = DueDiligenceLabels.Day(asOf).En;
            var place = new SectionRef("C4", issue.Id);
            context.Add(ReportFact.Table(place, SourceName, new("Actions addressing this issue", "针对这一问题的行动"),
                [new("Action", "行动"), new("Kind", "类型"), new("Function", "职能部门"), new("Due", "期限"), new("Status", "状态")],
                planned.Select(a => (IReadOnlyList<Bilingual>)
                [
                    Bilingual.Same(a.Title),
                    DueDiligenceLabels.Of(a.Kind),
                    DueDiligenceLabels.Of(a.Function, a.FunctionOther),
                    DueDiligenceLabels.Day(a.DueOn),
                    ActionSchedule.IsOverdue(a.Status, a.DueOn, asOf)
                        ? new($"{DueDiligenceLabels.Of(a.Status).En} (overdue)", $"{DueDiligenceLabels.Of(a.Status).Zh}（已逾期）")
                        : a.Status == ActionStatus.Done && a.CompletedOn is { } completed
                            ? new($"done on {DueDiligenceLabels.Day(completed).En}", $"已于 {DueDiligenceLabels.Day(completed).Zh} 完成")
                            : DueDiligenceLabels.Of(a.Status),
                ])));
            context.Add(ReportFact.Figure(place, SourceName,
                new(string.Create(CultureInfo.InvariantCulture, $"Overdue actions on {day}"), string.Create(CultureInfo.InvariantCulture, $"截至 {day} 逾期的行动")),
                new($"{overdue} of {planned.Count}", $"{planned.Count} 项中的 {overdue} 项"),
                new("An action is overdue when it is neither done nor cancelled after its due date.", "行动在期限过后既未完成也未取消，即视为逾期。")));
        }
    }
}
