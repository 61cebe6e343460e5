using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Rightscope.Features.Accounts;

/// <summary>
/// Authenticator (TOTP) codes that work once: a code, or any code of an earlier time step, is refused after a code
/// has been accepted. Someone who watched a code being typed cannot reuse it within its validity window (RFC 6238
/// §5.2). The last accepted step is stored on the user, and the user's concurrency stamp makes two simultaneous
/// uses of one code succeed at most once.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : AuthenticatorTokenProvider<User>
{
    /// <summary>Two steps either way (±60 s), as Identity's own provider allows, for phones whose clock drifts.</summary>
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is null || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(token, out var step, Window) || (user.LastTotpTimeStep is { } last && step <= last))
        {
            return false;
        }

        user.LastTotpTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
