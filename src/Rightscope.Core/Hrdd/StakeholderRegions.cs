namespace Rightscope.Core.Hrdd;

/// <summary>
/// Where an engagement took place: the regions of the UN Statistics Division's M49 standard (Africa, the Americas and
/// Oceania split the way M49's intermediate regions split them), plus <see cref="Global"/> for engagements not tied to
/// one region. Stored by name; append new values at the end.
/// </summary>
public enum StakeholderRegion
{
    NorthernAfrica,
    SubSaharanAfrica,
    LatinAmericaAndCaribbean,
    NorthernAmerica,
    CentralAsia,
    EasternAsia,
    SouthEasternAsia,
    SouthernAsia,
    WesternAsia,
    EasternEurope,
    NorthernEurope,
    SouthernEurope,
    WesternEurope,
    AustraliaAndNewZealand,
    PacificIslands,
    Global,
}

/// <summary>
/// The Global South flag of an engagement, derived rather than chosen, following UN Trade and Development's
/// classification of developing economies by M49 region: Africa, Latin America and the Caribbean, Asia and Oceania
/// are the Global South except the developed economies among them (Japan, the Republic of Korea, Israel, Cyprus,
/// Australia, New Zealand); Northern America and Europe are not. A country, when given, decides over the region;
/// an engagement across regions (<see cref="StakeholderRegion.Global"/>) without a country is not counted as either.
/// </summary>
public static class StakeholderRegions
{
    /// <summary>Developed economies inside regions that are otherwise Global South.</summary>
    private static readonly HashSet<string> DevelopedInSouthernRegions = new(StringComparer.OrdinalIgnoreCase) { "JP", "KR", "IL", "CY", "AU", "NZ" };

    /// <summary>Countries of Northern America and Europe's regions — the others given with a country are Global South.</summary>
    private static readonly HashSet<string> NorthernCountries = new(StringComparer.OrdinalIgnoreCase)
    {
        "US", "CA", "BM", "GL", "PM",
        "AL", "AD", "AT", "BY", "BE", "BA", "BG", "HR", "CZ", "DK", "EE", "FO", "FI", "FR", "DE", "GI", "GR", "GG", "VA", "HU", "IS", "IE",
        "IM", "IT", "JE", "LV", "LI", "LT", "LU", "MT", "MC", "ME", "NL", "MK", "NO", "PL", "PT", "MD", "RO", "RU", "SM", "RS", "SK", "SI",
        "ES", "SJ", "SE", "CH", "UA", "GB", "AX", "XK",
    };

    public static bool IsGlobalSouth(StakeholderRegion region) => region switch
    {
        StakeholderRegion.NorthernAmerica or StakeholderRegion.EasternEurope or StakeholderRegion.NorthernEurope
            or StakeholderRegion.SouthernEurope or StakeholderRegion.WesternEurope or StakeholderRegion.AustraliaAndNewZealand
            or StakeholderRegion.Global => false,
        _ => true,
    };

    /// <summary>The flag for a region and an optional ISO 3166-1 alpha-2 country; the country decides when given.</summary>
    public static bool IsGlobalSouth(StakeholderRegion region, string? countryAlpha2)
    {
        if (string.IsNullOrWhiteSpace(countryAlpha2))
        {
            return IsGlobalSouth(region);
        }

        if (DevelopedInSouthernRegions.Contains(countryAlpha2) || NorthernCountries.Contains(countryAlpha2))
        {
            return false;
        }

        // Antarctica and the like are nobody's South.
        return !string.Equals(countryAlpha2, "AQ", StringComparison.OrdinalIgnoreCase);
    }
}
