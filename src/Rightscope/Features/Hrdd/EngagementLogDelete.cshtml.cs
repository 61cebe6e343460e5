using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// Deletes an engagement log entry with the organizations it names and its links to salient issues: those are parts
/// of the entry, not records of their own (the issues themselves stay). The engagement-fatigue view counts the
/// remaining entries only, which is the point of deleting one logged by mistake.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class EngagementLogDeleteModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : HrddDeletePage(db, context, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } engagement)
        {
            return NotFound();
        }

        var parties = await Db.StakeholderEngagementParties.Where(p => p.EngagementId == id).ToListAsync(cancellationToken);
        var links = await Db.StakeholderEngagementIssues.Where(l => l.EngagementId == id).ToListAsync(cancellationToken);
        Db.StakeholderEngagementParties.RemoveRange(parties);
        Db.StakeholderEngagementIssues.RemoveRange(links);
        Db.StakeholderEngagements.Remove(engagement);
        try
        {
            await audit.SaveChangesAsync(
                Record("stakeholder-engagement.deleted", "stakeholder-engagement", id, $"{Date(engagement.HeldOn)}, {Code(engagement.Format)}, {parties.Count} organization(s), {links.Count} salient issue link(s) removed"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }

        return Redirect($"/o/{Slug}/stakeholder-engagement");
    }

    private async Task<StakeholderEngagement?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var engagement = await Db.StakeholderEngagements.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return null;
        }

        var parties = await Db.StakeholderEngagementParties.AsNoTracking().Where(p => p.EngagementId == id).OrderBy(p => p.Position).Select(p => p.Name).ToListAsync(cancellationToken);
        Heading = Text["Delete.EngagementTitle"];
        Name = $"{Text["Engagement.DetailTitle", Text[$"Format.{Code(engagement.Format)}"], Date(engagement.HeldOn)]}: {string.Join("; ", parties)}";
        (BackHref, Consequence) = ($"/o/{Slug}/stakeholder-engagement/{id}", Text["Delete.EngagementParts"]);
        return engagement;
    }
}
