using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// Deletes a tracking indicator with its measurements. The measurements go with it rather than blocking it: they are
/// readings of this indicator only, meaningless without its baseline and target, and nothing else refers to them;
/// the confirmation says how many there are and the audit entry keeps the count.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class TrackingIndicatorDeleteModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : HrddDeletePage(db, context, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }

        var measurements = await Db.TrackingMeasurements.Where(m => m.IndicatorId == id).ToListAsync(cancellationToken);
        Db.TrackingMeasurements.RemoveRange(measurements);
        Db.TrackingIndicators.Remove(indicator);
        var of = indicator.SalientIssueId is { } issue ? $"salient issue {issue:N}" : $"action {indicator.ActionId:N}";
        try
        {
            await audit.SaveChangesAsync(
                Record("tracking-indicator.deleted", "tracking-indicator", id, $"{Code(indicator.Kind)} indicator of {of}, {measurements.Count} measurement(s) deleted with it"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }

        return Redirect(SubjectHref(indicator));
    }

    private async Task<TrackingIndicator?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var indicator = await Db.TrackingIndicators.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        (Heading, Name, BackHref) = (Text["Delete.IndicatorTitle"], indicator.Name, $"/o/{Slug}/tracking-indicators/{id}");
        var measurements = await Db.TrackingMeasurements.CountAsync(m => m.IndicatorId == id, cancellationToken);
        Consequence = measurements > 0 ? Text["Delete.IndicatorMeasurements", measurements].Value : null;
        return indicator;
    }

    private string SubjectHref(TrackingIndicator indicator) =>
        indicator.SalientIssueId is { } issue ? $"/o/{Slug}/salient-issues/{issue}" : $"/o/{Slug}/actions/{indicator.ActionId}";
}
