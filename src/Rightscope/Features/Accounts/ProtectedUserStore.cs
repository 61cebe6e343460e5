using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Features.Accounts;

/// <summary>
/// Identity's store with every user token (the authenticator key and the recovery codes among them)
/// encrypted at rest by data protection (DESIGN §9.7).
/// </summary>
public sealed class ProtectedUserStore(RightscopeDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<User, RightscopeDbContext, Guid>(context, describer)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Rightscope.Accounts.UserTokens.v1");

    public override Task SetTokenAsync(User user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(User user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is null ? null : _protector.Unprotect(stored);
    }
}
