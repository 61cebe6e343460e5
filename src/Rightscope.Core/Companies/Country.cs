using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Rightscope.Core.Companies;

/// <summary>
/// A country or territory with an officially assigned ISO 3166-1 code. Stored as <see cref="Alpha2"/> (DESIGN §9.12);
/// <see cref="TryParse(string?, out Country?)"/> accepts alpha-2 and alpha-3, any case.
/// </summary>
public sealed partial class Country
{
    private static readonly FrozenDictionary<string, Country> ByCode;

    // In the static constructor, not a field initializer: the table is in another file of this partial class, and
    // initializers of different files run in no defined order.
    static Country() =>
        ByCode = Table.SelectMany(c => new[] { KeyValuePair.Create(c.Alpha2, c), KeyValuePair.Create(c.Alpha3, c) })
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private Country(string alpha2, string alpha3, string nameEn, string nameZhHans)
    {
        Alpha2 = alpha2;
        Alpha3 = alpha3;
        NameEn = nameEn;
        NameZhHans = nameZhHans;
    }

    public string Alpha2 { get; }

    public string Alpha3 { get; }

    public string NameEn { get; }

    public string NameZhHans { get; }

    /// <summary>Every officially assigned code, in alpha-2 order.</summary>
    public static IReadOnlyList<Country> All => Table;

    /// <summary>The name in <paramref name="language"/> (zh, zh-Hans, zh-CN… give Chinese; anything else English).</summary>
    public string Name(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZhHans : NameEn;

    public override string ToString() => Alpha2;

    public static Country FromCode(string code) =>
        TryParse(code, out var country) ? country : throw new ArgumentException($"'{code}' is not an ISO 3166-1 code.", nameof(code));

    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Country? country) =>
        TryParse(code, out country, out _);

    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Country? country, out IdentifierError error)
    {
        country = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            error = IdentifierError.Empty;
            return false;
        }

        var trimmed = IdentifierText.Normalize(code);
        if (trimmed.Length is not (2 or 3))
        {
            error = IdentifierError.Length;
            return false;
        }

        error = ByCode.TryGetValue(trimmed, out country) ? IdentifierError.None : IdentifierError.Unknown;
        return country is not null;
    }
}
