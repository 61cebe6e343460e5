using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

public sealed class IndicatorForm
{
    /// <summary>What the indicator tracks: <c>issue:{id}</c> or <c>action:{id}</c> — exactly one, by construction.</summary>
    public string? Subject { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Unit { get; set; }

    public string? Baseline { get; set; }

    public string? BaselineOn { get; set; }

    public string? Target { get; set; }

    public string? TargetOn { get; set; }

    public string? Direction { get; set; }
}

/// <summary>
/// Adds a tracking indicator to one salient issue or one action (<c>?issue=</c> or <c>?action=</c> preselects it).
/// A quantitative indicator's baseline and target are numbers, and the target must lie in the better direction; a
/// qualitative one describes both in words.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class TrackingIndicatorNewModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, AuditTrail audit, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public IReadOnlyList<Choice> IssueChoices { get; private set; } = [];

    public IReadOnlyList<Choice> ActionChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? issue, Guid? action, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new IndicatorForm
        {
            Subject = issue is { } i && IssueChoices.Any(c => c.Id == i) ? $"issue:{i}" : action is { } a && ActionChoices.Any(c => c.Id == a) ? $"action:{a}" : null,
            Kind = Code(TrackingIndicatorKind.Quantitative),
            Direction = Code(TrackingDirection.HigherIsBetter),
            BaselineOn = Date(Today),
            TargetOn = Date(Today.AddYears(1)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var indicator = new TrackingIndicator { OrganizationId = OrganizationId, Name = "", CreatedByUserId = UserId, CreatedAt = Now, UpdatedAt = Now };
        var subject = Input.Subject?.Split(':', 2);
        if (subject is [var type, var value] && Guid.TryParse(value, out var id)
            && ((type == "issue" && IssueChoices.Any(c => c.Id == id)) || (type == "action" && ActionChoices.Any(c => c.Id == id))))
        {
            (indicator.SalientIssueId, indicator.ActionId) = type == "issue" ? ((Guid?)id, (Guid?)null) : (null, id);
        }
        else
        {
            Fail("Input.Subject", Text["Error.SubjectInvalid"]);
        }

        indicator.Name = RequiredText("Input.Name", Text["Field.Name"], Input.Name, TrackingIndicator.NameMaxLength);
        indicator.Kind = Choose<TrackingIndicatorKind>("Input.Kind", Text["Field.IndicatorKind"], Input.Kind);
        indicator.Unit = OptionalText("Input.Unit", Text["Field.Unit"], Input.Unit, TrackingIndicator.UnitMaxLength) is { Length: > 0 } unit ? unit : null;
        indicator.Direction = Choose<TrackingDirection>("Input.Direction", Text["Field.Direction"], Input.Direction);
        indicator.BaselineOn = RequiredDate("Input.BaselineOn", Text["Field.BaselineOn"], Input.BaselineOn);
        indicator.TargetOn = RequiredDate("Input.TargetOn", Text["Field.TargetOn"], Input.TargetOn);
        if (ErrorOf("Input.BaselineOn") is null && ErrorOf("Input.TargetOn") is null && indicator.TargetOn <= indicator.BaselineOn)
        {
            Fail("Input.TargetOn", Text["Error.TargetOnBeforeBaseline"]);
        }

        if (indicator.Kind == TrackingIndicatorKind.Quantitative)
        {
            indicator.BaselineValue = OptionalNumber("Input.Baseline", Text["Field.Baseline"], Input.Baseline);
            indicator.TargetValue = OptionalNumber("Input.Target", Text["Field.Target"], Input.Target);
            if (indicator.BaselineValue is null && ErrorOf("Input.Baseline") is null)
            {
                Fail("Input.Baseline", Text["Error.NumberRequired", Text["Field.Baseline"]]);
            }

            if (indicator.TargetValue is null && ErrorOf("Input.Target") is null)
            {
                Fail("Input.Target", Text["Error.NumberRequired", Text["Field.Target"]]);
            }

            if (indicator.BaselineValue is { } b && indicator.TargetValue is { } t && ErrorOf("Input.Direction") is null && !TrackingProgress.IsConsistent(b, t, indicator.Direction))
            {
                Fail("Input.Target", Text[indicator.Direction == TrackingDirection.HigherIsBetter ? "Error.TargetBelowBaseline" : "Error.TargetAboveBaseline"]);
            }
        }
        else
        {
            indicator.BaselineText = RequiredText("Input.Baseline", Text["Field.Baseline"], Input.Baseline, TrackingIndicator.TextMaxLength);
            indicator.TargetText = RequiredText("Input.Target", Text["Field.Target"], Input.Target, TrackingIndicator.TextMaxLength);
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", Text["Error.NothingSaved"]);
            return this.InvalidForm();
        }

        Db.TrackingIndicators.Add(indicator);
        var of = indicator.SalientIssueId is { } issue ? $"salient issue {issue:N}" : $"action {indicator.ActionId:N}";
        await audit.SaveChangesAsync(
            Record("tracking-indicator.created", "tracking-indicator", indicator.Id, $"{Code(indicator.Kind)} indicator of {of}, {Code(indicator.Direction)}, baseline {Date(indicator.BaselineOn)}, target {Date(indicator.TargetOn)}"),
            cancellationToken);
        return Redirect($"/o/{Slug}/tracking-indicators/{indicator.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IssueChoices = await IssueChoicesAsync(cancellationToken);
        ActionChoices = [.. (await Db.DueDiligenceActions.AsNoTracking().Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken))
            .Select(a => new Choice(a.Id, a.Title)).OrderBy(c => c.Label, StringComparer.CurrentCulture)];
    }
}
