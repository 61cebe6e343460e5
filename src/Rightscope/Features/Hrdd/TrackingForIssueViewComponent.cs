using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// For a salient issue's page: the actions that address the issue (overdue flagged) and the indicators that track it,
/// with links to add either. Include it with <c>@await Component.InvokeAsync("TrackingForIssue", new { issueId })</c>.
/// </summary>
public sealed class TrackingForIssueViewComponent(RightscopeDbContext db, OrganizationContext context, TimeProvider clock) : ViewComponent
{
    public sealed record Model(string Slug, Guid IssueId, bool CanEdit, DateOnly Today, IReadOnlyList<DueDiligenceAction> Actions, IReadOnlyList<IndicatorSummary> Indicators);

    public async Task<IViewComponentResult> InvokeAsync(Guid issueId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var actions = await db.DueDiligenceActions.AsNoTracking()
            .Where(a => db.DueDiligenceActionIssues.Any(l => l.ActionId == a.Id && l.SalientIssueId == issueId))
            .OrderBy(a => a.DueOn).ToListAsync(cancellationToken);
        var indicators = await IndicatorSummary.LoadAsync(db, i => i.SalientIssueId == issueId, cancellationToken);
        return View("/Features/Hrdd/_TrackingForIssue.cshtml", new Model(
            context.Current.Slug, issueId, context.Allows(Permission.EditWorkspace), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), actions, indicators));
    }
}
