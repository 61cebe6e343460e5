using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Rightscope.Core.Money;

/// <summary>
/// An ISO 4217 currency with its minor unit: the number of decimal places of its smallest unit (2 for EUR, 0 for JPY,
/// 3 for KWD). Money is stored as a whole number of minor units (DESIGN §9.12): <see cref="ToMinorUnits"/> and
/// <see cref="FromMinorUnits"/> convert, and refuse an amount finer than the minor unit instead of rounding it.
/// </summary>
public sealed partial class Currency
{
    private static readonly FrozenDictionary<string, Currency> ByCode;

    // In the static constructor: the table's initializer is in another file of this partial class.
    static Currency() => ByCode = Table.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly long[] Powers = [1, 10, 100, 1_000, 10_000];

    // Multiplying by these keeps the scale: 1200 × 0.01m is 12.00, not 12.
    private static readonly decimal[] Units = [1m, 0.1m, 0.01m, 0.001m, 0.0001m];

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The three-letter code, upper-case.</summary>
    public string Code { get; }

    /// <summary>The minor-unit exponent: an amount of 1 is 10^MinorUnits minor units.</summary>
    public int MinorUnits { get; }

    public static IReadOnlyList<Currency> All => Table;

    public override string ToString() => Code;

    public static Currency FromCode(string code) =>
        TryParse(code, out var currency) ? currency : throw new ArgumentException($"'{code}' is not an ISO 4217 code in use.", nameof(code));

    /// <summary>Looks up a code in use, ignoring case and surrounding whitespace.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return !string.IsNullOrWhiteSpace(code) && ByCode.TryGetValue(code.Trim(), out currency);
    }

    /// <summary>
    /// The amount in minor units (12.34 EUR → 1234). Throws <see cref="ArgumentException"/> when the amount has more
    /// decimal places than the currency (12.345 EUR), and <see cref="OverflowException"/> beyond <see cref="long"/>.
    /// </summary>
    public long ToMinorUnits(decimal amount) =>
        TryToMinorUnits(amount, out var minor) ? minor
        : throw new ArgumentException($"{amount} has more decimal places than {Code} ({MinorUnits}).", nameof(amount));

    /// <summary>False when the amount has more decimal places than the currency; throws <see cref="OverflowException"/> beyond <see cref="long"/>.</summary>
    public bool TryToMinorUnits(decimal amount, out long minorUnits)
    {
        var scaled = amount * Powers[MinorUnits];
        if (scaled != decimal.Truncate(scaled))
        {
            minorUnits = 0;
            return false;
        }

        minorUnits = decimal.ToInt64(scaled);
        return true;
    }

    /// <summary>The amount rounded to the minor unit (half away from zero, as a bank statement rounds).</summary>
    public decimal Round(decimal amount) => decimal.Round(amount, MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>The amount of <paramref name="minorUnits"/> (1234 → 12.34 EUR), with exactly <see cref="MinorUnits"/> decimal places.</summary>
    public decimal FromMinorUnits(long minorUnits) => minorUnits * Units[MinorUnits];
}
