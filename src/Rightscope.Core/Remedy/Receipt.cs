using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>
/// The reporter's receipt: 16 decimal digits from a CSPRNG (about 53 bits), shown once after the case is stored and
/// the only way back to the case. <see cref="ToString"/> is redacted so a receipt cannot reach a log by accident;
/// <see cref="FormatForDisplay"/> is the one deliberate way to show it.
/// </summary>
public sealed class Receipt : IDisposable
{
    public const int DigitCount = 16;

    // ASCII digits; also the exact bytes that Argon2id derives the reporter's access key from.
    private readonly byte[] _digits;

    private bool _disposed;

    private Receipt(byte[] digits) => _digits = digits;

    /// <summary>A new receipt; each digit is uniform (RandomNumberGenerator.GetInt32 rejects instead of reducing modulo 10).</summary>
    public static Receipt Generate()
    {
        var digits = NewBuffer();
        for (var i = 0; i < DigitCount; i++)
        {
            digits[i] = (byte)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new Receipt(digits);
    }

    /// <summary>
    /// Reads a receipt as a person typed it: spaces and dashes anywhere, full-width digits (Chinese input methods) and
    /// full-width separators are accepted; anything else, or not exactly 16 digits, is refused.
    /// </summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out Receipt? receipt)
    {
        receipt = null;
        if (input is null || input.Length > 64)
        {
            return false;
        }

        var digits = NewBuffer();
        var count = 0;
        foreach (var c in input)
        {
            int digit;
            if (c is >= '0' and <= '9')
            {
                digit = c - '0';
            }
            else if (c is >= '\uFF10' and <= '\uFF19')
            {
                digit = c - '\uFF10';
            }
            else if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)
            {
                continue;
            }
            else
            {
                CryptographicOperations.ZeroMemory(digits);
                return false;
            }

            if (count == DigitCount)
            {
                CryptographicOperations.ZeroMemory(digits);
                return false;
            }

            digits[count++] = (byte)('0' + digit);
        }

        if (count != DigitCount)
        {
            CryptographicOperations.ZeroMemory(digits);
            return false;
        }

        receipt = new Receipt(digits);
        return true;
    }

    public static Receipt Parse(string input) =>
        TryParse(input, out var receipt) ? receipt : throw new FormatException("A receipt has 16 digits.");

    /// <summary>The digits in four groups of four, e.g. <c>0123 4567 8901 2345</c>: show once, never log.</summary>
    public string FormatForDisplay() =>
        string.Create(DigitCount + 3, Live, static (span, digits) =>
        {
            var j = 0;
            for (var i = 0; i < DigitCount; i++)
            {
                if (i > 0 && i % 4 == 0)
                {
                    span[j++] = ' ';
                }

                span[j++] = (char)digits[i];
            }
        });

    /// <summary>Compares in constant time.</summary>
    public bool Matches(Receipt other) => CryptographicOperations.FixedTimeEquals(Live, other.Live);

    internal ReadOnlySpan<byte> Digits => Live;

    // A disposed receipt is all zero bytes; using it would derive a wrong key silently.
    private byte[] Live => _disposed ? throw new ObjectDisposedException(nameof(Receipt)) : _digits;

    public override string ToString() => "Receipt(redacted)";

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_digits);
    }

    private static byte[] NewBuffer() => GC.AllocateUninitializedArray<byte>(DigitCount, pinned: true);
}
