using Rightscope.Core.Indicators;

namespace Rightscope.Tests.Core.Indicators;

public sealed class IndicatorCatalogTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    [Fact]
    public void The_shipped_indicator_catalog_loads_with_the_e_government_example()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, "Rightscope.slnx")), $"{RepositoryRoot} is not the repository root");

        var catalog = IndicatorCatalog.Load(Path.Combine(RepositoryRoot, "catalog"), out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Contains(catalog.Indicators, i => i.Key == "internet-use" && i.Pillar == IndicatorPillar.Use);
        Assert.Contains(catalog.Indicators, i => i.Key == "broadband-price-share" && !i.HigherIsBetter);
        var egov = catalog.Index("e-government")!;
        Assert.Equal(IndexNormalization.ZScoreMinMax, egov.Normalization);
        Assert.True(egov.EqualWeights);
        Assert.Equal(["egov-online-services", "egov-telecom-infrastructure", "egov-human-capital"], egov.Components.Select(c => c.IndicatorKey));
        Assert.All(catalog.Indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Description.ZhHans)));
    }

    [Fact]
    public void Every_problem_of_a_bad_catalog_is_reported()
    {
        const string indicators = """
            format: rightscope/indicators@1
            indicators:
              - key: Bad Key
                name: { en: Only English }
                unit: percent
                pillar: nowhere
                source: test
            """;
        const string index = """
            format: rightscope/index@1
            key: broken
            name: { en: Broken, zh-Hans: 坏 }
            description: { en: Broken, zh-Hans: 坏 }
            normalization: rank
            weights: given
            missing: reweight
            min-components: 5
            components:
              - indicator: no-such-indicator
            source: test
            """;

        IndicatorCatalog.Parse([("indicators/a.yaml", indicators), ("indices/b.yaml", index)], out var errors);

        Assert.Contains(errors, e => e.Contains("indicator key 'Bad Key'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("name needs both 'en' and 'zh-Hans'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("higher-is-better is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("pillar must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("normalization must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'no-such-indicator' is not an indicator of the catalog", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("at least one component", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_field_is_an_error_with_its_line()
    {
        IndicatorCatalog.Parse([("indicators/a.yaml", "format: rightscope/indicators@1\nindicatorz: []\n")], out var errors);

        Assert.Contains(errors, e => e.StartsWith("indicators/a.yaml:2:", StringComparison.Ordinal));
    }
}
