namespace Rightscope.Core.Remedy;

/// <summary>
/// How many days something took across cases: the median (the mean of the two middle values for an even count) and the
/// 90th percentile (nearest rank). Both are withheld when fewer cases than the suppression threshold were measured,
/// since a median of two cases tells about each of them. The number of cases measured is not kept: shown beside the
/// stage counts it could reveal a suppressed one by subtraction.
/// </summary>
public sealed record DayStatistics(double? Median, int? Percentile90, bool TooFew)
{
    public static readonly DayStatistics None = new(null, null, false);

    public static DayStatistics Of(IEnumerable<int> days, int threshold)
    {
        var sorted = days.Order().ToList();
        if (sorted.Count == 0)
        {
            return None;
        }

        if (sorted.Count < threshold)
        {
            return new DayStatistics(null, null, TooFew: true);
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        var rank = (int)Math.Ceiling(0.9 * sorted.Count);
        return new DayStatistics(median, sorted[rank - 1], TooFew: false);
    }
}
