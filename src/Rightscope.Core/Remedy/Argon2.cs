using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>Argon2id over secret bytes or a password, into a buffer the caller zeroes.</summary>
internal static class Argon2
{
    public const int SaltSize = 16;
    public const int OutputSize = 32;

    public static byte[] NewSalt()
    {
        var salt = new byte[SaltSize];
        RandomNumberGenerator.Fill(salt);
        return salt;
    }

    public static void Derive(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> salt, KeyDerivationCost cost, Span<byte> output)
    {
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"An Argon2id salt has {SaltSize} bytes.", nameof(salt));
        }

        PasswordBasedKeyDerivationAlgorithm.Argon2id(cost.ToParameters()).DeriveBytes(secret, salt, output);
    }

    // The password as typed, UTF-8 encoded, no normalization: ASP.NET Core Identity checks the same string.
    public static void DerivePassword(string password, ReadOnlySpan<byte> salt, KeyDerivationCost cost, Span<byte> output)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var bytes = GC.AllocateUninitializedArray<byte>(Encoding.UTF8.GetMaxByteCount(password.Length), pinned: true);
        try
        {
            var length = Encoding.UTF8.GetBytes(password, bytes);
            Derive(bytes.AsSpan(0, length), salt, cost, output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
