using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Rightscope.Features.ApiTokens;

/// <summary>
/// The secret of an API token: <c>rs_</c> and 32 random bytes in base64url. The prefix makes leaked tokens easy to
/// recognize for secret scanners; only the SHA-256 is stored, so a copy of the database cannot call the API.
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "rs_";

    private const int Bytes = 32;

    /// <summary>The length of a secret: the marker and base64url of 32 bytes without padding.</summary>
    public const int Length = 3 + 43;

    /// <summary>How much of the secret lists show, enough to tell tokens apart and nothing to guess with.</summary>
    public const int PrefixLength = 8;

    public static string Create() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    public static string Prefix(string secret) => secret[..PrefixLength];

    /// <summary>Lowercase hex SHA-256 of the secret, as stored in <see cref="ApiToken.TokenHash"/>.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    /// <summary>Whether the text could be a secret at all; anything else is rejected before touching the database.</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: Length }
        && secret.StartsWith(Marker, StringComparison.Ordinal)
        && Base64Url.IsValid(secret.AsSpan(Marker.Length), out var decodedLength)
        && decodedLength == Bytes;
}
