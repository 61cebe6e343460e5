using System.Security.Cryptography;
using NSec.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>
/// What a receipt unlocks: Argon2id over the receipt's digits with a salt, giving a lookup id (to find the case) and,
/// through HKDF with the case id, the key that wraps the case key (<see cref="ReporterEnvelope"/>).
/// </summary>
/// <remarks>
/// Use one random salt per channel (<see cref="NewSalt"/>), stored with the channel, so that one derivation both
/// finds the case and opens it. A per-case salt would need a second, cheap way to find the case from the receipt —
/// and anything cheap to compute from a 16-digit receipt lets whoever holds the database test all 10^16 receipts
/// quickly. docs/remedy-crypto.md explains the trade.
/// </remarks>
public sealed class ReporterAccessKey : IDisposable
{
    private static readonly byte[] LookupLabel = Envelope.Label("receipt/lookup");
    private static readonly byte[] WrapLabel = Envelope.Label("receipt/case-key");

    private readonly byte[] _master;
    private readonly byte[] _salt;
    private bool _disposed;

    private ReporterAccessKey(byte[] master, byte[] salt, KeyDerivationCost cost)
    {
        _master = master;
        _salt = salt;
        Cost = cost;
        LookupId = Envelope.Hkdf.DeriveBytes(master, [], LookupLabel, 32);
    }

    /// <summary>32 bytes to index cases by (unique per channel): reveals nothing about the receipt without Argon2id.</summary>
    public byte[] LookupId { get; }

    public KeyDerivationCost Cost { get; }

    public ReadOnlySpan<byte> Salt => _salt;

    /// <summary>A new 16-byte salt for a channel.</summary>
    public static byte[] NewSalt() => Argon2.NewSalt();

    /// <summary>Runs Argon2id (the expensive step of every follow-up): go through the bounded derivation queue.</summary>
    public static ReporterAccessKey Derive(Receipt receipt, ReadOnlySpan<byte> salt, KeyDerivationCost cost)
    {
        var master = GC.AllocateUninitializedArray<byte>(Argon2.OutputSize, pinned: true);
        Argon2.Derive(receipt.Digits, salt, cost, master);
        return new ReporterAccessKey(master, salt.ToArray(), cost);
    }

    internal Key WrappingKey(Guid caseId) =>
        Envelope.Hkdf.DeriveKey(_disposed ? throw new ObjectDisposedException(nameof(ReporterAccessKey)) : _master, [], Envelope.Concat(WrapLabel, Envelope.CaseIdBytes(caseId)), Envelope.Aead, Envelope.NotExportable);

    internal bool Uses(ReadOnlySpan<byte> salt, KeyDerivationCost cost) => salt.SequenceEqual(_salt) && cost == Cost;

    public override string ToString() => "ReporterAccessKey(redacted)";

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_master);
    }
}

/// <summary>
/// The case key wrapped for the reporter by their <see cref="ReporterAccessKey"/>. The envelope records the Argon2id
/// cost and salt, so a case stays readable when the configured cost changes, and demo data shows its reduced cost.
/// </summary>
public static class ReporterEnvelope
{
    // version, kind, KDF id, AEAD id, cost, salt
    private const int HeaderSize = 4 + KeyDerivationCost.EncodedSize + Argon2.SaltSize;

    public const int Length = HeaderSize + Envelope.NonceSize + Envelope.KeySize + Envelope.TagSize;

    public static byte[] Seal(CaseKey caseKey, ReporterAccessKey access)
    {
        var header = new byte[HeaderSize];
        header[0] = Envelope.Version;
        header[1] = (byte)EnvelopeKind.CaseKeyForReporter;
        header[2] = Envelope.Argon2id13Id;
        header[3] = Envelope.XChaCha20Poly1305Id;
        access.Cost.Write(header.AsSpan(4));
        access.Salt.CopyTo(header.AsSpan(4 + KeyDerivationCost.EncodedSize));

        using var wrappingKey = access.WrappingKey(caseKey.CaseId);
        var raw = GC.AllocateUninitializedArray<byte>(Envelope.KeySize, pinned: true);
        try
        {
            if (!caseKey.TryExport(raw))
            {
                throw new InvalidOperationException("The case key cannot be exported.");
            }

            return Envelope.Concat(header, Envelope.Wrap(wrappingKey, raw, AssociatedData(header, caseKey.CaseId)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Opens with an access key already derived (e.g. the one that found the case by its lookup id).</summary>
    public static CaseKey Open(ReadOnlySpan<byte> envelope, ReporterAccessKey access, Guid caseId)
    {
        var (salt, cost) = ReadParameters(envelope);
        if (!access.Uses(salt, cost))
        {
            throw new CryptoOpenException();
        }

        using var wrappingKey = access.WrappingKey(caseId);
        var raw = GC.AllocateUninitializedArray<byte>(Envelope.KeySize, pinned: true);
        try
        {
            Envelope.Unwrap(wrappingKey, envelope[HeaderSize..], AssociatedData(envelope[..HeaderSize], caseId), raw);
            return CaseKey.Import(caseId, raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Derives from the receipt with the salt and cost recorded in the envelope, then opens it.</summary>
    public static CaseKey Open(ReadOnlySpan<byte> envelope, Receipt receipt, Guid caseId)
    {
        var (salt, cost) = ReadParameters(envelope);
        using var access = ReporterAccessKey.Derive(receipt, salt, cost);
        return Open(envelope, access, caseId);
    }

    /// <summary>The salt and Argon2id cost an envelope was made with (costs beyond the maximum are refused).</summary>
    public static (byte[] Salt, KeyDerivationCost Cost) ReadParameters(ReadOnlySpan<byte> envelope)
    {
        Envelope.ExpectHeader(envelope, Length, EnvelopeKind.CaseKeyForReporter, Envelope.Argon2id13Id, Envelope.XChaCha20Poly1305Id);
        return (envelope.Slice(4 + KeyDerivationCost.EncodedSize, Argon2.SaltSize).ToArray(), KeyDerivationCost.Read(envelope.Slice(4, KeyDerivationCost.EncodedSize)));
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, Guid caseId) =>
        Envelope.AssociatedData(header, Envelope.CaseIdBytes(caseId));
}
