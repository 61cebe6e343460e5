using System.Security.Cryptography;
using NSec.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>
/// A case key sealed to one recipient's X25519 public key: an ephemeral X25519 key pair per envelope, HKDF-SHA256
/// over the shared secret (info: context label ‖ ephemeral public key ‖ recipient public key) and XChaCha20-Poly1305
/// with the case id in the associated data. Only the recipient's private key opens it; the sender keeps nothing.
/// </summary>
public static class SealedBox
{
    // version, kind, KEM id, AEAD id, ephemeral public key
    private const int HeaderSize = 4 + RecipientPublicKey.Size;

    /// <summary>Length of every sealed case key.</summary>
    public const int Length = HeaderSize + Envelope.NonceSize + Envelope.KeySize + Envelope.TagSize;

    private static readonly byte[] InfoLabel = Envelope.Label("sealed-case-key");

    public static byte[] Seal(CaseKey caseKey, RecipientPublicKey recipient)
    {
        var x25519 = KeyAgreementAlgorithm.X25519;
        using var ephemeral = Key.Create(x25519, Envelope.NotExportable);
        var header = new byte[HeaderSize];
        header[0] = Envelope.Version;
        header[1] = (byte)EnvelopeKind.CaseKeyForRecipient;
        header[2] = Envelope.X25519HkdfSha256Id;
        header[3] = Envelope.XChaCha20Poly1305Id;
        ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey).CopyTo(header, 4);

        using var shared = x25519.Agree(ephemeral, recipient.Key)
            ?? throw new ArgumentException("The recipient's public key is not usable (a low-order point).", nameof(recipient));
        using var wrappingKey = WrappingKey(shared, header, recipient);

        var raw = GC.AllocateUninitializedArray<byte>(Envelope.KeySize, pinned: true);
        try
        {
            if (!caseKey.TryExport(raw))
            {
                throw new InvalidOperationException("The case key cannot be exported.");
            }

            return Envelope.Concat(header, Envelope.Wrap(wrappingKey, raw, AssociatedData(header, caseKey.CaseId, recipient)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Opens a sealed case key with the recipient's private key, for the case it was sealed for.</summary>
    public static CaseKey Open(ReadOnlySpan<byte> envelope, RecipientPrivateKey recipient, Guid caseId)
    {
        Envelope.ExpectHeader(envelope, Length, EnvelopeKind.CaseKeyForRecipient, Envelope.X25519HkdfSha256Id, Envelope.XChaCha20Poly1305Id);
        var header = envelope[..HeaderSize];
        var x25519 = KeyAgreementAlgorithm.X25519;
        if (!PublicKey.TryImport(x25519, header[4..], KeyBlobFormat.RawPublicKey, out var ephemeral) || ephemeral is null)
        {
            throw new CryptoOpenException();
        }

        using var shared = x25519.Agree(recipient.Key, ephemeral) ?? throw new CryptoOpenException();
        using var wrappingKey = WrappingKey(shared, header, recipient.PublicKey);
        var raw = GC.AllocateUninitializedArray<byte>(Envelope.KeySize, pinned: true);
        try
        {
            Envelope.Unwrap(wrappingKey, envelope[HeaderSize..], AssociatedData(header, caseId, recipient.PublicKey), raw);
            return CaseKey.Import(caseId, raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    private static Key WrappingKey(SharedSecret shared, ReadOnlySpan<byte> header, RecipientPublicKey recipient) =>
        Envelope.Hkdf.DeriveKey(shared, [], Envelope.Concat(InfoLabel, header[4..].ToArray(), recipient.Bytes.ToArray()), Envelope.Aead, Envelope.NotExportable);

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, Guid caseId, RecipientPublicKey recipient) =>
        Envelope.AssociatedData(header, Envelope.CaseIdBytes(caseId), recipient.Bytes);
}
