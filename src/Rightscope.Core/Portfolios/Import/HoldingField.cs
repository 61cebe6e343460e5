using System.Collections.Frozen;

namespace Rightscope.Core.Portfolios.Import;

/// <summary>The columns a holdings file can have; <see cref="HoldingFields.Name"/> gives each one's name in files.</summary>
public enum HoldingField
{
    Name,
    Isin,
    Lei,
    Ticker,
    Country,
    Weight,
    MarketValue,
    Currency,
    Shares,
}

public static class HoldingFields
{
    /// <summary>The default column set, in the documented order.</summary>
    public static IReadOnlyList<HoldingField> All { get; } = Enum.GetValues<HoldingField>();

    private static readonly FrozenDictionary<string, HoldingField> ByKey =
        All.ToFrozenDictionary(f => HeaderKey(Name(f)), StringComparer.Ordinal);

    /// <summary>The field's column name in the default layout: name, isin, lei, ticker, country, weight, market_value, currency, shares.</summary>
    public static string Name(HoldingField field) => field switch
    {
        HoldingField.Name => "name",
        HoldingField.Isin => "isin",
        HoldingField.Lei => "lei",
        HoldingField.Ticker => "ticker",
        HoldingField.Country => "country",
        HoldingField.Weight => "weight",
        HoldingField.MarketValue => "market_value",
        HoldingField.Currency => "currency",
        HoldingField.Shares => "shares",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>The field a header or a mapping target names, matched as <see cref="HeaderKey"/> says.</summary>
    public static bool TryParse(string? text, out HoldingField field) => ByKey.TryGetValue(HeaderKey(text), out field);

    /// <summary>
    /// How header names are compared: case, surrounding and inner whitespace, underscores and hyphens do not count,
    /// and full-width letters are folded, so "Market Value", "market_value" and "MARKET-VALUE" are the same column.
    /// </summary>
    public static string HeaderKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = TextInput.UnicodeText.Normalize(text, System.Text.NormalizationForm.FormKC);
        return string.Concat(normalized.Where(c => !(char.IsWhiteSpace(c) || c is '_' or '-' or '\uFEFF'))).ToUpperInvariant();
    }
}
