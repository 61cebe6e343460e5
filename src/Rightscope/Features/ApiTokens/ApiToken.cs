using Rightscope.Core.Accounts;
using Rightscope.Data;

namespace Rightscope.Features.ApiTokens;

/// <summary>
/// A bearer token for <c>/api/v1</c> that acts with a role of its organization (DESIGN §3, §5). Only the SHA-256
/// of the secret is stored; the secret is shown once, to the owner who creates it.
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public const int NameMaxLength = 100;

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    /// <summary>Recording every request would write on every read; a minute is precise enough to spot unused tokens.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    public Role Role { get; set; }

    public required string TokenPrefix { get; set; }

    public required string TokenHash { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>Owners may hand out any role but their own: a token must not manage members or other tokens.</summary>
    public static bool MayGrant(Role role) => role != Role.Owner;
}
