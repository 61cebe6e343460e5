using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>Approves an assessment in review, or returns it to its author. The author may not approve (four eyes).</summary>
[RequirePermission(Permission.Review)]
public sealed class AssessmentReviewModel(
    RightscopeDbContext db,
    AssessmentStore store,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.Review, track: false, cancellationToken);
        return lookup == Lookup.Found ? Redirect(OverviewUrl(id)) : Refuse(lookup);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? decision, string? nextReviewOn, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.Review, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        var assessment = Loaded.Assessment;
        switch (decision)
        {
            case "approve":
                var approved = AssessmentWorkflow.Approve(assessment.Status, assessment.AuthorUserId, UserId);
                if (!approved.Succeeded)
                {
                    return Refused(approved.Failure == WorkflowFailure.ApproverIsAuthor ? Text["Workflow.ApproverIsAuthor"] : Text["Workflow.NotInReview"]);
                }

                DateOnly? nextReview = null;
                if (!string.IsNullOrWhiteSpace(nextReviewOn))
                {
                    if (!DateOnly.TryParseExact(nextReviewOn.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                        || date <= DateOnly.FromDateTime(Now))
                    {
                        return Refused(Text["Workflow.NextReviewInvalid"]);
                    }

                    nextReview = date;
                }

                assessment.Status = approved.Status;
                (assessment.ApprovedByUserId, assessment.ApprovedAt, assessment.NextReviewOn) = (UserId, Now, nextReview);
                var summary = Summary("approved");
                // Approving a re-assessment supersedes the assessment it replaces, in the same save and audit entry.
                if (assessment.PreviousAssessmentId is { } previousId
                    && await db.Assessments.FirstOrDefaultAsync(a => a.Id == previousId, cancellationToken) is { } previous
                    && AssessmentWorkflow.Supersede(previous.Status) is { Succeeded: true } superseded)
                {
                    previous.Status = superseded.Status;
                    previous.UpdatedAt = Now;
                    previous.ConcurrencyToken = Guid.NewGuid();
                    summary += $"; supersedes {previous.Id:N}";
                }

                return await SaveAsync("assessment.approved", summary, cancellationToken)
                    ? Redirect(OverviewUrl(id))
                    : Conflicted();

            case "return":
                var returned = AssessmentWorkflow.Return(assessment.Status);
                if (!returned.Succeeded)
                {
                    return Refused(Text["Workflow.NotInReview"]);
                }

                assessment.Status = returned.Status;
                return await SaveAsync("assessment.returned", Summary("returned to the author"), cancellationToken)
                    ? Redirect(OverviewUrl(id))
                    : Conflicted();

            default:
                return Refused(Text["Workflow.DecisionInvalid"]);
        }
    }

    private string Summary(string what)
    {
        var result = Loaded.Result;
        var tier = result.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        var total = result.Total?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        return $"{Loaded.Assessment.MethodologyId}: {what} (total {total}, tier {tier})";
    }
}
