using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Hrdd;

namespace Rightscope.Tests.Core.Hrdd;

public sealed class TrackingProgressTests
{
    [Theory]
    [InlineData(10, 50, 10, 0, ProgressState.Underway)]
    [InlineData(10, 50, 30, 50, ProgressState.Underway)]
    [InlineData(10, 50, 50, 100, ProgressState.Reached)]
    [InlineData(10, 50, 70, 100, ProgressState.Exceeded)]
    [InlineData(10, 50, 0, 0, ProgressState.WorseThanBaseline)]
    public void Higher_is_better_runs_from_0_at_the_baseline_to_100_at_the_target(double baseline, double target, double value, double percent, ProgressState state)
    {
        var progress = TrackingProgress.Compute(baseline, target, TrackingDirection.HigherIsBetter, value);
        Assert.Equal((percent, state), (progress.Percent, progress.State));
    }

    [Theory]
    [InlineData(40, 10, 40, 0, ProgressState.Underway)]
    [InlineData(40, 10, 25, 50, ProgressState.Underway)]
    [InlineData(40, 10, 10, 100, ProgressState.Reached)]
    [InlineData(40, 10, 4, 100, ProgressState.Exceeded)]
    [InlineData(40, 10, 55, 0, ProgressState.WorseThanBaseline)]
    public void Lower_is_better_runs_the_other_way(double baseline, double target, double value, double percent, ProgressState state)
    {
        var progress = TrackingProgress.Compute(baseline, target, TrackingDirection.LowerIsBetter, value);
        Assert.Equal((percent, state), (progress.Percent, progress.State));
    }

    [Fact]
    public void Beyond_either_end_the_raw_figure_says_how_far()
    {
        Assert.Equal(-50, TrackingProgress.Compute(40, 10, TrackingDirection.LowerIsBetter, 55).Raw);
        Assert.Equal(150, TrackingProgress.Compute(10, 50, TrackingDirection.HigherIsBetter, 70).Raw);
    }

    [Fact]
    public void A_target_equal_to_the_baseline_is_met_or_not()
    {
        Assert.Equal(ProgressState.Reached, TrackingProgress.Compute(0, 0, TrackingDirection.LowerIsBetter, 0).State);
        Assert.Equal(100, TrackingProgress.Compute(0, 0, TrackingDirection.LowerIsBetter, -1).Percent);
        Assert.Equal((0, ProgressState.WorseThanBaseline), (TrackingProgress.Compute(0, 0, TrackingDirection.LowerIsBetter, 3).Percent, TrackingProgress.Compute(0, 0, TrackingDirection.LowerIsBetter, 3).State));
    }

    [Fact]
    public void A_target_in_the_worse_direction_is_refused()
    {
        Assert.False(TrackingProgress.IsConsistent(10, 5, TrackingDirection.HigherIsBetter));
        Assert.Throws<ArgumentException>(() => TrackingProgress.Compute(10, 5, TrackingDirection.HigherIsBetter, 7));
        Assert.Throws<ArgumentException>(() => TrackingProgress.Compute(10, 20, TrackingDirection.HigherIsBetter, double.NaN));
    }

    private static Arbitrary<(double Baseline, double Target, double Value, TrackingDirection Direction)> Cases() =>
        (from baseline in Gen.Choose(-10_000, 10_000)
         from distance in Gen.Choose(1, 10_000)
         from value in Gen.Choose(-30_000, 30_000)
         from lower in Gen.Elements(false, true)
         let direction = lower ? TrackingDirection.LowerIsBetter : TrackingDirection.HigherIsBetter
         select ((double)baseline, (double)(lower ? baseline - distance : baseline + distance), value / 1.0, direction)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property The_baseline_is_0_and_the_target_is_100_in_both_directions() =>
        Prop.ForAll(Cases(), c =>
            TrackingProgress.Compute(c.Baseline, c.Target, c.Direction, c.Baseline).Percent == 0
            && TrackingProgress.Compute(c.Baseline, c.Target, c.Direction, c.Target).Percent == 100);

    [Property(MaxTest = 500)]
    public Property The_shown_percentage_stays_within_0_and_100_and_agrees_with_the_state() =>
        Prop.ForAll(Cases(), c =>
        {
            var p = TrackingProgress.Compute(c.Baseline, c.Target, c.Direction, c.Value);
            return p.Percent is >= 0 and <= 100
                && p.State switch
                {
                    ProgressState.WorseThanBaseline => p.Percent == 0 && p.Raw < 0,
                    ProgressState.Exceeded => p.Percent == 100 && p.Raw > 100,
                    ProgressState.Reached => p.Percent == 100,
                    _ => p.Percent == p.Raw,
                };
        });

    [Property(MaxTest = 500)]
    public Property A_better_value_never_shows_less_progress() =>
        Prop.ForAll(Cases(), Gen.Choose(0, 5_000).ToArbitrary(), (c, step) =>
        {
            var better = c.Direction == TrackingDirection.HigherIsBetter ? c.Value + step : c.Value - step;
            var before = TrackingProgress.Compute(c.Baseline, c.Target, c.Direction, c.Value);
            var after = TrackingProgress.Compute(c.Baseline, c.Target, c.Direction, better);
            return after.Raw >= before.Raw && after.Percent >= before.Percent;
        });
}
