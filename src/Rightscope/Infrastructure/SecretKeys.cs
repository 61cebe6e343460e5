using System.Security.Cryptography;

namespace Rightscope.Infrastructure;

/// <summary>
/// Keys that must never live in the database: the audit HMAC key (<c>Rightscope:AuditKey</c>) and the key that
/// encrypts the data-protection key ring (<c>Rightscope:EncryptionKey</c>), both base64 of at least 32 bytes.
/// When not configured, each is generated once into <c>{data}/keys/</c> with owner-only permissions, which
/// suits a single-server install; production sets them from a secret store.
/// </summary>
public sealed class SecretKeys
{
    public const int KeyBytes = 32;

    private SecretKeys(byte[] auditKey, byte[] encryptionKey)
    {
        AuditKey = auditKey;
        EncryptionKey = encryptionKey;
    }

    public byte[] AuditKey { get; }

    public byte[] EncryptionKey { get; }

    public static SecretKeys Load(IConfiguration configuration, DataDirectory dataDirectory) =>
        new(
            Resolve(configuration, "Rightscope:AuditKey", dataDirectory, "audit.key"),
            Resolve(configuration, "Rightscope:EncryptionKey", dataDirectory, "encryption.key"));

    private static byte[] Resolve(IConfiguration configuration, string key, DataDirectory dataDirectory, string fileName)
    {
        var configured = configuration[key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Decode(configured, $"configuration value {key}");
        }

        var directory = Path.Combine(dataDirectory.Path, "keys");
        var path = Path.Combine(directory, fileName);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim(), $"key file {path}");
        }

        dataDirectory.EnsureExists();
        try
        {
            Directory.CreateDirectory(directory);
            var generated = RandomNumberGenerator.GetBytes(KeyBytes);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Convert.ToBase64String(generated));
            }

            return generated;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs.
            return Decode(File.ReadAllText(path).Trim(), $"key file {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The key file {path} cannot be written: {e.Message.TrimEnd('.')}. Set {key} or RIGHTSCOPE_DATA_DIR.");
        }
    }

    private static byte[] Decode(string base64, string origin)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length < KeyBytes)
            {
                throw new StartupException($"The {origin} holds {bytes.Length} bytes; at least {KeyBytes} are required.");
            }

            return bytes;
        }
        catch (FormatException)
        {
            throw new StartupException($"The {origin} is not valid base64.");
        }
    }
}
