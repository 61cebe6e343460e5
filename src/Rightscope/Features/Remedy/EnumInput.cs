namespace Rightscope.Features.Remedy;

/// <summary>
/// Reads an enum from a form or query value by its exact name only: <c>Enum.TryParse</c> would also take numbers
/// ("3") and lists ("A, B"), which no form offers.
/// </summary>
public static class EnumInput
{
    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        var trimmed = value?.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), trimmed, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }
}
