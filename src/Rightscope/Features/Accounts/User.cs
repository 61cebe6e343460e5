using Microsoft.AspNetCore.Identity;

namespace Rightscope.Features.Accounts;

/// <summary>A person who signs in. What they may do depends on their memberships, one per organization.</summary>
public sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The time step of the last authenticator code accepted; codes of this or an earlier step are refused.</summary>
    public long? LastTotpTimeStep { get; set; }
}
