using Rightscope.Core.Companies;

namespace Rightscope.Tests.Core.Companies;

public sealed class CompanyNameTests
{
    [Theory]
    [InlineData("Apple Inc.", "apple")]
    [InlineData("APPLE INC", "apple")]
    [InlineData("  Alphabet   Inc.  ", "alphabet")]
    [InlineData("NSO Group Technologies Ltd", "nso group technologies")]
    [InlineData("Gamma Group", "gamma")]
    [InlineData("Sandvine Corp.", "sandvine")]
    [InlineData("Hangzhou Hikvision Digital Technology Co., Ltd.", "hangzhou hikvision digital technology")]
    [InlineData("Siemens AG", "siemens")]
    [InlineData("Koninklijke Philips N.V.", "koninklijke philips")]
    [InlineData("Koninklijke Philips N. V.", "koninklijke philips")]
    [InlineData("Leonardo S.p.A.", "leonardo")]
    [InlineData("Thales S.A.", "thales")]
    [InlineData("Robert Bosch GmbH", "robert bosch")]
    [InlineData("BAE Systems plc", "bae systems")]
    [InlineData("Example LLC", "example")]
    [InlineData("The Boeing Company", "boeing")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Groß AG", "gross")]
    [InlineData("Procter & Gamble Co", "procter and gamble")]
    [InlineData("McDonald's Corporation", "mcdonalds")]
    [InlineData("Coca-Cola Co", "coca cola")]
    [InlineData("杭州海康威视数字技术股份有限公司", "杭州海康威视数字技术")]
    [InlineData("浙江大华技术股份有限公司", "浙江大华技术")]
    [InlineData("华为技术有限公司", "华为技术")]
    [InlineData("中国电子科技集团有限公司", "中国电子科技")]
    [InlineData("ＡＢＣ　Ｈｏｌｄｉｎｇｓ，Ｌｔｄ．", "abc holdings")]
    [InlineData("腾讯控股有限公司（Tencent）", "腾讯控股有限公司 tencent")]
    [InlineData("Inc", "inc")]
    [InlineData("Group Inc", "group")]
    [InlineData("", "")]
    public void Normalizes_for_matching(string name, string expected) => Assert.Equal(expected, CompanyName.Normalize(name));

    [Fact]
    public void Legal_forms_are_removed_only_as_whole_words() => Assert.Equal("coca", CompanyName.Normalize("Coca"));

    [Fact]
    public void Normalizing_twice_changes_nothing()
    {
        foreach (var name in new[] { "Apple Inc.", "Hangzhou Hikvision Digital Technology Co., Ltd.", "杭州海康威视数字技术股份有限公司", "Leonardo S.p.A." })
        {
            var once = CompanyName.Normalize(name);
            Assert.Equal(once, CompanyName.Normalize(once));
        }
    }
}
