using System.Security.Cryptography;
using NSec.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>A recipient's X25519 public key: stored in clear, used to seal case keys to them.</summary>
public sealed class RecipientPublicKey : IEquatable<RecipientPublicKey>
{
    public const int Size = 32;

    private readonly byte[] _bytes;

    private RecipientPublicKey(byte[] bytes, PublicKey key)
    {
        _bytes = bytes;
        Key = key;
    }

    internal PublicKey Key { get; }

    /// <summary>First 16 hex digits of SHA-256 of the key, for people comparing keys (not a secret).</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(_bytes).AsSpan(0, 8));

    public static RecipientPublicKey FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size && PublicKey.TryImport(KeyAgreementAlgorithm.X25519, bytes, KeyBlobFormat.RawPublicKey, out var key) && key is not null
            ? new RecipientPublicKey(bytes.ToArray(), key)
            : throw new FormatException("An X25519 public key has 32 bytes.");

    public static RecipientPublicKey FromBase64(string base64) => FromBytes(Convert.FromBase64String(base64));

    internal static RecipientPublicKey From(PublicKey key) => new(key.Export(KeyBlobFormat.RawPublicKey), key);

    public byte[] ToBytes() => (byte[])_bytes.Clone();

    public string ToBase64() => Convert.ToBase64String(_bytes);

    internal ReadOnlySpan<byte> Bytes => _bytes;

    public bool Equals(RecipientPublicKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as RecipientPublicKey);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    public override string ToString() => $"X25519:{Fingerprint}";
}

/// <summary>
/// A recipient's X25519 private key, unwrapped for one use or one session, in libsodium's guarded memory. Keys from
/// <see cref="RecipientKeyPair"/>'s unwrap methods may be exported once, into the data-protected authentication
/// cookie (DESIGN §9.7); keys read back from the cookie cannot be exported again.
/// </summary>
public sealed class RecipientPrivateKey : IDisposable
{
    private RecipientPrivateKey(Key key)
    {
        Key = key;
        PublicKey = RecipientPublicKey.From(key.PublicKey);
    }

    internal Key Key { get; }

    public RecipientPublicKey PublicKey { get; }

    /// <summary>Whether <see cref="ExportForSession"/> is allowed (true after sign-in, false for a key from the cookie).</summary>
    public bool CanExport => Key.ExportPolicy.HasFlag(KeyExportPolicies.AllowPlaintextExport);

    /// <summary>The raw 32 bytes, for the data-protected authentication cookie only. Zero the array once written.</summary>
    public byte[] ExportForSession() =>
        CanExport
            ? Key.Export(KeyBlobFormat.RawPrivateKey)
            : throw new InvalidOperationException("This private key was read from a session and cannot be exported again; ask for the password.");

    /// <summary>Reads a key written by <see cref="ExportForSession"/>; the result opens envelopes but cannot be exported.</summary>
    public static RecipientPrivateKey ImportFromSession(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Envelope.KeySize
            ? new RecipientPrivateKey(Key.Import(KeyAgreementAlgorithm.X25519, bytes, KeyBlobFormat.RawPrivateKey, Envelope.NotExportable))
            : throw new CryptoOpenException();

    internal static RecipientPrivateKey Generate() =>
        new(Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    internal static RecipientPrivateKey ImportExportable(ReadOnlySpan<byte> bytes) =>
        new(Key.Import(KeyAgreementAlgorithm.X25519, bytes, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    internal void ExportRaw(Span<byte> destination)
    {
        if (!Key.TryExport(KeyBlobFormat.RawPrivateKey, destination, out var written) || written != Envelope.KeySize)
        {
            throw new InvalidOperationException("This private key was read from a session and cannot be wrapped again; ask for the password.");
        }
    }

    public override string ToString() => $"RecipientPrivateKey({PublicKey.Fingerprint}, redacted)";

    public void Dispose() => Key.Dispose();
}

/// <summary>
/// What the database stores for a recipient: the public key in clear and the private key wrapped twice, by the
/// password (Argon2id) and by the recovery key. Both envelopes are bound to the public key.
/// </summary>
public sealed record WrappedRecipientKey(RecipientPublicKey PublicKey, byte[] ByPassword, byte[] ByRecoveryKey);

/// <summary>
/// A recipient's X25519 key pair over its life: generated once, unwrapped at sign-in by the password or by the
/// recovery key, and rewrapped when the password or recovery key changes — the key pair itself never changes, so
/// the case keys sealed to it stay readable.
/// </summary>
public static class RecipientKeyPair
{
    private const int PasswordHeaderSize = 4 + KeyDerivationCost.EncodedSize + Argon2.SaltSize;
    private const int RecoveryHeaderSize = 4;
    private static readonly byte[] PasswordLabel = Envelope.Label("private-key/password");
    private static readonly byte[] RecoveryLabel = Envelope.Label("private-key/recovery-key");

    /// <summary>A new key pair and recovery key; show the recovery key once, store the wrapped key.</summary>
    public static WrappedRecipientKey Generate(string password, KeyDerivationCost cost, out RecoveryKey recoveryKey)
    {
        using var privateKey = RecipientPrivateKey.Generate();
        recoveryKey = RecoveryKey.Generate();
        return new WrappedRecipientKey(privateKey.PublicKey, WrapWithPassword(privateKey, password, cost), WrapWithRecoveryKey(privateKey, recoveryKey));
    }

    /// <summary>Sign-in: the private key, exportable once into the session (<see cref="RecipientPrivateKey.ExportForSession"/>).</summary>
    public static RecipientPrivateKey UnwrapWithPassword(WrappedRecipientKey wrapped, string password)
    {
        var envelope = wrapped.ByPassword;
        Envelope.ExpectHeader(envelope, PasswordHeaderSize + Envelope.NonceSize + Envelope.KeySize + Envelope.TagSize,
            EnvelopeKind.PrivateKeyByPassword, Envelope.Argon2id13Id, Envelope.XChaCha20Poly1305Id);
        var cost = KeyDerivationCost.Read(envelope.AsSpan(4, KeyDerivationCost.EncodedSize));
        var salt = envelope.AsSpan(4 + KeyDerivationCost.EncodedSize, Argon2.SaltSize);
        using var wrappingKey = PasswordWrappingKey(password, salt, cost, wrapped.PublicKey);
        return Unwrap(wrappingKey, envelope, PasswordHeaderSize, wrapped.PublicKey);
    }

    public static RecipientPrivateKey UnwrapWithRecoveryKey(WrappedRecipientKey wrapped, RecoveryKey recoveryKey)
    {
        var envelope = wrapped.ByRecoveryKey;
        Envelope.ExpectHeader(envelope, RecoveryHeaderSize + Envelope.NonceSize + Envelope.KeySize + Envelope.TagSize,
            EnvelopeKind.PrivateKeyByRecoveryKey, 0, Envelope.XChaCha20Poly1305Id);
        using var wrappingKey = RecoveryWrappingKey(recoveryKey, wrapped.PublicKey);
        return Unwrap(wrappingKey, envelope, RecoveryHeaderSize, wrapped.PublicKey);
    }

    /// <summary>A new password envelope for the same key pair; the recovery envelope is kept.</summary>
    public static WrappedRecipientKey ChangePassword(WrappedRecipientKey wrapped, string currentPassword, string newPassword, KeyDerivationCost cost)
    {
        using var privateKey = UnwrapWithPassword(wrapped, currentPassword);
        return wrapped with { ByPassword = WrapWithPassword(privateKey, newPassword, cost) };
    }

    /// <summary>Forgotten password: the recovery key sets a new one; the same key pair and recovery key remain.</summary>
    public static WrappedRecipientKey ResetPassword(WrappedRecipientKey wrapped, RecoveryKey recoveryKey, string newPassword, KeyDerivationCost cost)
    {
        using var privateKey = UnwrapWithRecoveryKey(wrapped, recoveryKey);
        return wrapped with { ByPassword = WrapWithPassword(privateKey, newPassword, cost) };
    }

    /// <summary>A new recovery key (the old one stops working); show it once.</summary>
    public static WrappedRecipientKey ReplaceRecoveryKey(WrappedRecipientKey wrapped, string password, out RecoveryKey recoveryKey)
    {
        using var privateKey = UnwrapWithPassword(wrapped, password);
        recoveryKey = RecoveryKey.Generate();
        return wrapped with { ByRecoveryKey = WrapWithRecoveryKey(privateKey, recoveryKey) };
    }

    /// <summary>Wraps an unwrapped (exportable) private key under a password; the envelope records salt and cost.</summary>
    public static byte[] WrapWithPassword(RecipientPrivateKey privateKey, string password, KeyDerivationCost cost)
    {
        var header = new byte[PasswordHeaderSize];
        header[0] = Envelope.Version;
        header[1] = (byte)EnvelopeKind.PrivateKeyByPassword;
        header[2] = Envelope.Argon2id13Id;
        header[3] = Envelope.XChaCha20Poly1305Id;
        cost.Write(header.AsSpan(4));
        RandomNumberGenerator.Fill(header.AsSpan(4 + KeyDerivationCost.EncodedSize));
        using var wrappingKey = PasswordWrappingKey(password, header.AsSpan(4 + KeyDerivationCost.EncodedSize), cost, privateKey.PublicKey);
        return Wrap(wrappingKey, header, privateKey);
    }

    public static byte[] WrapWithRecoveryKey(RecipientPrivateKey privateKey, RecoveryKey recoveryKey)
    {
        byte[] header = [Envelope.Version, (byte)EnvelopeKind.PrivateKeyByRecoveryKey, 0, Envelope.XChaCha20Poly1305Id];
        using var wrappingKey = RecoveryWrappingKey(recoveryKey, privateKey.PublicKey);
        return Wrap(wrappingKey, header, privateKey);
    }

    private static byte[] Wrap(Key wrappingKey, byte[] header, RecipientPrivateKey privateKey)
    {
        var raw = GC.AllocateUninitializedArray<byte>(Envelope.KeySize, pinned: true);
        try
        {
            privateKey.ExportRaw(raw);
            return Envelope.Concat(header, Envelope.Wrap(wrappingKey, raw, Envelope.AssociatedData(header, privateKey.PublicKey.Bytes)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    private static RecipientPrivateKey Unwrap(Key wrappingKey, byte[] envelope, int headerSize, RecipientPublicKey publicKey)
    {
        var header = envelope.AsSpan(0, headerSize);
        var raw = GC.AllocateUninitializedArray<byte>(Envelope.KeySize, pinned: true);
        try
        {
            Envelope.Unwrap(wrappingKey, envelope.AsSpan(headerSize), Envelope.AssociatedData(header, publicKey.Bytes), raw);
            var privateKey = RecipientPrivateKey.ImportExportable(raw);
            if (!privateKey.PublicKey.Equals(publicKey))
            {
                privateKey.Dispose();
                throw new CryptoOpenException();
            }

            return privateKey;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    private static Key PasswordWrappingKey(string password, ReadOnlySpan<byte> salt, KeyDerivationCost cost, RecipientPublicKey publicKey)
    {
        var derived = GC.AllocateUninitializedArray<byte>(Argon2.OutputSize, pinned: true);
        try
        {
            Argon2.DerivePassword(password, salt, cost, derived);
            return Envelope.Hkdf.DeriveKey(derived, [], Envelope.Concat(PasswordLabel, publicKey.Bytes.ToArray()), Envelope.Aead, Envelope.NotExportable);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    private static Key RecoveryWrappingKey(RecoveryKey recoveryKey, RecipientPublicKey publicKey) =>
        Envelope.Hkdf.DeriveKey(recoveryKey.Bytes, [], Envelope.Concat(RecoveryLabel, publicKey.Bytes.ToArray()), Envelope.Aead, Envelope.NotExportable);
}
