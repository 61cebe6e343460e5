using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>What an envelope holds; the second byte of every envelope (docs/remedy-crypto.md).</summary>
internal enum EnvelopeKind : byte
{
    Content = 1,
    ContentStream = 2,
    CaseKeyForRecipient = 3,
    CaseKeyForReporter = 4,
    PrivateKeyByPassword = 5,
    PrivateKeyByRecoveryKey = 6,
}

/// <summary>The shared parts of the versioned envelope format: header bytes, algorithm ids, associated data.</summary>
internal static class Envelope
{
    public const byte Version = 1;
    public const byte XChaCha20Poly1305Id = 1;
    public const byte X25519HkdfSha256Id = 1;
    public const byte Argon2id13Id = 1;

    public const int KeySize = 32;
    public const int NonceSize = 24;
    public const int TagSize = 16;

    public static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;
    public static readonly KeyDerivationAlgorithm Hkdf = KeyDerivationAlgorithm.HkdfSha256;

    private static readonly byte[] Domain = "rightscope/remedy/v1"u8.ToArray();

    public static KeyCreationParameters NotExportable => new() { ExportPolicy = KeyExportPolicies.None };

    public static byte[] Nonce()
    {
        var nonce = new byte[NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return nonce;
    }

    /// <summary>
    /// Associated data: a domain label, the envelope's header and the context it belongs to, each length-prefixed,
    /// so a blob opens only as the same kind, with the same parameters, for the same case, purpose or key pair.
    /// </summary>
    public static byte[] AssociatedData(ReadOnlySpan<byte> header, ReadOnlySpan<byte> context1, ReadOnlySpan<byte> context2 = default)
    {
        var data = new byte[4 * 4 + Domain.Length + header.Length + context1.Length + context2.Length];
        var span = data.AsSpan();
        Append(ref span, Domain);
        Append(ref span, header);
        Append(ref span, context1);
        Append(ref span, context2);
        return data;
    }

    public static byte[] CaseIdBytes(Guid caseId)
    {
        var bytes = new byte[16];
        caseId.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    public static byte[] Label(string label) => Encoding.ASCII.GetBytes("rightscope/remedy/v1/" + label);

    public static byte[] Concat(params ReadOnlySpan<byte[]> parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        var result = new byte[length];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }

    /// <summary>Checks the first bytes of an envelope; anything unknown fails like a wrong key.</summary>
    public static void ExpectHeader(ReadOnlySpan<byte> envelope, int minimumLength, EnvelopeKind kind, byte algorithm2, byte algorithm3)
    {
        if (envelope.Length < minimumLength || envelope[0] != Version || envelope[1] != (byte)kind
            || envelope[2] != algorithm2 || envelope[3] != algorithm3)
        {
            throw new CryptoOpenException();
        }
    }

    /// <summary>Encrypts a 32-byte secret under a wrapping key: returns nonce ‖ ciphertext ‖ tag.</summary>
    public static byte[] Wrap(Key wrappingKey, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> associatedData)
    {
        var nonce = Nonce();
        var output = new byte[NonceSize + secret.Length + TagSize];
        nonce.CopyTo(output, 0);
        Aead.Encrypt(wrappingKey, nonce, associatedData, secret, output.AsSpan(NonceSize));
        return output;
    }

    /// <summary>Opens nonce ‖ ciphertext ‖ tag into <paramref name="secret"/>, or throws <see cref="CryptoOpenException"/>.</summary>
    public static void Unwrap(Key wrappingKey, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> associatedData, Span<byte> secret)
    {
        if (wrapped.Length != NonceSize + secret.Length + TagSize
            || !Aead.Decrypt(wrappingKey, wrapped[..NonceSize], associatedData, wrapped[NonceSize..], secret))
        {
            CryptographicOperations.ZeroMemory(secret);
            throw new CryptoOpenException();
        }
    }

    private static void Append(ref Span<byte> span, ReadOnlySpan<byte> field)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, field.Length);
        field.CopyTo(span[4..]);
        span = span[(4 + field.Length)..];
    }
}
