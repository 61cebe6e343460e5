using Microsoft.AspNetCore.Identity;

namespace Rightscope.Features.Accounts;

/// <summary>A person who signs in. What they may do depends on their memberships, one per organization.</summary>
public sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
