using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>
/// A handler's recovery key: 160 random bits shown once as 32 Crockford base32 characters in groups of four
/// (<c>7K2M-…</c>). It wraps the handler's private key beside the password, without Argon2id: at 160 bits there is
/// nothing to slow down. <see cref="ToString"/> is redacted.
/// </summary>
public sealed class RecoveryKey : IDisposable
{
    public const int Size = 20;
    private const int CharacterCount = Size * 8 / 5;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly byte[] _bytes;

    private bool _disposed;

    private RecoveryKey(byte[] bytes) => _bytes = bytes;

    public static RecoveryKey Generate()
    {
        var bytes = NewBuffer();
        RandomNumberGenerator.Fill(bytes);
        return new RecoveryKey(bytes);
    }

    /// <summary>Reads a recovery key as typed: case, spaces and dashes do not matter; O reads as 0 and I, L as 1.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out RecoveryKey? key)
    {
        key = null;
        if (input is null || input.Length > 128)
        {
            return false;
        }

        var bytes = NewBuffer();
        int count = 0, buffer = 0, bits = 0, written = 0;
        foreach (var raw in input)
        {
            if (raw is ' ' or '-' or '\t')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            var value = c < 128 ? Alphabet.IndexOf(c, StringComparison.Ordinal) : -1;
            if (value < 0 || ++count > CharacterCount)
            {
                CryptographicOperations.ZeroMemory(bytes);
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        if (count != CharacterCount)
        {
            CryptographicOperations.ZeroMemory(bytes);
            return false;
        }

        key = new RecoveryKey(bytes);
        return true;
    }

    public static RecoveryKey Parse(string input) =>
        TryParse(input, out var key) ? key : throw new FormatException("A recovery key has 32 letters and digits.");

    /// <summary>Eight groups of four characters separated by dashes: show once, never log.</summary>
    public string FormatForDisplay()
    {
        var chars = new char[CharacterCount + CharacterCount / 4 - 1];
        int buffer = 0, bits = 0, j = 0, n = 0;
        foreach (var b in Live)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                if (n > 0 && n % 4 == 0)
                {
                    chars[j++] = '-';
                }

                chars[j++] = Alphabet[(buffer >> bits) & 31];
                n++;
            }

            buffer &= (1 << bits) - 1;
        }

        return new string(chars);
    }

    internal ReadOnlySpan<byte> Bytes => Live;

    private byte[] Live => _disposed ? throw new ObjectDisposedException(nameof(RecoveryKey)) : _bytes;

    public override string ToString() => "RecoveryKey(redacted)";

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_bytes);
    }

    private static byte[] NewBuffer() => GC.AllocateUninitializedArray<byte>(Size, pinned: true);
}
