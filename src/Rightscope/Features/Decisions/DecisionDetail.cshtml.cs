using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Decisions;

/// <summary>One decision: its terms, basis and history; reviewers approve or return it, its proposer revises it when returned.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class DecisionDetailModel(RightscopeDbContext db, OrganizationContext context) : PageModel
{
    public string Slug => context.Current.Slug;

    public Decision Decision { get; private set; } = null!;

    public Company Company { get; private set; } = null!;

    public string? AssessmentSubject { get; private set; }

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    private Guid UserId => context.Membership!.UserId;

    /// <summary>A reviewer who did not propose it sees approve and return (four eyes; the server checks again).</summary>
    public bool CanReview => context.Allows(Permission.Review) && Decision.Status == DecisionStatus.Proposed && Decision.ProposedByUserId != UserId;

    /// <summary>The proposer may review nothing of their own; they see why.</summary>
    public bool IsOwnProposal => context.Allows(Permission.Review) && Decision.Status == DecisionStatus.Proposed && Decision.ProposedByUserId == UserId;

    public bool CanRevise => context.Allows(Permission.EditWorkspace) && DecisionWorkflow.Revise(Decision.Status, Decision.ProposedByUserId, UserId).Succeeded;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var company = decision is null ? null : await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == decision.CompanyId, cancellationToken);
        if (decision is null || company is null)
        {
            return NotFound();
        }

        (Decision, Company) = (decision, company);
        AssessmentSubject = await db.Assessments.AsNoTracking().Where(a => a.Id == decision.AssessmentId).Select(a => a.SubjectName).FirstOrDefaultAsync(cancellationToken);
        People = await DecisionPeople.NamesAsync(db, [decision.ProposedByUserId, decision.ReviewedByUserId], cancellationToken);
        return Page();
    }
}
