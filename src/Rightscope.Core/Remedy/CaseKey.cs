using NSec.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>
/// The random 256-bit key of one case. It encrypts every piece of the case's content (<see cref="CaseCipher"/>) and
/// is stored only sealed: to each recipient (<see cref="SealedBox"/>) and to the reporter
/// (<see cref="ReporterEnvelope"/>). Deleting those envelopes destroys the case's content.
/// The key lives in libsodium's guarded memory; dispose it when the request is done.
/// </summary>
public sealed class CaseKey : IDisposable
{
    private CaseKey(Guid caseId, Key key)
    {
        CaseId = caseId;
        Key = key;
    }

    /// <summary>The case this key belongs to; every ciphertext and envelope made with it is bound to this id.</summary>
    public Guid CaseId { get; }

    internal Key Key { get; }

    /// <summary>
    /// A new key for a new case. The case id must be known before the case is stored (e.g. <c>Guid.CreateVersion7()</c>)
    /// so that content and envelopes are written in the same transaction as the case.
    /// </summary>
    public static CaseKey Create(Guid caseId)
    {
        // Exportable only so it can be sealed to a recipient or the reporter; no public member exports it.
        var key = Key.Create(Envelope.Aead, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new CaseKey(caseId, key);
    }

    internal static CaseKey Import(Guid caseId, ReadOnlySpan<byte> raw) =>
        new(caseId, Key.Import(Envelope.Aead, raw, KeyBlobFormat.RawSymmetricKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    internal bool TryExport(Span<byte> destination) =>
        Key.TryExport(KeyBlobFormat.RawSymmetricKey, destination, out var written) && written == Envelope.KeySize;

    public override string ToString() => $"CaseKey({CaseId}, redacted)";

    public void Dispose() => Key.Dispose();
}
