using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>One row of the action plans list.</summary>
public sealed record ActionRow(DueDiligenceAction Action, string? Owner, IReadOnlyList<Choice> Issues, bool Overdue);

/// <summary>
/// The organization's action plans, filtered by status, kind and salient issue; overdue actions (neither done nor
/// cancelled, due before today) are flagged, counted at the top and listed first.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ActionListModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    [FromQuery(Name = "status")]
    public string? StatusFilter { get; set; }

    [FromQuery(Name = "kind")]
    public string? KindFilter { get; set; }

    [FromQuery(Name = "issue")]
    public string? IssueFilter { get; set; }

    public IReadOnlyList<ActionRow> Rows { get; private set; } = [];

    public IReadOnlyList<Choice> IssueChoices { get; private set; } = [];

    /// <summary>Overdue actions of the whole organization, whatever the filters.</summary>
    public int OverdueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        IssueChoices = await IssueChoicesAsync(cancellationToken);
        var members = await MemberChoicesAsync(cancellationToken);
        var query = Db.DueDiligenceActions.AsNoTracking();
        if (!string.IsNullOrEmpty(StatusFilter))
        {
            var status = Choose<ActionStatus>("status", Text["Field.Status"], StatusFilter);
            query = query.Where(a => a.Status == status);
        }

        if (!string.IsNullOrEmpty(KindFilter))
        {
            var kind = Choose<ActionKind>("kind", Text["Field.Kind"], KindFilter);
            query = query.Where(a => a.Kind == kind);
        }

        if (!string.IsNullOrEmpty(IssueFilter))
        {
            var issue = ChosenIssues("issue", Text["Field.Issues"], [IssueFilter], IssueChoices).FirstOrDefault();
            query = query.Where(a => Db.DueDiligenceActionIssues.Any(l => l.ActionId == a.Id && l.SalientIssueId == issue));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var today = Today;
        OverdueCount = await Db.DueDiligenceActions.CountAsync(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled && a.DueOn < today, cancellationToken);
        var actions = await query.ToListAsync(cancellationToken);
        var ids = actions.Select(a => a.Id).ToList();
        var links = await Db.DueDiligenceActionIssues.AsNoTracking().Where(l => ids.Contains(l.ActionId)).ToListAsync(cancellationToken);
        Rows = [.. actions
            .Select(a => new ActionRow(
                a,
                members.FirstOrDefault(m => m.Id == a.OwnerUserId)?.Label,
                [.. IssueChoices.Where(i => links.Any(l => l.ActionId == a.Id && l.SalientIssueId == i.Id))],
                a.IsOverdue(today)))
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.Action.Status is ActionStatus.Done or ActionStatus.Cancelled)
            .ThenBy(r => r.Action.DueOn)
            .ThenBy(r => r.Action.Title, StringComparer.CurrentCulture)];
        return Page();
    }
}
