using Rightscope.Core.Engagements;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Features.Engagements;

namespace Rightscope.Demo;

/// <summary>
/// The demo investor's open engagement with its fictional tier-2 company (DESIGN §7: engagements belong to fictional
/// companies only). Its objectives come from the demo assessment's gaps, one milestone is already overdue, two
/// interactions are logged, and it has been escalated to the second step, the letter to the board. Dates are relative
/// to the day the demo is created, so the overdue milestone is overdue whenever the demo is seeded.
/// </summary>
public static class DemoEngagement
{
    public const string CompanyNameEnglish = "Contoso Smart City Analytics";

    public const string Title = "Customer due diligence and remedy at Contoso (fictional) · 康拓公司的客户尽职调查与补救（虚构）";

    private const int ObjectivesFromGaps = 3;

    /// <summary>Adds the engagement to <paramref name="db"/> (not saved), after the demo companies and assessments were added; a summary for the audit entry.</summary>
    public static string? Add(RightscopeDbContext db, Catalog catalog, Guid organizationId, OrganizationKind kind, Guid analystId, DateTime now)
    {
        if (kind != OrganizationKind.Investor)
        {
            return null;
        }

        var company = db.Companies.Local.Single(c => c.OrganizationId == organizationId && c.NameEn == CompanyNameEnglish && c.Fictional);
        var assessment = db.Assessments.Local.Single(a => a.OrganizationId == organizationId
            && CompanyAssessments.WithoutFictionalMark(a.SubjectName).StartsWith(CompanyNameEnglish, StringComparison.Ordinal));
        var methodology = catalog.Find(assessment.MethodologyKey)
            ?? throw new InvalidOperationException($"The demo engagement needs the methodology {assessment.MethodologyKey}.");
        var answers = db.AssessmentAnswers.Local.Where(a => a.AssessmentId == assessment.Id).Select(a => (a.ItemKey, a.Component, a.OptionKey));
        var gaps = AssessmentGaps.Find(methodology, answers).Take(ObjectivesFromGaps).ToList();

        var today = DateOnly.FromDateTime(now);
        var engagement = new Engagement
        {
            OrganizationId = organizationId,
            CompanyId = company.Id,
            Title = Title,
            AssessmentId = assessment.Id,
            LeadUserId = analystId,
            StartedOn = today.AddDays(-120),
            CurrentStep = EscalationStep.LetterToBoard,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Engagements.Add(engagement);

        var position = 0;
        foreach (var gap in gaps)
        {
            db.EngagementObjectives.Add(new EngagementObjective
            {
                OrganizationId = organizationId,
                EngagementId = engagement.Id,
                Position = ++position,
                ItemKey = gap.Item.Key,
                Component = gap.Component,
                Description = gap.Item.Title.In("en"),
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        db.EngagementObjectives.Add(new EngagementObjective
        {
            OrganizationId = organizationId,
            EngagementId = engagement.Id,
            Position = ++position,
            Description = "Publish the customer screening procedure for city authorities (fictional objective) · 公布针对城市管理部门客户的审查程序（虚构目标）",
            CreatedAt = now,
            UpdatedAt = now,
        });

        db.EngagementMilestones.AddRange(
            Milestone(organizationId, engagement.Id, today.AddDays(-14), "Company replies to the letter to the board (fictional) · 公司答复致董事会的信函（虚构）", now),
            Milestone(organizationId, engagement.Id, today.AddDays(75), "Company publishes its human rights due diligence policy (fictional) · 公司发布其人权尽责政策（虚构）", now));

        db.EscalationEntries.AddRange(
            new EscalationEntry
            {
                OrganizationId = organizationId,
                EngagementId = engagement.Id,
                ToStep = EscalationStep.PrivateDialogue,
                RecordedByUserId = analystId,
                RecordedAt = now.AddDays(-120),
            },
            new EscalationEntry
            {
                OrganizationId = organizationId,
                EngagementId = engagement.Id,
                FromStep = EscalationStep.PrivateDialogue,
                ToStep = EscalationStep.LetterToBoard,
                Reason = "No commitment after the first meeting (fictional) · 首次会议后未作出承诺（虚构）",
                RecordedByUserId = analystId,
                RecordedAt = now.AddDays(-45),
            });

        db.EngagementInteractions.AddRange(
            new EngagementInteraction
            {
                OrganizationId = organizationId,
                EngagementId = engagement.Id,
                OccurredOn = today.AddDays(-100),
                Type = InteractionType.Meeting,
                Participants = "Demo analyst; Contoso investor relations (fictional) · 示例分析师；康拓投资者关系部（虚构）",
                Summary = "Discussed customer due diligence for city surveillance contracts; no commitment given (fictional) · 讨论了城市监控合同的客户尽职调查；未作承诺（虚构）",
                RecordedByUserId = analystId,
                RecordedAt = now,
            },
            new EngagementInteraction
            {
                OrganizationId = organizationId,
                EngagementId = engagement.Id,
                OccurredOn = today.AddDays(-45),
                Type = InteractionType.Letter,
                Participants = "Demo investor to the Contoso board (fictional) · 示例投资机构致康拓董事会（虚构）",
                Summary = "Letter asking for a remedy mechanism and a reply within 30 days (fictional) · 去函要求建立补救机制并在 30 日内答复（虚构）",
                RecordedByUserId = analystId,
                RecordedAt = now,
            });

        return $"demo engagement added with fictional company {company.Id:N}: {gaps.Count + 1} objectives, 2 milestones (1 overdue), 2 interactions, step letter-to-board";
    }

    private static EngagementMilestone Milestone(Guid organizationId, Guid engagementId, DateOnly deadline, string description, DateTime now) => new()
    {
        OrganizationId = organizationId,
        EngagementId = engagementId,
        Deadline = deadline,
        Description = description,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
