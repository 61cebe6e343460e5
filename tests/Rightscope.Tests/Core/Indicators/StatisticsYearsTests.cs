using Rightscope.Core.Indicators;

namespace Rightscope.Tests.Core.Indicators;

public sealed class StatisticsYearsTests
{
    [Fact]
    public void Without_values_the_last_five_years_are_shown()
    {
        Assert.Equal([2022, 2023, 2024, 2025, 2026], StatisticsYears.Parse(null, "", 2026, out var errors));
        Assert.Empty(errors);
        Assert.Equal([2018, 2019, 2020], StatisticsYears.Parse("2018", "2020", 2026, out _));
        Assert.Equal([2024, 2025, 2026], StatisticsYears.Parse("2024", null, 2026, out _));
        Assert.Equal([2016, 2017, 2018, 2019, 2020], StatisticsYears.Parse(null, "2020", 2026, out _));
        Assert.Equal([1990, 1991], StatisticsYears.Parse(null, "1991", 2026, out _));
    }

    [Theory]
    [InlineData("abcd", null, "from", StatisticsYearsProblem.NotAYear)]
    [InlineData("+2024", null, "from", StatisticsYearsProblem.NotAYear)]
    [InlineData("1989", null, "from", StatisticsYearsProblem.NotAYear)]
    [InlineData(null, "2027", "to", StatisticsYearsProblem.NotAYear)]
    [InlineData(null, "20245", "to", StatisticsYearsProblem.NotAYear)]
    [InlineData("2025", "2024", "from", StatisticsYearsProblem.AfterLast)]
    [InlineData("1990", "2026", "to", StatisticsYearsProblem.TooMany)]
    public void Bad_values_name_their_field_and_give_no_years(string? from, string? to, string field, StatisticsYearsProblem problem)
    {
        var years = StatisticsYears.Parse(from, to, 2026, out var errors);

        Assert.Empty(years);
        Assert.Equal(new StatisticsYears.Error(field, problem), Assert.Single(errors));
    }
}
