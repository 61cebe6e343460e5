using System.Text.Json;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Hrdd;

namespace Rightscope.Demo;

/// <summary>
/// The demo company's due diligence cycle (issue 6): a policy commitment with four of the five GP16 elements met,
/// HRIA projects on fictional products and a market entry (the camera's is linked to the approved demo assessment
/// and two of its impacts are in the register), and five rated salient issues with owners and statuses. Every
/// product and finding is fictional and marked so in both languages; no statistic about a real country is stated.
/// </summary>
public static class DemoHrdd
{
    public const string MessagingApp = "Northwind Chat messaging app (fictional) · 北风聊天即时通讯应用（虚构）";

    /// <summary>Adds the cycle to <paramref name="db"/> (not saved), after the demo assessments; a summary for the audit entry.</summary>
    public static string? Add(RightscopeDbContext db, Guid organizationId, OrganizationKind kind, IReadOnlyDictionary<Role, Guid> members, DateTime now)
    {
        if (kind != OrganizationKind.Company)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(now);
        var (analyst, reviewer) = (members[Role.Analyst], members[Role.Reviewer]);

        var commitment = new PolicyCommitment
        {
            OrganizationId = organizationId,
            Title = "Human Rights Policy of the Demo Company (fictional) · 示例公司人权政策（虚构）",
            PublicUrl = "https://example.org/rightscope-demo/human-rights-policy",
            ApprovedOn = today.AddDays(-400),
            Approver = "Board of directors (fictional) · 董事会（虚构）",
            UpdatedByUserId = analyst,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.PolicyCommitments.Add(commitment);
        var evidence = new (CommitmentElement Element, CommitmentElementStatus Status, string Evidence, int DaysAgo)[]
        {
            (CommitmentElement.SeniorApproval, CommitmentElementStatus.Met, "Fictional: board resolution adopting the policy. · 虚构：董事会通过该政策的决议。", 400),
            (CommitmentElement.InformedByExpertise, CommitmentElementStatus.Met, "Fictional: drafted with two digital rights organizations and an external expert. · 虚构：与两个数字权利组织和一名外部专家共同起草。", 430),
            (CommitmentElement.StatesExpectations, CommitmentElementStatus.Met, "Fictional: supplier code of conduct and staff handbook refer to the policy. · 虚构：供应商行为守则和员工手册均援引该政策。", 380),
            (CommitmentElement.PubliclyAvailable, CommitmentElementStatus.Met, "Fictional: published on the website in English and Chinese; all-staff briefing. · 虚构：以中英文在网站上公布，并向全体员工作了通报。", 390),
            (CommitmentElement.Embedded, CommitmentElementStatus.InProgress, "Fictional: product launch checklist being revised to include a human rights review. · 虚构：正在修订产品发布核对清单，以纳入人权审查。", 30),
        };
        foreach (var (element, status, text, daysAgo) in evidence)
        {
            db.PolicyCommitmentElements.Add(new PolicyCommitmentElement
            {
                OrganizationId = organizationId,
                CommitmentId = commitment.Id,
                Element = element,
                Status = status,
                Evidence = text,
                EvidenceUrl = status == CommitmentElementStatus.Met ? "https://example.org/rightscope-demo/human-rights-policy" : null,
                On = today.AddDays(-daysAgo),
            });
        }

        var messaging = Project(organizationId, SubjectKind.Product, MessagingApp, null, HriaTrigger.PeriodicReview, LifecycleStage.Use, HriaStatus.Completed,
            today.AddDays(-200), today.AddDays(-60), analyst, now,
            "Fictional: yearly review of the app in use: interviews with users, journalists and two civil society groups. · 虚构：对使用中的应用进行年度审查：访谈用户、记者和两个民间社会团体。");
        var market = Project(organizationId, SubjectKind.Market, "Northwind Chat market entry (fictional scenario) · 北风聊天进入新市场（虚构情景）", "BR", HriaTrigger.MajorDecisionOrChange, LifecycleStage.Sale, HriaStatus.Planned,
            today.AddDays(30), today.AddDays(150), reviewer, now,
            "Fictional scenario for the demo: no finding about the real country is stated. · 演示用虚构情景：不涉及对该真实国家的任何结论。");
        db.HriaProjects.AddRange(messaging, market);

        // The approved demo HRIA of the fictional camera (DemoAssessments) becomes a project with its assessment linked.
        var camera = db.Assessments.Local.SingleOrDefault(a => a.OrganizationId == organizationId && a.MethodologyKey == HriaCommands.Methodology);
        var impacts = camera is null ? [] : db.SalientImpacts.Local.Where(i => i.AssessmentId == camera.Id).ToList();
        var lines = 2;
        if (camera is not null)
        {
            var project = Project(organizationId, camera.SubjectKind, camera.SubjectName, null, HriaTrigger.NewActivityOrRelationship, LifecycleStage.Development, HriaStatus.InProgress,
                today.AddDays(-90), null, analyst, now,
                "Fictional: assessment before the camera's launch, with the ungp-hria methodology. · 虚构：在摄像头发布前采用 ungp-hria 评估方法开展的评估。");
            db.HriaProjects.Add(project);
            db.HriaAssessments.Add(new HriaAssessment { OrganizationId = organizationId, HriaProjectId = project.Id, AssessmentId = camera.Id, LinkedByUserId = analyst, LinkedAt = now });
            lines++;
            foreach (var (impact, status, owner) in impacts.Where(i => i.RightKey is "privacy" or "equality-non-discrimination")
                .Select(i => (i, i.RightKey == "privacy" ? SalientIssueStatus.Addressing : SalientIssueStatus.Identified, i.RightKey == "privacy" ? analyst : reviewer)))
            {
                db.SalientIssues.Add(new SalientIssue
                {
                    OrganizationId = organizationId,
                    Title = impact.RightKey == "privacy"
                        ? "Face matching of visitors without their knowledge (fictional) · 在访客不知情的情况下进行面部比对（虚构）"
                        : "Higher false-match rates for some groups (fictional) · 对部分群体的误匹配率较高（虚构）",
                    RightKey = impact.RightKey,
                    Groups = impact.Groups,
                    Product = camera.SubjectName,
                    Involvement = impact.Involvement,
                    Description = impact.Description,
                    Actual = impact.Actual,
                    Scale = impact.Scale,
                    Scope = impact.Scope,
                    Irremediability = impact.Irremediability,
                    Likelihood = impact.Likelihood,
                    Status = status,
                    OwnerUserId = owner,
                    HriaProjectId = project.Id,
                    SourceImpactId = impact.Id,
                    CreatedByUserId = analyst,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }

        db.SalientIssues.AddRange(
            Issue(organizationId, messaging.Id, "Users' message data disclosed on government requests (fictional) · 应政府要求披露用户消息数据（虚构）", "privacy", ["users", "journalists-and-media-workers"],
                Involvement.Contribute, "Fictional: requests for message metadata without judicial authorization. · 虚构：未经司法授权要求提供消息元数据。", 4, 3, 3, 3, SalientIssueStatus.Monitoring, analyst, analyst, now),
            Issue(organizationId, messaging.Id, "Over-removal of lawful posts (fictional) · 过度删除合法内容（虚构）", "freedom-of-expression", ["users", "political-opposition-and-dissidents"],
                Involvement.Cause, "Fictional: automated moderation removes lawful political speech. · 虚构：自动审核删除了合法的政治言论。", 3, 3, 2, 4, SalientIssueStatus.Addressing, reviewer, analyst, now),
            Issue(organizationId, messaging.Id, "Defenders' accounts targeted through account recovery (fictional) · 通过账户找回功能针对人权维护者的账户（虚构）", "right-to-defend-rights", ["human-rights-defenders", "women-human-rights-defenders"],
                Involvement.DirectlyLinked, "Fictional: attackers abuse account recovery to take over defenders' accounts. · 虚构：攻击者滥用账户找回功能接管人权维护者的账户。", 5, 2, 5, 2, SalientIssueStatus.Identified, reviewer, analyst, now));
        return $"due diligence cycle: policy commitment (4 of 5 elements met), {lines} HRIA projects, {impacts.Count(i => i.RightKey is "privacy" or "equality-non-discrimination") + 3} salient issues (fictional)";
    }

    private static HriaProject Project(
        Guid organizationId, SubjectKind kind, string name, string? country, HriaTrigger trigger, LifecycleStage stage, HriaStatus status,
        DateOnly startsOn, DateOnly? endsOn, Guid lead, DateTime now, string description) => new()
        {
            OrganizationId = organizationId,
            SubjectKind = kind,
            SubjectName = name,
            CountryCode = country,
            Trigger = trigger,
            Stage = stage,
            Status = status,
            StartsOn = startsOn,
            EndsOn = endsOn,
            LeadUserId = lead,
            Description = description,
            CreatedByUserId = lead,
            CreatedAt = now,
            UpdatedAt = now,
        };

    private static SalientIssue Issue(
        Guid organizationId, Guid projectId, string title, string right, string[] groups, Involvement involvement, string description,
        int scale, int scope, int irremediability, int likelihood, SalientIssueStatus status, Guid owner, Guid author, DateTime now) => new()
        {
            OrganizationId = organizationId,
            Title = title,
            RightKey = right,
            Groups = JsonSerializer.Serialize(groups),
            Product = MessagingApp,
            Involvement = involvement,
            Description = description,
            Actual = false,
            Scale = scale,
            Scope = scope,
            Irremediability = irremediability,
            Likelihood = likelihood,
            Status = status,
            OwnerUserId = owner,
            HriaProjectId = projectId,
            CreatedByUserId = author,
            CreatedAt = now,
            UpdatedAt = now,
        };
}
