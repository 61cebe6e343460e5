using System.Diagnostics.CodeAnalysis;

namespace Rightscope.Core.Companies;

/// <summary>
/// A Legal Entity Identifier (ISO 17442): eighteen alphanumerics and two check digits under ISO 7064 MOD 97-10 — the
/// whole code, letters replaced by 10–35, is 1 modulo 97.
/// </summary>
/// <remarks>
/// MOD 97-10 detects every change of one character into another of the same kind (digit for digit, letter for
/// letter) and every transposition of two adjacent digits; a letter replaced by a digit shortens the expanded number
/// and is missed about once in 97 (see the tests).
/// </remarks>
public readonly record struct Lei
{
    public const int Length = 20;

    private Lei(string value) => Value = value;

    /// <summary>The normalized LEI: twenty upper-case characters.</summary>
    public string Value { get; }

    public override string ToString() => Value ?? string.Empty;

    public static Lei Parse(string text) =>
        TryParse(text, out var lei, out var error) ? lei : throw new FormatException($"Not a valid LEI ({error}).");

    public static bool TryParse([NotNullWhen(true)] string? text, out Lei lei) => TryParse(text, out lei, out _);

    /// <summary>Trims and upper-cases <paramref name="text"/>, then checks the format and the check digits.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Lei lei, out IdentifierError error)
    {
        lei = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Empty;
            return false;
        }

        var value = IdentifierText.Normalize(text);
        if (value.Length != Length)
        {
            error = IdentifierError.Length;
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (i < Length - 2 ? !IdentifierText.IsUpperAlphanumeric(value[i]) : value[i] is < '0' or > '9')
            {
                error = IdentifierError.Characters;
                return false;
            }
        }

        if (Mod97(value) != 1)
        {
            error = IdentifierError.CheckDigit;
            return false;
        }

        error = IdentifierError.None;
        lei = new Lei(value);
        return true;
    }

    /// <summary>The two check digits of the first eighteen characters (upper-case letters and digits).</summary>
    public static string ComputeCheckDigits(ReadOnlySpan<char> payload)
    {
        if (payload.Length != Length - 2)
        {
            throw new ArgumentException("A LEI payload has 18 characters.", nameof(payload));
        }

        foreach (var c in payload)
        {
            if (!IdentifierText.IsUpperAlphanumeric(c))
            {
                throw new ArgumentException("A LEI payload has upper-case letters and digits only.", nameof(payload));
            }
        }

        var check = 98 - Mod97(string.Concat(payload, "00"));
        return check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Mod97(ReadOnlySpan<char> value)
    {
        var remainder = 0;
        foreach (var c in value)
        {
            var v = IdentifierText.Value(c);
            remainder = v >= 10 ? ((remainder * 100) + v) % 97 : ((remainder * 10) + v) % 97;
        }

        return remainder;
    }
}
