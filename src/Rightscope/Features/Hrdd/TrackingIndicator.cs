using Rightscope.Core.Hrdd;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

public enum TrackingIndicatorKind
{
    Quantitative,
    Qualitative,
}

/// <summary>
/// An indicator that tracks whether the response to a salient issue works (UNGP 20): of exactly one salient issue or
/// one action. Quantitative indicators have numeric baseline and target values and a direction; qualitative ones
/// describe them in words and are assessed in words.
/// </summary>
public sealed class TrackingIndicator : ITenantOwned
{
    public const int NameMaxLength = 300;

    public const int UnitMaxLength = 50;

    public const int TextMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid? SalientIssueId { get; set; }

    public Guid? ActionId { get; set; }

    public required string Name { get; set; }

    public TrackingIndicatorKind Kind { get; set; }

    public string? Unit { get; set; }

    public double? BaselineValue { get; set; }

    /// <summary>The qualitative baseline in words; null for a quantitative indicator.</summary>
    public string? BaselineText { get; set; }

    public DateOnly BaselineOn { get; set; }

    public double? TargetValue { get; set; }

    public string? TargetText { get; set; }

    public DateOnly TargetOn { get; set; }

    public TrackingDirection Direction { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    /// <summary>Progress of a quantitative measurement; null for qualitative indicators or values.</summary>
    public Progress? ProgressOf(double? value) =>
        Kind == TrackingIndicatorKind.Quantitative && value is { } v && BaselineValue is { } baseline && TargetValue is { } target
            && TrackingProgress.IsConsistent(baseline, target, Direction)
            ? TrackingProgress.Compute(baseline, target, Direction, v)
            : null;
}

/// <summary>One dated measurement of a tracking indicator: a value (quantitative) or an assessment in words (qualitative).</summary>
public sealed class TrackingMeasurement : ITenantOwned
{
    public const int AssessmentMaxLength = 2000;

    public const int NoteMaxLength = 2000;

    public const int SourceMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid IndicatorId { get; set; }

    public DateOnly MeasuredOn { get; set; }

    public double? Value { get; set; }

    public string? Assessment { get; set; }

    public string Note { get; set; } = "";

    public string Source { get; set; } = "";

    public Guid RecordedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
