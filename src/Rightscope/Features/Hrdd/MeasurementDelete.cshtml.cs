using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>Deletes one measurement of an indicator (a reading entered by mistake); nothing depends on a measurement.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class MeasurementDeleteModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : HrddDeletePage(db, context, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid measurementId, CancellationToken cancellationToken) =>
        await LoadAsync(id, measurementId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid measurementId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, measurementId, cancellationToken) is not { } measurement)
        {
            return NotFound();
        }

        Db.TrackingMeasurements.Remove(measurement);
        try
        {
            await audit.SaveChangesAsync(
                Record("tracking-measurement.deleted", "tracking-indicator", id, $"measurement {measurement.Id:N} of {Date(measurement.MeasuredOn)}"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }

        return Redirect($"/o/{Slug}/tracking-indicators/{id}#measurements");
    }

    private async Task<TrackingMeasurement?> LoadAsync(Guid id, Guid measurementId, CancellationToken cancellationToken)
    {
        var indicator = await Db.TrackingIndicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var measurement = indicator is null
            ? null
            : await Db.TrackingMeasurements.SingleOrDefaultAsync(m => m.Id == measurementId && m.IndicatorId == id, cancellationToken);
        if (indicator is null || measurement is null)
        {
            return null;
        }

        var reading = measurement.Value is { } value ? IndicatorFormat.Value(value, indicator.Unit) : measurement.Assessment ?? "—";
        (Heading, Name, BackHref) = (Text["Delete.MeasurementTitle"], $"{indicator.Name} · {Date(measurement.MeasuredOn)}: {reading}", $"/o/{Slug}/tracking-indicators/{id}#measurements");
        return measurement;
    }
}
