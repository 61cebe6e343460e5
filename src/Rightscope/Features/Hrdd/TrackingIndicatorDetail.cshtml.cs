using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Charts;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// One tracking indicator: its baseline and target, a trend chart of its measurements (quantitative) with the same
/// figures in a table beside it, the measurements with their progress, and a form to add one.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class TrackingIndicatorDetailModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : MeasurementPage(db, context, clock, text)
{
    public IReadOnlyList<TrackingMeasurement> Measurements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Measurement = new MeasurementForm { MeasuredOn = Date(Today) };
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

        var measurement = new TrackingMeasurement { OrganizationId = OrganizationId, IndicatorId = id, RecordedByUserId = UserId, CreatedAt = Now };
        if (!Apply(measurement))
        {
            return this.InvalidForm();
        }

        Db.TrackingMeasurements.Add(measurement);
        await audit.SaveChangesAsync(Record("tracking-measurement.added", "tracking-indicator", id, $"measurement {measurement.Id:N} of {Date(measurement.MeasuredOn)}"), cancellationToken);
        return Redirect($"/o/{Slug}/tracking-indicators/{id}#measurements");
    }

    /// <summary>"50 %", or "100 % (beyond the target)" when the measurement lies beyond either end; "—" without one.</summary>
    public string ProgressText(TrackingMeasurement m)
    {
        if (Indicator.ProgressOf(m.Value) is not { } progress)
        {
            return "—";
        }

        var percent = Text["Progress.Percent", progress.Percent.ToString("0", CultureInfo.CurrentCulture)].Value;
        return progress.State == ProgressState.Underway ? percent : $"{percent} ({Text[$"ProgressState.{Code(progress.State)}"]})";
    }

    /// <summary>The trend: measured values by date, with the baseline and the target as flat lines.</summary>
    public string Chart()
    {
        var labels = Measurements.Select(m => Date(m.MeasuredOn)).ToList();
        var baseline = Indicator.BaselineValue;
        var target = Indicator.TargetValue;
        return LineChart.Render(
            new ChartText("trend-chart", Text["Chart.Title", Indicator.Name], Text["Chart.Description"]),
            labels,
            [
                new LineSeries(Text["Chart.Measured"], new ChartStyle("default"), [.. Measurements.Select(m => m.Value)]),
                new LineSeries(Text["Chart.Baseline"], new ChartStyle("unassessed"), [.. labels.Select(_ => baseline)]),
                new LineSeries(Text["Chart.Target"], new ChartStyle("unassessed"), [.. labels.Select(_ => target)]),
            ],
            v => v.ToString("0.##", CultureInfo.CurrentCulture));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadIndicatorAsync(id, cancellationToken))
        {
            return false;
        }

        Measurements = await Db.TrackingMeasurements.AsNoTracking().Where(m => m.IndicatorId == id)
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        return true;
    }
}
