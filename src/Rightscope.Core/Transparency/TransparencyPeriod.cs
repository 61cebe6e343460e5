using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rightscope.Core.Transparency;

/// <summary>
/// The period a transparency report counts government requests in: a calendar year (<c>2024</c>) or one of its halves
/// (<c>2024H1</c> = January–June, <c>2024H2</c> = July–December), the periods companies publish their reports for. A
/// request belongs to the period of the day it was received.
/// </summary>
public sealed record TransparencyPeriod
{
    public const int FirstYear = 1990;

    public const int LastYear = 2200;

    private TransparencyPeriod(int year, int? half)
    {
        Year = year;
        Half = half;
    }

    public int Year { get; }

    /// <summary>1 or 2 for a half-year; null for the whole year.</summary>
    public int? Half { get; }

    public bool IsYear => Half is null;

    public DateOnly From => new(Year, Half == 2 ? 7 : 1, 1);

    public DateOnly To => new(Year, Half == 1 ? 6 : 12, Half == 1 ? 30 : 31);

    public static TransparencyPeriod OfYear(int year) => new(Check(year), null);

    public static TransparencyPeriod OfHalf(int year, int half) =>
        half is 1 or 2 ? new(Check(year), half) : throw new ArgumentOutOfRangeException(nameof(half), "A half-year is 1 or 2.");

    /// <summary>The half-year a day falls in.</summary>
    public static TransparencyPeriod HalfOf(DateOnly day) => OfHalf(day.Year, day.Month <= 6 ? 1 : 2);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Whether every day of <paramref name="other"/> is in this period (a year contains its halves).</summary>
    public bool Covers(TransparencyPeriod other) => Year == other.Year && (IsYear || Half == other.Half);

    /// <summary>The half-years this period is made of: itself, or H1 and H2 of a year.</summary>
    public IReadOnlyList<TransparencyPeriod> Halves => IsYear ? [OfHalf(Year, 1), OfHalf(Year, 2)] : [this];

    public override string ToString() =>
        Half is { } half ? string.Create(CultureInfo.InvariantCulture, $"{Year}H{half}") : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>2024</c>, <c>2024H1</c> or <c>2024H2</c> (the H in either case, surrounding spaces ignored).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TransparencyPeriod? period)
    {
        period = null;
        var value = text?.Trim();
        if (value is null || (value.Length != 4 && value.Length != 6))
        {
            return false;
        }

        if (!int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < FirstYear || year > LastYear)
        {
            return false;
        }

        if (value.Length == 4)
        {
            period = OfYear(year);
            return true;
        }

        if (value[4] is not ('H' or 'h') || value[5] is not ('1' or '2'))
        {
            return false;
        }

        period = OfHalf(year, value[5] - '0');
        return true;
    }

    public static TransparencyPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (2024, 2024H1 or 2024H2).");

    private static int Check(int year) =>
        year is >= FirstYear and <= LastYear ? year : throw new ArgumentOutOfRangeException(nameof(year), $"A period's year is {FirstYear}–{LastYear}.");
}
