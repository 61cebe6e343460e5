using Rightscope.Core.Accounts;
using Rightscope.Data;

namespace Rightscope.Features.Organizations;

/// <summary>
/// An offer to join an organization with a role. Only the SHA-256 of the token is stored; the link with the
/// token is shown once to the owner who passes it on (wave 1 sends no e-mail).
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Email { get; set; }

    public Role Role { get; set; }

    public required string TokenHash { get; set; }

    public Guid InvitedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;
}
