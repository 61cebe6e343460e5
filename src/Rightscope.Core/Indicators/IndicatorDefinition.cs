namespace Rightscope.Core.Indicators;

/// <summary>
/// The stage of the digital divide an indicator measures (seed <c>004</c>): access to connectivity and devices, use of
/// the internet and digital services, and the skills to use them; e-government measures public digital services.
/// </summary>
public enum IndicatorPillar
{
    Access,
    Use,
    Skills,
    EGovernment,
}

/// <summary>A text in both interface languages.</summary>
public sealed record BilingualText(string En, string ZhHans)
{
    /// <summary>The text in <paramref name="language"/> (zh, zh-Hans… give Chinese; anything else English).</summary>
    public string In(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhHans : En;
}

/// <summary>
/// An indicator of the catalog (<c>catalog/indicators/*.yaml</c>): its stable key, names and what it measures in both
/// languages, the unit its values are in, and whether a higher value is the better one (which orients composite
/// indices and gaps).
/// </summary>
public sealed record IndicatorDefinition(
    string Key,
    BilingualText Name,
    BilingualText Description,
    string Unit,
    bool HigherIsBetter,
    IndicatorPillar Pillar,
    string Source);
