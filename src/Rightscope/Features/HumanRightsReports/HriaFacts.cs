using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Hrdd;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// How the salient issues were determined: the human rights impact assessments (UNGP 17–18) that identified the
/// report's issues or ran during the year (B2), and for each issue the assessment it was drawn from (C3). Matched by
/// the issue's <see cref="SalientIssue.HriaProjectId"/>.
/// </summary>
public sealed class HriaFacts(RightscopeDbContext db) : IReportFactsContributor
{
    public const string SourceName = "hria-projects";

    public string Source => SourceName;

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        var covered = ReportIssueIds.Of(context);
        var coveredIds = covered.Keys.ToList();
        var issues = await db.SalientIssues.AsNoTracking()
            .Where(i => coveredIds.Contains(i.Id) && i.HriaProjectId != null)
            .Select(i => new { i.Id, Project = i.HriaProjectId!.Value })
            .ToListAsync(cancellationToken);
        var identifying = issues.Select(i => i.Project).Distinct().ToList();
        var (start, end) = (new DateOnly(context.Year, 1, 1), new DateOnly(context.Year, 12, 31));
        var projects = await db.HriaProjects.AsNoTracking()
            .Where(p => identifying.Contains(p.Id) || ((p.StartsOn == null || p.StartsOn <= end) && (p.EndsOn == null || p.EndsOn >= start) && p.Status != HriaStatus.Planned))
            .ToListAsync(cancellationToken);
        if (projects.Count == 0)
        {
            return;
        }

        var assessments = (await db.HriaAssessments.AsNoTracking().Select(a => a.HriaProjectId).ToListAsync(cancellationToken))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var issuesOf = issues.ToLookup(i => i.Project, i => covered[i.Id]);
        var ordered = projects.OrderBy(p => p.StartsOn ?? DateOnly.MaxValue).ThenBy(p => p.SubjectName, StringComparer.Ordinal).ToList();
        context.Add(ReportFact.Table(new SectionRef("B2", null), SourceName, new("Human rights impact assessments", "人权影响评估"),
            [new("Subject", "评估对象"), new("Trigger", "启动原因"), new("Lifecycle stage", "生命周期阶段"), new("Status", "状态"), new("Period", "期间"), new("Salient issues identified", "识别出的突出人权问题")],
            ordered.Select(p => (IReadOnlyList<Bilingual>)
            [
                Subject(p),
                DueDiligenceLabels.Of(p.Trigger),
                DueDiligenceLabels.Of(p.Stage),
                DueDiligenceLabels.Of(p.Status),
                Period(p),
                issuesOf[p.Id].Any() ? Bilingual.Same(string.Join("; ", issuesOf[p.Id].Select(i => i.Title))) : new("none of this report's issues", "不涉及本报告的问题"),
            ]),
            new("Assessments that identified the issues in this report, and those under way or completed during the year.", "包括识别出本报告所列问题的评估，以及本年度进行中或已完成的评估。")));

        foreach (var issue in issues)
        {
            var project = projects.Single(p => p.Id == issue.Project);
            context.Add(ReportFact.Table(new SectionRef("C3", covered[issue.Id].Id), SourceName, new("Impact assessment that identified the issue", "识别出这一问题的影响评估"),
                [new("Aspect", "方面"), new("Value", "内容")],
                [
                    [new("Subject", "评估对象"), Subject(project)],
                    [new("Trigger (Guiding Principle 18)", "启动原因（指导原则 18）"), DueDiligenceLabels.Of(project.Trigger)],
                    [new("Lifecycle stage", "生命周期阶段"), DueDiligenceLabels.Of(project.Stage)],
                    [new("Status", "状态"), DueDiligenceLabels.Of(project.Status)],
                    [new("Period", "期间"), Period(project)],
                    [new("Assessments recorded", "已记录的评估"), DueDiligenceLabels.Number(assessments.GetValueOrDefault(project.Id))],
                ]));
        }
    }

    private static Bilingual Subject(HriaProject project)
    {
        var kind = DueDiligenceLabels.Of(project.SubjectKind);
        var country = project.CountryCode is { Length: > 0 } code ? CountryNames.Of(code) : null;
        return country is null
            ? new($"{project.SubjectName} ({kind.En})", $"{project.SubjectName}（{kind.Zh}）")
            : new($"{project.SubjectName} ({kind.En}, {country.En})", $"{project.SubjectName}（{kind.Zh}，{country.Zh}）");
    }

    private static Bilingual Period(HriaProject project) =>
        Bilingual.Same($"{DueDiligenceLabels.Day(project.StartsOn).En} – {DueDiligenceLabels.Day(project.EndsOn).En}");
}
