using Rightscope.Core.Transparency;

namespace Rightscope.Tests.Core.Transparency;

public sealed class CountryCodesTests
{
    [Theory]
    [InlineData("de", "DE")]
    [InlineData("DEU", "DE")]
    [InlineData(" gbr ", "GB")]
    [InlineData("none", CountryCodes.None)]
    public void Iso_codes_and_none_are_accepted_and_alpha3_is_converted(string text, string expected)
    {
        var result = CountryCodes.Resolve(text, CountryMap.Empty);
        Assert.Equal((CountryStatus.Valid, expected), (result.Status, result.Code));
    }

    [Theory]
    [InlineData("UK", "GB")]
    [InlineData("EL", "GR")]
    [InlineData("XK", CountryCodes.None)]
    [InlineData("Global", CountryCodes.None)]
    [InlineData("worldwide", CountryCodes.None)]
    public void Common_non_iso_codes_are_refused_with_a_suggestion_and_never_mapped_silently(string text, string suggestion)
    {
        var result = CountryCodes.Resolve(text, CountryMap.Empty);
        Assert.Equal((CountryStatus.NotIso, null, suggestion), (result.Status, result.Code, result.Suggestion));
    }

    [Fact]
    public void A_user_mapping_maps_only_what_it_names()
    {
        var map = CountryMap.Parse(["UK=GB", "Global=none; EL=grc"]);
        Assert.Empty(map.Errors);
        Assert.Equal("GB", CountryCodes.Resolve("uk", map).Code);
        Assert.Equal("GR", CountryCodes.Resolve("EL", map).Code);
        Assert.Equal(CountryCodes.None, CountryCodes.Resolve("Global", map).Code);
        Assert.Equal(CountryStatus.NotIso, CountryCodes.Resolve("XK", map).Status);
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("UK=")]
    [InlineData("UK=Britain")]
    [InlineData("=GB")]
    public void A_malformed_mapping_entry_is_an_error(string entry) => Assert.Equal([entry], CountryMap.Parse([entry]).Errors);

    [Fact]
    public void A_country_name_is_refused_with_its_code_as_suggestion()
    {
        var result = CountryCodes.Resolve("Germany", CountryMap.Empty);
        Assert.Equal((CountryStatus.Unknown, "DE"), (result.Status, result.Suggestion));
        Assert.Equal((CountryStatus.Unknown, null), (CountryCodes.Resolve("ZZ", CountryMap.Empty).Status, CountryCodes.Resolve("ZZ", CountryMap.Empty).Suggestion));
        Assert.Equal(CountryStatus.Missing, CountryCodes.Resolve("  ", CountryMap.Empty).Status);
    }
}
