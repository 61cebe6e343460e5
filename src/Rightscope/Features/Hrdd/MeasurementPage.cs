using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

public sealed class MeasurementForm
{
    public string? MeasuredOn { get; set; }

    public string? Value { get; set; }

    public string? Assessment { get; set; }

    public string? Note { get; set; }

    public string? Source { get; set; }

    public Guid? Version { get; set; }

    public static MeasurementForm From(TrackingMeasurement m) => new()
    {
        MeasuredOn = HrddTrackingPage.Date(m.MeasuredOn),
        Value = IndicatorFormat.Input(m.Value),
        Assessment = m.Assessment,
        Note = m.Note,
        Source = m.Source,
        Version = m.ConcurrencyToken,
    };
}

/// <summary>What the indicator page (add) and the measurement page (edit) share: the indicator, its subject, and the measurement form's validation.</summary>
public abstract class MeasurementPage(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    [BindProperty]
    public MeasurementForm Measurement { get; set; } = new();

    public TrackingIndicator Indicator { get; private set; } = null!;

    /// <summary>The salient issue or action the indicator tracks, and where it lives.</summary>
    public (string Label, string Href, bool IsIssue) Subject { get; private set; }

    protected async Task<bool> LoadIndicatorAsync(Guid id, CancellationToken cancellationToken)
    {
        var indicator = await Db.TrackingIndicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return false;
        }

        Indicator = indicator;
        if (indicator.SalientIssueId is { } issueId)
        {
            var title = await Db.SalientIssues.AsNoTracking().Where(i => i.Id == issueId).Select(i => i.Title).SingleOrDefaultAsync(cancellationToken);
            Subject = (title ?? "—", $"/o/{Slug}/salient-issues/{issueId}", true);
        }
        else
        {
            var title = await Db.DueDiligenceActions.AsNoTracking().Where(a => a.Id == indicator.ActionId).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken);
            Subject = (title ?? "—", $"/o/{Slug}/actions/{indicator.ActionId}", false);
        }

        return true;
    }

    /// <summary>Validates the measurement form into <paramref name="measurement"/>; false with field errors and the measurement untouched.</summary>
    protected bool Apply(TrackingMeasurement measurement)
    {
        var on = RequiredDate("Measurement.MeasuredOn", Text["Field.MeasuredOn"], Measurement.MeasuredOn);
        if (ErrorOf("Measurement.MeasuredOn") is null && on > Today)
        {
            Fail("Measurement.MeasuredOn", Text["Error.MeasuredOnFuture"]);
        }

        double? value = null;
        string? assessment = null;
        if (Indicator.Kind == TrackingIndicatorKind.Quantitative)
        {
            value = OptionalNumber("Measurement.Value", Text["Field.Value"], Measurement.Value);
            if (value is null && ErrorOf("Measurement.Value") is null)
            {
                Fail("Measurement.Value", Text["Error.NumberRequired", Text["Field.Value"]]);
            }
        }
        else
        {
            assessment = RequiredText("Measurement.Assessment", Text["Field.Assessment"], Measurement.Assessment, TrackingMeasurement.AssessmentMaxLength);
        }

        var note = OptionalText("Measurement.Note", Text["Field.Note"], Measurement.Note, TrackingMeasurement.NoteMaxLength);
        var source = OptionalText("Measurement.Source", Text["Field.Source"], Measurement.Source, TrackingMeasurement.SourceMaxLength);
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", Text["Error.NothingSaved"]);
            return false;
        }

        (measurement.MeasuredOn, measurement.Value, measurement.Assessment, measurement.Note, measurement.Source, measurement.UpdatedAt) = (on, value, assessment, note, source, Now);
        return true;
    }
}
