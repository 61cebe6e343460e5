using Rightscope.Core.Decisions;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Decisions;

namespace Rightscope.Demo;

/// <summary>
/// The demo investor's decisions, about its fictional companies only (never a real one, DESIGN §7), each resting on
/// the company's approved demo assessment: tier 1 invest as recommended, with a pending engage proposal awaiting the
/// reviewer; tier 2 excluded (do not invest) against the engage recommendation, with the rationale saying why; tier 3
/// an engagement superseded by a divestment with a divest-by date. Proposed by the analyst, approved by the reviewer.
/// </summary>
public static class DemoDecisions
{
    private const string Fictional = "Fictional demo rationale · 虚构的示例理由: ";

    /// <summary>Adds the decisions to <paramref name="db"/> (not saved), after the demo companies and assessments; a summary for the audit entry.</summary>
    public static string? Add(RightscopeDbContext db, Catalog catalog, Guid organizationId, OrganizationKind kind, Guid analystId, Guid reviewerId, DateTime now)
    {
        if (kind != OrganizationKind.Investor)
        {
            return null;
        }

        var companies = db.Companies.Local.Where(c => c.OrganizationId == organizationId && c.Fictional).ToList();
        var assessments = db.Assessments.Local.Where(a => a.OrganizationId == organizationId).ToList();
        var byTier = companies
            .Select(c => (Company: c, Assessment: assessments.Single(a => a.SubjectName.StartsWith(c.NameEn!, StringComparison.Ordinal))))
            .ToDictionary(p => p.Assessment.Tier ?? 0);
        var start = DemoPortfolio.AsOf.AddDays(15);
        var decisions = new List<Decision>();

        Decision New((Features.Companies.Company Company, Assessment Assessment) subject, DecisionKind decided, string rationale, DateOnly effective, ExclusionMode? mode = null, DateOnly? divestBy = null)
        {
            var rule = catalog.Find(subject.Assessment.MethodologyKey, subject.Assessment.MethodologyVersion)?.Decisions.FirstOrDefault(d => d.Tier == subject.Assessment.Tier);
            var decision = new Decision
            {
                OrganizationId = organizationId,
                CompanyId = subject.Company.Id,
                Kind = decided,
                ExclusionMode = mode,
                DivestBy = divestBy,
                EffectiveOn = effective,
                Rationale = Fictional + rationale,
                AssessmentId = subject.Assessment.Id,
                AssessmentTier = subject.Assessment.Tier,
                RecommendedKind = rule is null ? null : DecisionKinds.From(rule.Decision),
                ProposedByUserId = analystId,
                ProposedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
            decisions.Add(decision);
            return decision;
        }

        void Approve(Decision decision)
        {
            var approved = DecisionWorkflow.Approve(decision.Status, decision.ProposedByUserId, reviewerId);
            if (!approved.Succeeded)
            {
                throw new InvalidOperationException($"The demo decision about {decision.CompanyId} could not be approved: {approved.Failure}.");
            }

            (decision.Status, decision.ApprovedCompanyId, decision.ReviewedByUserId, decision.ReviewedAt) = (approved.Status, decision.CompanyId, reviewerId, now);
        }

        Approve(New(byTier[1], DecisionKind.Invest,
            "Tier 1: strong customer due diligence and remedy; hold and monitor, re-assess in twelve months. · 等级 1：客户尽职调查和补救措施完善；持有并监测，十二个月后重新评估。",
            start));
        New(byTier[1], DecisionKind.Engage,
            "Proposed: engage on the one middle answer before the next review. · 提议：在下次审查前就唯一的中等答案进行沟通。",
            start.AddMonths(3));

        Approve(New(byTier[2], DecisionKind.Exclude,
            "Differs from the tier 2 recommendation (engage): in this fictional scenario the company declined every engagement request for a year, so no new investment until it answers. · 与等级 2 的建议（沟通）不同：在此虚构情景中，该公司一年来拒绝了所有沟通请求，因此在其回应之前不作新增投资。",
            start, ExclusionMode.DoNotInvest));

        var engage = New(byTier[3], DecisionKind.Engage,
            "Differs from the tier 3 recommendation (exclude): one engagement round first, because misuse reports were new. · 与等级 3 的建议（排除）不同：由于滥用报告刚刚出现，先进行一轮沟通。",
            start.AddMonths(-6));
        Approve(engage);
        var divest = New(byTier[3], DecisionKind.Exclude,
            "Tier 3 red flag (known misuse without response) and the engagement produced no response: divest. · 等级 3 红旗（已知滥用且未回应），沟通未获回应：撤资。",
            start, ExclusionMode.Divest, start.AddMonths(6));
        Approve(divest);
        var superseded = DecisionWorkflow.Supersede(engage.Status);
        (engage.Status, engage.ApprovedCompanyId, engage.SupersededById) = (superseded.Status, null, divest.Id);

        db.Decisions.AddRange(decisions);
        return $"demo decisions added about fictional companies: {decisions.Count} ({decisions.Count(d => d.Status == DecisionStatus.Approved)} current, 1 proposed, 1 superseded)";
    }
}
