using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Rightscope.Features.Organizations;

/// <summary>
/// The secret in an invitation link: 32 random bytes, base64url. Only its SHA-256 is stored, so a copy of the
/// database cannot be used to join an organization.
/// </summary>
public static class InvitationToken
{
    private const int Bytes = 32;

    /// <summary>The length of a token in characters (base64url of 32 bytes, without padding).</summary>
    public const int Length = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Lowercase hex SHA-256 of the token, as stored in <see cref="Invitation.TokenHash"/>.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether the text could be a token at all; anything else is rejected before touching the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && Base64Url.IsValid(token, out var decodedLength) && decodedLength == Bytes;
}
