using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// Deletes an action and its links to salient issues (the issues stay). An action that tracking indicators still
/// track is refused: their measurements are the record of whether the action worked (UNGP 20), and deleting the
/// action would silently take them with it, so the editor deletes those indicators first, knowingly.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class ActionDeleteModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : HrddDeletePage(db, context, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } action)
        {
            return NotFound();
        }

        if (Blocker is not null)
        {
            return Refused();
        }

        var links = await Db.DueDiligenceActionIssues.Where(l => l.ActionId == id).ToListAsync(cancellationToken);
        Db.DueDiligenceActionIssues.RemoveRange(links);
        Db.DueDiligenceActions.Remove(action);
        try
        {
            await audit.SaveChangesAsync(Record("action.deleted", "due-diligence-action", id, Terms(action, links.Count)), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }

        return Redirect($"/o/{Slug}/actions");
    }

    private async Task<DueDiligenceAction?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var action = await Db.DueDiligenceActions.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return null;
        }

        (Heading, Name, BackHref) = (Text["Delete.ActionTitle"], action.Title, $"/o/{Slug}/actions/{id}");
        Consequence = Text["Delete.ActionLinks"];
        var indicators = await Db.TrackingIndicators.CountAsync(i => i.ActionId == id, cancellationToken);
        Blocker = indicators > 0 ? Text["Delete.ActionHasIndicators", indicators].Value : null;
        return action;
    }

    /// <summary>The audit summary: kind, status, due date and the issue links removed, never the title or description.</summary>
    private static string Terms(DueDiligenceAction a, int links) =>
        $"{Code(a.Kind)}, {Code(a.Status)}, due {Date(a.DueOn)}, {links} salient issue link(s) removed";
}
