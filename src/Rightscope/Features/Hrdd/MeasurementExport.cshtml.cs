using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Exports;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// An indicator's measurements as CSV: one header row, then one row per measurement in date order —
/// <c>indicator,measured_on,value,unit,assessment,progress_percent,note,source</c>. Values and percentages are
/// invariant-culture numbers (progress unclamped, empty for qualitative indicators); every text goes through
/// <see cref="SafeCsv"/>, so a note cannot run as a spreadsheet formula.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class MeasurementExportModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text)
    : MeasurementPage(db, context, clock, text)
{
    public static readonly string[] Header = ["indicator", "measured_on", "value", "unit", "assessment", "progress_percent", "note", "source"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadIndicatorAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var measurements = await Db.TrackingMeasurements.AsNoTracking().Where(m => m.IndicatorId == id)
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append(SafeCsv.Line(Header)).Append("\r\n");
        foreach (var m in measurements)
        {
            csv.Append(SafeCsv.Line(
            [
                Indicator.Name,
                Date(m.MeasuredOn),
                m.Value is { } value ? IndicatorFormat.Invariant(value) : "",
                Indicator.Unit ?? "",
                m.Assessment ?? "",
                Indicator.ProgressOf(m.Value) is { } progress ? IndicatorFormat.Invariant(Math.Round(progress.Raw, 2)) : "",
                m.Note,
                m.Source,
            ])).Append("\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"tracking-indicator-{id:N}-{Date(Today)}.csv");
    }
}
