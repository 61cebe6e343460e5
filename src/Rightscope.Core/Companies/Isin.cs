using System.Diagnostics.CodeAnalysis;

namespace Rightscope.Core.Companies;

/// <summary>
/// An International Securities Identification Number (ISO 6166): two letters (a country code, or XS, EU… for
/// international securities — not checked against ISO 3166), nine alphanumerics and a check digit computed with the
/// Luhn algorithm over the digits obtained by replacing each letter by its value (A = 10 … Z = 35).
/// </summary>
/// <remarks>
/// The Luhn check detects every change of one digit into another and of a letter into a letter of the same ten
/// (A–J, K–T, U–Z), but not every single-character change: a letter replaced by a letter of another ten, or a letter
/// by a digit, changes two expanded digits or shifts them, and some such changes keep the sum (see the tests).
/// </remarks>
public readonly record struct Isin
{
    public const int Length = 12;

    private Isin(string value) => Value = value;

    /// <summary>The normalized ISIN: twelve upper-case characters.</summary>
    public string Value { get; }

    /// <summary>The first two letters: the issuing country's ISO 3166-1 alpha-2 code or an international prefix (XS).</summary>
    public string Prefix => Value[..2];

    public override string ToString() => Value ?? string.Empty;

    public static Isin Parse(string text) =>
        TryParse(text, out var isin, out var error) ? isin : throw new FormatException($"Not a valid ISIN ({error}).");

    public static bool TryParse([NotNullWhen(true)] string? text, out Isin isin) => TryParse(text, out isin, out _);

    /// <summary>Trims and upper-cases <paramref name="text"/>, then checks the format and the check digit.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Isin isin, out IdentifierError error)
    {
        isin = default;
        error = Validate(text, out var normalized);
        if (error != IdentifierError.None)
        {
            return false;
        }

        isin = new Isin(normalized!);
        return true;
    }

    private static IdentifierError Validate(string? text, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdentifierError.Empty;
        }

        var value = IdentifierText.Normalize(text);
        if (value.Length != Length)
        {
            return IdentifierError.Length;
        }

        for (var i = 0; i < Length; i++)
        {
            var c = value[i];
            var ok = i switch
            {
                < 2 => c is >= 'A' and <= 'Z',
                < Length - 1 => IdentifierText.IsUpperAlphanumeric(c),
                _ => c is >= '0' and <= '9',
            };
            if (!ok)
            {
                return IdentifierError.Characters;
            }
        }

        if (ComputeCheckDigit(value.AsSpan(0, Length - 1)) != value[Length - 1])
        {
            return IdentifierError.CheckDigit;
        }

        normalized = value;
        return IdentifierError.None;
    }

    /// <summary>The check digit of the first eleven characters (upper-case letters and digits).</summary>
    public static char ComputeCheckDigit(ReadOnlySpan<char> payload)
    {
        if (payload.Length != Length - 1)
        {
            throw new ArgumentException("An ISIN payload has 11 characters.", nameof(payload));
        }

        // Walk the expanded digits from the right; the rightmost payload digit is doubled (the check digit will
        // stand to its right, undoubled).
        var sum = 0;
        var doubled = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var c = payload[i];
            if (!IdentifierText.IsUpperAlphanumeric(c))
            {
                throw new ArgumentException("An ISIN payload has upper-case letters and digits only.", nameof(payload));
            }

            var v = IdentifierText.Value(c);
            if (v >= 10)
            {
                sum += Luhn(v % 10, ref doubled);
                sum += Luhn(v / 10, ref doubled);
            }
            else
            {
                sum += Luhn(v, ref doubled);
            }
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static int Luhn(int digit, ref bool doubled)
    {
        var result = doubled ? (digit * 2 > 9 ? (digit * 2) - 9 : digit * 2) : digit;
        doubled = !doubled;
        return result;
    }
}
