using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

/// <summary>Adds an action to the organization's action plans, optionally prefilled with one salient issue (<c>?issue=</c>).</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class ActionNewModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : ActionFormPage(db, context, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid? issue, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Input = new ActionForm
        {
            Kind = ActionSchedule.Code(ActionKind.Prevention),
            Function = ActionSchedule.Code(ActionFunction.Engineering),
            Status = ActionSchedule.Code(ActionStatus.Planned),
            OwnerUserId = UserId.ToString(),
            Issues = issue is { } id && IssueChoices.Any(i => i.Id == id) ? [id.ToString()] : [],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var action = new DueDiligenceAction { OrganizationId = OrganizationId, Title = "", CreatedByUserId = UserId, CreatedAt = Now };
        if (Apply(action) is not { } issues)
        {
            ModelState.AddModelError("", Text["Error.NothingSaved"]);
            return this.InvalidForm();
        }

        Db.DueDiligenceActions.Add(action);
        Db.DueDiligenceActionIssues.AddRange(issues.Select(i => new DueDiligenceActionIssue { OrganizationId = OrganizationId, ActionId = action.Id, SalientIssueId = i }));
        await audit.SaveChangesAsync(Record("action.created", "due-diligence-action", action.Id, Terms(action, issues.Count)), cancellationToken);
        return Redirect($"/o/{Slug}/actions/{action.Id}");
    }
}
