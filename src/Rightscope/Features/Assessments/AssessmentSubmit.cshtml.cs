using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>Submits a draft for review (the overview's button posts here).</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class AssessmentSubmitModel(
    AssessmentStore store,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: false, cancellationToken);
        return lookup == Lookup.Found ? Redirect(OverviewUrl(id)) : Refuse(lookup);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        var assessment = Loaded.Assessment;
        var result = AssessmentWorkflow.Submit(assessment.Status);
        if (!result.Succeeded)
        {
            return Refused(Text["Workflow.NotDraft"]);
        }

        assessment.Status = result.Status;
        assessment.SubmittedAt = Now;
        return await SaveAsync("assessment.submitted", $"{assessment.MethodologyId}: submitted for review", cancellationToken)
            ? Redirect(OverviewUrl(id))
            : Conflicted();
    }
}
