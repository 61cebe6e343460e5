namespace Rightscope.Core.Indicators;

/// <summary>
/// The disaggregation of one value (seed <c>002</c> §9(r), seed <c>004</c>): by sex, age group, location and
/// disability. An empty string is the total over that dimension, so (indicator, country, year, breakdown) is a key
/// that databases can index uniquely (a null would not be equal to another null there).
/// </summary>
public sealed record Breakdown(string Sex, string AgeGroup, string Location, string Disability)
{
    public const int AgeGroupMaxLength = 20;

    public static Breakdown Total { get; } = new("", "", "", "");

    public static IReadOnlyList<string> SexValues { get; } = ["female", "male"];

    public static IReadOnlyList<string> LocationValues { get; } = ["urban", "rural"];

    public static IReadOnlyList<string> DisabilityValues { get; } = ["with", "without"];

    public bool IsTotal => this == Total;

    /// <summary>Only the sex is given: a row of the sex gap.</summary>
    public bool IsSexOnly => Sex.Length > 0 && AgeGroup.Length == 0 && Location.Length == 0 && Disability.Length == 0;

    /// <summary>Only the location is given: a row of the urban–rural gap.</summary>
    public bool IsLocationOnly => Location.Length > 0 && Sex.Length == 0 && AgeGroup.Length == 0 && Disability.Length == 0;

    /// <summary>Reads a sex cell: female/f, male/m, or total/all/empty for the total.</summary>
    public static bool TryParseSex(string? text, out string sex) => TryParse(text, out sex, ("female", "female"), ("f", "female"), ("male", "male"), ("m", "male"));

    /// <summary>Reads a location cell: urban, rural, or total/all/empty.</summary>
    public static bool TryParseLocation(string? text, out string location) => TryParse(text, out location, ("urban", "urban"), ("rural", "rural"));

    /// <summary>Reads a disability cell: with/yes, without/no, or total/all/empty.</summary>
    public static bool TryParseDisability(string? text, out string disability) =>
        TryParse(text, out disability, ("with", "with"), ("yes", "with"), ("without", "without"), ("no", "without"));

    /// <summary>Reads an age group: empty/total/all, or a band like <c>15-24</c> or <c>65+</c>.</summary>
    public static bool TryParseAgeGroup(string? text, out string ageGroup)
    {
        var trimmed = (text ?? "").Trim();
        if (IsTotalText(trimmed))
        {
            ageGroup = "";
            return true;
        }

        ageGroup = trimmed;
        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (trimmed.EndsWith('+'))
        {
            return trimmed.Length <= AgeGroupMaxLength && int.TryParse(trimmed[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
        }

        return trimmed.Length <= AgeGroupMaxLength && dash > 0
            && int.TryParse(trimmed[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var low)
            && int.TryParse(trimmed[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var high)
            && low <= high;
    }

    private static bool TryParse(string? text, out string value, params (string Text, string Value)[] accepted)
    {
        var trimmed = (text ?? "").Trim();
        if (IsTotalText(trimmed))
        {
            value = "";
            return true;
        }

        foreach (var (candidate, result) in accepted)
        {
            if (string.Equals(candidate, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = result;
                return true;
            }
        }

        value = trimmed;
        return false;
    }

    private static bool IsTotalText(string text) =>
        text.Length == 0 || string.Equals(text, "total", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "all", StringComparison.OrdinalIgnoreCase);
}
