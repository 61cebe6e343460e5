using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Rightscope.Core.Remedy;

/// <summary>
/// XChaCha20-Poly1305 encryption of a case's content under its <see cref="CaseKey"/>, with a random 192-bit nonce per
/// ciphertext. The associated data binds each ciphertext to the case id and to a purpose (<see cref="ContentPurpose"/>),
/// so a blob moved to another case or field fails to open. Every failure is a <see cref="CryptoOpenException"/>.
/// </summary>
public static partial class CaseCipher
{
    // version, kind, AEAD id, reserved
    private const int HeaderSize = 4;

    /// <summary>Bytes added to the plaintext by <see cref="Encrypt"/>: header, nonce and tag.</summary>
    public const int Overhead = HeaderSize + Envelope.NonceSize + Envelope.TagSize;

    public static byte[] Encrypt(CaseKey key, string purpose, ReadOnlySpan<byte> plaintext)
    {
        ReadOnlySpan<byte> header = [Envelope.Version, (byte)EnvelopeKind.Content, Envelope.XChaCha20Poly1305Id, 0];
        var output = new byte[Overhead + plaintext.Length];
        header.CopyTo(output);
        var nonce = output.AsSpan(HeaderSize, Envelope.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Envelope.Aead.Encrypt(key.Key, nonce, AssociatedData(header, key.CaseId, purpose), plaintext, output.AsSpan(HeaderSize + Envelope.NonceSize));
        return output;
    }

    public static byte[] Decrypt(CaseKey key, string purpose, ReadOnlySpan<byte> ciphertext)
    {
        Envelope.ExpectHeader(ciphertext, Overhead, EnvelopeKind.Content, Envelope.XChaCha20Poly1305Id, 0);
        var plaintext = new byte[ciphertext.Length - Overhead];
        if (!Envelope.Aead.Decrypt(key.Key, ciphertext.Slice(HeaderSize, Envelope.NonceSize), AssociatedData(ciphertext[..HeaderSize], key.CaseId, purpose),
                ciphertext[(HeaderSize + Envelope.NonceSize)..], plaintext))
        {
            throw new CryptoOpenException();
        }

        return plaintext;
    }

    public static byte[] EncryptText(CaseKey key, string purpose, string text) => Encrypt(key, purpose, Encoding.UTF8.GetBytes(text));

    public static string DecryptText(CaseKey key, string purpose, ReadOnlySpan<byte> ciphertext)
    {
        var plaintext = Decrypt(key, purpose, ciphertext);
        try
        {
            return new UTF8Encoding(false, true).GetString(plaintext);
        }
        catch (DecoderFallbackException)
        {
            throw new CryptoOpenException();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, Guid caseId, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return Envelope.AssociatedData(header, Envelope.CaseIdBytes(caseId), Encoding.UTF8.GetBytes(purpose));
    }

    private static void WriteCounter(Span<byte> nonce, ulong counter) =>
        BinaryPrimitives.WriteUInt64BigEndian(nonce[^8..], counter);
}
