using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Accounts;

namespace Rightscope.Features.Organizations;

/// <summary>A user's role in one organization (DESIGN §9.2).</summary>
public sealed class Membership : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public Role Role { get; set; }

    public DateTime CreatedAt { get; set; }
}
