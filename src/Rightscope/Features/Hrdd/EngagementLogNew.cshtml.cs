using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

/// <summary>Logs a stakeholder engagement that has taken place.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class EngagementLogNewModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : EngagementLogFormPage(db, context, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid? issue, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Input = new EngagementLogForm
        {
            HeldOn = Date(Today),
            Format = Code(EngagementFormat.Meeting),
            Region = Code(StakeholderRegion.Global),
            Issues = issue is { } id && IssueChoices.Any(i => i.Id == id) ? [id.ToString()] : [],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var engagement = new StakeholderEngagement { OrganizationId = OrganizationId, CreatedByUserId = UserId, CreatedAt = Now };
        if (Apply(engagement) is not { } applied)
        {
            return this.InvalidForm();
        }

        var (organizations, issues) = applied;

        Db.StakeholderEngagements.Add(engagement);
        await StoreLinksAsync(engagement, organizations, issues, cancellationToken);
        await audit.SaveChangesAsync(Record("stakeholder-engagement.logged", "stakeholder-engagement", engagement.Id, Terms(engagement, organizations.Count, issues.Count)), cancellationToken);
        return Redirect($"/o/{Slug}/stakeholder-engagement/{engagement.Id}");
    }
}
