using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rightscope.Core.Audit;

/// <summary>
/// Hashes audit entries into a chain and seals each hash with an HMAC whose key lives in configuration,
/// so that someone who can write the database can neither edit an entry nor recompute the chain unnoticed.
/// </summary>
public sealed class AuditHasher
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public AuditHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public static string Hash(AuditEntryData entry)
    {
        var canonical = Canonical(entry);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    public string Seal(string hash) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(hash)));

    public bool IsSealValid(string hash, string seal)
    {
        var expected = Encoding.ASCII.GetBytes(Seal(hash));
        var actual = Encoding.ASCII.GetBytes(seal);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    // Each field is length-prefixed so that moving text from one field into the next changes the hash.
    private static byte[] Canonical(AuditEntryData entry)
    {
        string?[] fields =
        [
            "rightscope-audit-v1",
            entry.Chain,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            entry.ActorId,
            entry.Actor,
            entry.Action,
            entry.TargetType,
            entry.TargetId,
            entry.Summary,
            entry.PreviousHash,
        ];

        var builder = new StringBuilder();
        foreach (var field in fields)
        {
            if (field is null)
            {
                builder.Append("-1:");
                continue;
            }

            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
