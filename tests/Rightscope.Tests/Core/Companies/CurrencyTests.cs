using FsCheck;
using FsCheck.Xunit;
using Rightscope.Core.Money;

namespace Rightscope.Tests.Core.Companies;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("usd", 2)]
    [InlineData("CNY", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("CLF", 4)]
    public void Minor_units_follow_iso_4217(string code, int minorUnits) =>
        Assert.Equal(minorUnits, Currency.FromCode(code).MinorUnits);

    [Theory]
    [InlineData("XAU")]
    [InlineData("XXX")]
    [InlineData("HRK")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Codes_without_a_minor_unit_or_withdrawn_are_unknown(string code) =>
        Assert.False(Currency.TryParse(code, out _));

    [Fact]
    public void Codes_are_unique_three_upper_case_letters() =>
        Assert.All(Currency.All, c => Assert.Matches("^[A-Z]{3}$", c.Code));

    [Theory]
    [InlineData("EUR", "12.34", 1234)]
    [InlineData("EUR", "-0.5", -50)]
    [InlineData("EUR", "12.340000", 1234)]
    [InlineData("JPY", "1500", 1500)]
    [InlineData("KWD", "1.234", 1234)]
    [InlineData("CLF", "0.0001", 1)]
    public void Amounts_convert_to_minor_units(string code, string amount, long expected) =>
        Assert.Equal(expected, Currency.FromCode(code).ToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("EUR", "12.345")]
    [InlineData("JPY", "1.5")]
    [InlineData("KWD", "0.0001")]
    public void Amounts_finer_than_the_minor_unit_are_refused(string code, string amount)
    {
        var currency = Currency.FromCode(code);
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(currency.TryToMinorUnits(value, out _));
        Assert.Throws<ArgumentException>(() => currency.ToMinorUnits(value));
    }

    [Fact]
    public void Amounts_beyond_a_long_overflow() =>
        Assert.Throws<OverflowException>(() => Currency.FromCode("EUR").ToMinorUnits(decimal.MaxValue / 10));

    [Theory]
    [InlineData("EUR", 1234, "12.34")]
    [InlineData("EUR", 1200, "12.00")]
    [InlineData("EUR", -5, "-0.05")]
    [InlineData("JPY", 1500, "1500")]
    [InlineData("KWD", 1, "0.001")]
    public void Minor_units_convert_back_with_the_currency_scale(string code, long minor, string expected) =>
        Assert.Equal(expected, Currency.FromCode(code).FromMinorUnits(minor).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Property(MaxTest = 500)]
    public bool Minor_units_round_trip(long minor, PositiveInt pick)
    {
        var currency = Currency.All[pick.Get % Currency.All.Count];
        return currency.ToMinorUnits(currency.FromMinorUnits(minor)) == minor;
    }

    [Theory]
    [InlineData("EUR", "12.345", "12.35")]
    [InlineData("EUR", "-12.345", "-12.35")]
    [InlineData("JPY", "0.5", "1")]
    public void Round_goes_half_away_from_zero(string code, string amount, string expected) =>
        Assert.Equal(expected, Currency.FromCode(code).Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
