using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>Submits a draft for review (the overview's button posts here).</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class AssessmentSubmitModel(
    AssessmentCommands commands,
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

        var outcome = await commands.SubmitAsync(Actor, Loaded, cancellationToken);
        return outcome.Succeeded ? Redirect(OverviewUrl(id)) : Failed(outcome, AssessmentCommandPage.InputField);
    }
}
