using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

/// <summary>One logged engagement; editors correct it in place, and a stale edit is refused with 409.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class EngagementLogDetailModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : EngagementLogFormPage(db, context, clock, text)
{
    public StakeholderEngagement Engagement { get; private set; } = null!;

    public IReadOnlyList<string> Organizations { get; private set; } = [];

    public IReadOnlyList<Choice> Issues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = EngagementLogForm.From(Engagement, Organizations, Issues.Select(i => i.Id));
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

        var version = Input.Version;
        if (version != Engagement.ConcurrencyToken)
        {
            return Conflicted();
        }

        var engagement = await Db.StakeholderEngagements.SingleAsync(e => e.Id == id, cancellationToken);
        if (Apply(engagement) is not { } applied)
        {
            return this.InvalidForm();
        }

        var (organizations, issues) = applied;

        await StoreLinksAsync(engagement, organizations, issues, cancellationToken);
        Db.Entry(engagement).Property(e => e.ConcurrencyToken).OriginalValue = version.Value;
        engagement.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await audit.SaveChangesAsync(Record("stakeholder-engagement.updated", "stakeholder-engagement", id, Terms(engagement, organizations.Count, issues.Count)), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Conflicted();
        }

        return Redirect($"/o/{Slug}/stakeholder-engagement/{id}");
    }

    private IActionResult Conflicted()
    {
        ModelState.Clear();
        ModelState.AddModelError("", Text["Error.Conflict"]);
        Input = EngagementLogForm.From(Engagement, Organizations, Issues.Select(i => i.Id));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var engagement = await Db.StakeholderEngagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return false;
        }

        Engagement = engagement;
        await LoadChoicesAsync(cancellationToken);
        Organizations = await Db.StakeholderEngagementParties.AsNoTracking().Where(p => p.EngagementId == id).OrderBy(p => p.Position).Select(p => p.Name).ToListAsync(cancellationToken);
        var linked = await Db.StakeholderEngagementIssues.AsNoTracking().Where(l => l.EngagementId == id).Select(l => l.SalientIssueId).ToListAsync(cancellationToken);
        Issues = [.. IssueChoices.Where(i => linked.Contains(i.Id))];
        return true;
    }
}
