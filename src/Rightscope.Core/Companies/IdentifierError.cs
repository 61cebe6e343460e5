namespace Rightscope.Core.Companies;

/// <summary>Why a text is not a valid identifier (ISIN, LEI, ticker, country or currency code).</summary>
public enum IdentifierError
{
    None,
    /// <summary>Empty or only whitespace.</summary>
    Empty,
    /// <summary>Not the number of characters the standard requires.</summary>
    Length,
    /// <summary>A character that is not allowed at its position.</summary>
    Characters,
    /// <summary>Well formed, but the check digit(s) do not match the rest.</summary>
    CheckDigit,
    /// <summary>Well formed, but not an assigned code (countries, currencies).</summary>
    Unknown,
}

internal static class IdentifierText
{
    /// <summary>
    /// Trimmed and upper-case; text typed with full-width characters (common with Chinese input methods) is folded to
    /// ASCII by NFKC first.
    /// </summary>
    public static string Normalize(string text)
    {
        var trimmed = text.Trim();
        if (!System.Text.Ascii.IsValid(trimmed))
        {
            trimmed = trimmed.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        }

        return trimmed.ToUpperInvariant();
    }

    public static bool IsUpperAlphanumeric(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary>0–9 for digits, 10–35 for A–Z: the letter expansion of ISO 6166 and ISO 7064.</summary>
    public static int Value(char c) => c <= '9' ? c - '0' : c - 'A' + 10;
}
