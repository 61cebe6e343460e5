using System.Globalization;

namespace Rightscope.Core.Remedy;

/// <summary>
/// The period a dashboard counts cases received in: one calendar year. Only whole, non-overlapping years are offered:
/// with free from/to dates a reader could subtract two overlapping periods and recover a count that each of them
/// suppresses.
/// </summary>
public sealed record ReportingPeriod(int Year)
{
    public const int FirstYear = 2000;

    public DateOnly From => new(Year, 1, 1);

    public DateOnly To => new(Year, 12, 31);

    public bool Contains(DateOnly day) => day.Year == Year;

    /// <summary>A year from <see cref="FirstYear"/> up to the current one (<paramref name="today"/>).</summary>
    public static bool TryParse(string? value, DateOnly today, out ReportingPeriod period)
    {
        period = new ReportingPeriod(today.Year);
        if (value is null || value.Length != 4
            || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < FirstYear || year > today.Year)
        {
            return false;
        }

        period = new ReportingPeriod(year);
        return true;
    }
}
