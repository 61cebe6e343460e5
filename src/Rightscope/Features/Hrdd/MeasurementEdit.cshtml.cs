using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

/// <summary>Corrects one measurement; an edit made on a stale page is refused with 409 and nothing saved.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class MeasurementEditModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : MeasurementPage(db, context, clock, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid measurementId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, measurementId, cancellationToken) is not { } measurement)
        {
            return NotFound();
        }

        Measurement = MeasurementForm.From(measurement);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid measurementId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, measurementId, cancellationToken) is not { } measurement)
        {
            return NotFound();
        }

        var version = Measurement.Version;
        if (version != measurement.ConcurrencyToken)
        {
            return Conflicted(measurement);
        }

        if (!Apply(measurement))
        {
            return this.InvalidForm();
        }

        Db.Entry(measurement).Property(m => m.ConcurrencyToken).OriginalValue = version.Value;
        measurement.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await audit.SaveChangesAsync(Record("tracking-measurement.updated", "tracking-indicator", id, $"measurement {measurement.Id:N} of {Date(measurement.MeasuredOn)}"), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            return Conflicted(await Db.TrackingMeasurements.AsNoTracking().SingleAsync(m => m.Id == measurementId, cancellationToken));
        }

        return Redirect($"/o/{Slug}/tracking-indicators/{id}#measurements");
    }

    private IActionResult Conflicted(TrackingMeasurement current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", Text["Error.Conflict"]);
        Measurement = MeasurementForm.From(current);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<TrackingMeasurement?> FindAsync(Guid id, Guid measurementId, CancellationToken cancellationToken) =>
        await LoadIndicatorAsync(id, cancellationToken)
            ? await Db.TrackingMeasurements.SingleOrDefaultAsync(m => m.Id == measurementId && m.IndicatorId == id, cancellationToken)
            : null;
}
