using System.Globalization;

namespace Rightscope.Core.Indicators;

/// <summary>
/// The years a statistics page shows, from <c>?from=YYYY&amp;to=YYYY</c>: by default the last
/// <see cref="DefaultSpan"/> calendar years up to the current one. Each bound is a plain four-digit year from
/// <see cref="FirstYear"/> to the current year, the first not after the last, and at most <see cref="MaxSpan"/> years
/// in all so a table stays readable.
/// </summary>
public static class StatisticsYears
{
    public const int DefaultSpan = 5;

    public const int MaxSpan = 30;

    public const int FirstYear = 1990;

    /// <summary>A problem with one of the two query values: which (<c>from</c> or <c>to</c>) and why.</summary>
    public sealed record Error(string Field, StatisticsYearsProblem Problem);

    public static IReadOnlyList<int> Default(int currentYear) => [.. Enumerable.Range(currentYear - DefaultSpan + 1, DefaultSpan)];

    /// <summary>The years from the two query values, or the errors naming the field; empty values take the default.</summary>
    public static IReadOnlyList<int> Parse(string? from, string? to, int currentYear, out IReadOnlyList<Error> errors)
    {
        var problems = new List<Error>();
        var last = Year(to, "to", currentYear, problems) ?? currentYear;
        var first = Year(from, "from", currentYear, problems) ?? Math.Max(FirstYear, last - DefaultSpan + 1);
        if (problems.Count == 0 && first > last)
        {
            problems.Add(new Error("from", StatisticsYearsProblem.AfterLast));
        }
        else if (problems.Count == 0 && last - first + 1 > MaxSpan)
        {
            problems.Add(new Error("to", StatisticsYearsProblem.TooMany));
        }

        errors = problems;
        return problems.Count > 0 ? [] : [.. Enumerable.Range(first, last - first + 1)];
    }

    private static int? Year(string? value, string field, int currentYear, List<Error> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length == 4
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year >= FirstYear
            && year <= currentYear)
        {
            return year;
        }

        problems.Add(new Error(field, StatisticsYearsProblem.NotAYear));
        return null;
    }
}

public enum StatisticsYearsProblem
{
    /// <summary>Not a four-digit year from <see cref="StatisticsYears.FirstYear"/> to the current year.</summary>
    NotAYear,

    /// <summary>The first year is after the last.</summary>
    AfterLast,

    /// <summary>More than <see cref="StatisticsYears.MaxSpan"/> years.</summary>
    TooMany,
}
