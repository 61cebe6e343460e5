namespace Rightscope.Core.Hrdd;

/// <summary>Which way a tracking indicator's value should move. Stored by name.</summary>
public enum TrackingDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>Where a measurement stands between an indicator's baseline and its target.</summary>
public enum ProgressState
{
    /// <summary>Worse than the baseline: the shown percentage is 0, the raw one negative.</summary>
    WorseThanBaseline,

    /// <summary>Between baseline and target.</summary>
    Underway,

    /// <summary>Exactly at the target.</summary>
    Reached,

    /// <summary>Beyond the target in the better direction: the shown percentage is 100, the raw one above it.</summary>
    Exceeded,
}

/// <summary>
/// Progress toward a target: <see cref="Raw"/> is unbounded (−50 % = half the baseline-to-target distance the wrong
/// way), <see cref="Percent"/> is clamped to 0–100 for display, and <see cref="State"/> says which side it fell on.
/// </summary>
public sealed record Progress(double Percent, double Raw, ProgressState State);

/// <summary>
/// Progress of a quantitative tracking indicator: 0 % at the baseline, 100 % at the target, linear between, for both
/// directions. A baseline equal to the target has no distance to cover: the value is either at or beyond the target
/// in the better direction (100 %) or not (0 %).
/// </summary>
public static class TrackingProgress
{
    /// <summary>Whether the target lies in the better direction from the baseline (or equals it).</summary>
    public static bool IsConsistent(double baseline, double target, TrackingDirection direction) =>
        direction == TrackingDirection.HigherIsBetter ? target >= baseline : target <= baseline;

    public static Progress Compute(double baseline, double target, TrackingDirection direction, double value)
    {
        if (!double.IsFinite(baseline) || !double.IsFinite(target) || !double.IsFinite(value))
        {
            throw new ArgumentException("Baseline, target and value are finite numbers.");
        }

        if (!IsConsistent(baseline, target, direction))
        {
            throw new ArgumentException("The target lies in the worse direction from the baseline.", nameof(target));
        }

        var better = direction == TrackingDirection.HigherIsBetter ? value - target : target - value;
        if (baseline == target)
        {
            return better > 0 ? new(100, 100, ProgressState.Exceeded) : better == 0 ? new(100, 100, ProgressState.Reached) : new(0, 0, ProgressState.WorseThanBaseline);
        }

        var raw = (value - baseline) / (target - baseline) * 100;
        if (value == target)
        {
            return new(100, 100, ProgressState.Reached);
        }

        if (value == baseline)
        {
            return new(0, 0, ProgressState.Underway);
        }

        var state = raw < 0 ? ProgressState.WorseThanBaseline : raw > 100 ? ProgressState.Exceeded : ProgressState.Underway;
        return new(Math.Clamp(raw, 0, 100), raw, state);
    }
}
