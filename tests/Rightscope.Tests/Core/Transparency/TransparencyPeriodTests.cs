using FsCheck.Xunit;
using Rightscope.Core.Transparency;

namespace Rightscope.Tests.Core.Transparency;

public sealed class TransparencyPeriodTests
{
    [Theory]
    [InlineData("2024", 2024, null, "2024-01-01", "2024-12-31")]
    [InlineData("2024H1", 2024, 1, "2024-01-01", "2024-06-30")]
    [InlineData("2024h2", 2024, 2, "2024-07-01", "2024-12-31")]
    [InlineData(" 2023H2 ", 2023, 2, "2023-07-01", "2023-12-31")]
    public void Parses_years_and_half_years(string text, int year, int? half, string from, string to)
    {
        Assert.True(TransparencyPeriod.TryParse(text, out var period));
        Assert.Equal((year, half), (period.Year, period.Half));
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period.From, period.To));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024H3")]
    [InlineData("2024H0")]
    [InlineData("2024Q1")]
    [InlineData("2024-H1")]
    [InlineData("H12024")]
    [InlineData("1989")]
    [InlineData("٢٠٢٤")]
    [InlineData("+2024")]
    public void Refuses_anything_else(string? text) => Assert.False(TransparencyPeriod.TryParse(text, out _));

    [Property(MaxTest = 300)]
    public bool Formatting_and_parsing_round_trip(ushort seed, bool half, bool second)
    {
        var year = TransparencyPeriod.FirstYear + seed % (TransparencyPeriod.LastYear - TransparencyPeriod.FirstYear + 1);
        var period = half ? TransparencyPeriod.OfHalf(year, second ? 2 : 1) : TransparencyPeriod.OfYear(year);
        return TransparencyPeriod.TryParse(period.ToString(), out var parsed) && parsed == period;
    }

    [Property(MaxTest = 300)]
    public bool Every_day_is_in_exactly_one_half_and_in_its_year(ushort offset)
    {
        var day = new DateOnly(2000, 1, 1).AddDays(offset % 20_000);
        var half = TransparencyPeriod.HalfOf(day);
        var other = TransparencyPeriod.OfHalf(day.Year, half.Half == 1 ? 2 : 1);
        return half.Contains(day) && !other.Contains(day) && TransparencyPeriod.OfYear(day.Year).Contains(day)
            && TransparencyPeriod.OfYear(day.Year).Covers(half);
    }
}
