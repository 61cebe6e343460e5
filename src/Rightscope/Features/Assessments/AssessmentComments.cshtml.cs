using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>
/// Adds a comment (the overview's form posts here). Reading needs ReadWorkspace; writing needs EditWorkspace or
/// Review, so a reviewer can say why work goes back to its author.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentCommentsModel(
    AssessmentCommands commands,
    AssessmentStore store,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    [BindProperty]
    public string? Body { get; set; }

    public static bool MayComment(OrganizationContext context) =>
        context.Allows(Permission.EditWorkspace) || context.Allows(Permission.Review);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.ReadWorkspace, track: false, cancellationToken);
        return lookup == Lookup.Found ? Redirect($"{OverviewUrl(id)}#comments") : Refuse(lookup);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // Checked before the lookup, like every command: a role that may not comment learns nothing about the id.
        if (!MayComment(Context))
        {
            return Forbid();
        }

        var lookup = await FindAsync(id, Permission.ReadWorkspace, track: false, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        var outcome = await commands.AddCommentAsync(Actor, Loaded, Body, cancellationToken);
        return outcome.Succeeded
            ? Redirect($"{OverviewUrl(id)}?commented=1#comments")
            : Failed(outcome, key => key == "body" ? nameof(Body) : "");
    }
}
