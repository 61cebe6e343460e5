using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// One action: its terms, the salient issues it addresses and the indicators that track it; editors change it in
/// place. An edit made on a stale page (someone saved since) is refused with 409 and nothing saved.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ActionDetailModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : ActionFormPage(db, context, clock, text)
{
    public DueDiligenceAction Action { get; private set; } = null!;

    public string? OwnerName { get; private set; }

    public IReadOnlyList<Choice> Issues { get; private set; } = [];

    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ActionForm.From(Action, Issues.Select(i => i.Id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Input.Version != Action.ConcurrencyToken)
        {
            return Conflicted();
        }

        var action = await Db.DueDiligenceActions.SingleAsync(a => a.Id == id, cancellationToken);
        if (Apply(action) is not { } issues)
        {
            ModelState.AddModelError("", Text["Error.NothingSaved"]);
            return this.InvalidForm();
        }

        var links = await Db.DueDiligenceActionIssues.Where(l => l.ActionId == id).ToListAsync(cancellationToken);
        Db.DueDiligenceActionIssues.RemoveRange(links.Where(l => !issues.Contains(l.SalientIssueId)));
        Db.DueDiligenceActionIssues.AddRange(issues.Where(i => links.All(l => l.SalientIssueId != i))
            .Select(i => new DueDiligenceActionIssue { OrganizationId = OrganizationId, ActionId = id, SalientIssueId = i }));
        Db.Entry(action).Property(a => a.ConcurrencyToken).OriginalValue = Input.Version.Value;
        action.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await audit.SaveChangesAsync(Record("action.updated", "due-diligence-action", id, Terms(action, issues.Count)), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Conflicted();
        }

        return Redirect($"/o/{Slug}/actions/{id}");
    }

    private IActionResult Conflicted()
    {
        Conflict = Text["Error.Conflict"];
        ModelState.AddModelError("", Conflict);
        Input = ActionForm.From(Action, Issues.Select(i => i.Id));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var action = await Db.DueDiligenceActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return false;
        }

        Action = action;
        await LoadChoicesAsync(cancellationToken);
        var linked = await Db.DueDiligenceActionIssues.AsNoTracking().Where(l => l.ActionId == id).Select(l => l.SalientIssueId).ToListAsync(cancellationToken);
        Issues = [.. IssueChoices.Where(i => linked.Contains(i.Id))];
        OwnerName = Members.FirstOrDefault(m => m.Id == action.OwnerUserId)?.Label;
        Indicators = await IndicatorSummary.LoadAsync(Db, i => i.ActionId == id, cancellationToken);
        return true;
    }
}
