using Rightscope.Core.Companies;

namespace Rightscope.Tests.Core.Companies;

public sealed class CountryTests
{
    [Fact]
    public void Table_has_all_249_officially_assigned_codes_with_unique_alpha2_and_alpha3()
    {
        Assert.Equal(249, Country.All.Count);
        Assert.Equal(249, Country.All.Select(c => c.Alpha2).Distinct().Count());
        Assert.Equal(249, Country.All.Select(c => c.Alpha3).Distinct().Count());
        Assert.All(Country.All, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Alpha2);
            Assert.Matches("^[A-Z]{3}$", c.Alpha3);
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn));
            Assert.Contains(c.NameZhHans, ch => ch is >= '\u4E00' and <= '\u9FFF');
        });
    }

    [Fact]
    public void Alpha2_and_alpha3_lead_to_the_same_country()
    {
        foreach (var country in Country.All)
        {
            Assert.Same(country, Country.FromCode(country.Alpha2));
            Assert.Same(country, Country.FromCode(country.Alpha3.ToLowerInvariant()));
        }
    }

    [Theory]
    [InlineData("CN", "CHN", "China", "中国")]
    [InlineData("de", "DEU", "Germany", "德国")]
    [InlineData("USA", "USA", "United States", "美国")]
    [InlineData("IL", "ISR", "Israel", "以色列")]
    [InlineData("KY", "CYM", "Cayman Islands", "开曼群岛")]
    [InlineData("GS", "SGS", "South Georgia & South Sandwich Islands", "南乔治亚和南桑威奇群岛")]
    [InlineData(" hk ", "HKG", "Hong Kong SAR China", "中国香港特别行政区")]
    [InlineData("SS", "SSD", "South Sudan", "南苏丹")]
    public void Sample_codes_and_names(string code, string alpha3, string en, string zh)
    {
        Assert.True(Country.TryParse(code, out var country));
        Assert.Equal(alpha3, country.Alpha3);
        Assert.Equal(en, country.Name("en"));
        Assert.Equal(zh, country.Name("zh-Hans"));
    }

    [Theory]
    [InlineData("", IdentifierError.Empty)]
    [InlineData("U", IdentifierError.Length)]
    [InlineData("UK", IdentifierError.Unknown)] // exceptionally reserved, not assigned
    [InlineData("XK", IdentifierError.Unknown)] // user-assigned (Kosovo), not ISO
    [InlineData("ZZZ", IdentifierError.Unknown)]
    public void Unassigned_codes_are_refused(string code, IdentifierError expected)
    {
        Assert.False(Country.TryParse(code, out _, out var error));
        Assert.Equal(expected, error);
    }
}
