using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Rightscope.Core.Remedy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The handler's unwrapped private key for one session (DESIGN §9.7): carried only in the data-protected
/// authentication cookie, with the time it was last used; after <see cref="IdleLimit"/> without use, decrypting asks
/// for the password again. The key never reaches a log, an audit entry or the database.
/// </summary>
public sealed class HandlerSession(IHttpContextAccessor accessor, TimeProvider clock)
{
    public const string KeyClaim = "rs.remedy.key";
    public const string UsedClaim = "rs.remedy.used";
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(15);

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>Writes the key into the cookie; the caller disposes <paramref name="key"/>.</summary>
    public async Task UnlockAsync(RecipientPrivateKey key)
    {
        var raw = key.ExportForSession();
        try
        {
            await ReissueAsync(Convert.ToBase64String(raw));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Removes the key from the cookie.</summary>
    public Task LockAsync() => ReissueAsync(null);

    /// <summary>
    /// Opens a case key sealed to this handler with the session's private key. Null when the handler must unlock
    /// again: no key in the session (idle or signed in anew), or a key of another key pair than the case was sealed
    /// to (the session is then locked).
    /// </summary>
    public async Task<CaseKey?> OpenCaseKeyAsync(byte[] sealedKey, Guid caseId)
    {
        using var privateKey = await UseAsync();
        if (privateKey is null)
        {
            return null;
        }

        try
        {
            return SealedBox.Open(sealedKey, privateKey, caseId);
        }
        catch (CryptoOpenException)
        {
            await LockAsync();
            return null;
        }
    }

    /// <summary>
    /// The session's key when it was used within the idle limit, with its use recorded (the cookie is re-issued);
    /// null when there is none or it lapsed. Dispose the key when done.
    /// </summary>
    public async Task<RecipientPrivateKey?> UseAsync()
    {
        var user = Http.User;
        var encoded = user.FindFirstValue(KeyClaim);
        var used = user.FindFirstValue(UsedClaim);
        if (encoded is null || used is null
            || !long.TryParse(used, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > IdleLimit)
        {
            return null;
        }

        var raw = Convert.FromBase64String(encoded);
        try
        {
            var key = RecipientPrivateKey.ImportFromSession(raw);
            await ReissueAsync(encoded);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Whether the session holds a key that has not lapsed, without recording a use.</summary>
    public bool IsUnlocked
    {
        get
        {
            var used = Http.User.FindFirstValue(UsedClaim);
            return Http.User.HasClaim(c => c.Type == KeyClaim)
                && long.TryParse(used, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= IdleLimit;
        }
    }

    /// <summary>
    /// Runs on every request that carries the authentication cookie, before the security-stamp check: once the key has
    /// lapsed it is taken out of the principal and the cookie is re-issued without it, so the private key does not
    /// outlive the idle limit in a cookie that is still sent (or copied).
    /// </summary>
    public static void ForgetLapsedKey(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || !identity.HasClaim(c => c.Type is KeyClaim or UsedClaim))
        {
            return;
        }

        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var used = identity.FindFirst(UsedClaim)?.Value;
        if (identity.HasClaim(c => c.Type == KeyClaim)
            && long.TryParse(used, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= IdleLimit)
        {
            return;
        }

        foreach (var claim in identity.Claims.Where(c => c.Type is KeyClaim or UsedClaim).ToList())
        {
            identity.RemoveClaim(claim);
        }

        context.ShouldRenew = true;
    }

    /// <summary>
    /// The security-stamp check rebuilds the principal every minute; without this the key would silently drop out of
    /// the cookie at the next check.
    /// </summary>
    public static Task CarryOver(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is not null)
        {
            foreach (var claim in context.CurrentPrincipal.Claims.Where(c => c.Type is KeyClaim or UsedClaim))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }

        return Task.CompletedTask;
    }

    private async Task ReissueAsync(string? encodedKey)
    {
        var result = await Http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded || result.Principal.Identity is not ClaimsIdentity current)
        {
            throw new InvalidOperationException("The request has no session to carry the key.");
        }

        var identity = new ClaimsIdentity(
            current.Claims.Where(c => c.Type is not (KeyClaim or UsedClaim)),
            current.AuthenticationType,
            current.NameClaimType,
            current.RoleClaimType);
        if (encodedKey is not null)
        {
            identity.AddClaim(new Claim(KeyClaim, encodedKey));
            identity.AddClaim(new Claim(UsedClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(identity);
        await Http.SignInAsync(IdentityConstants.ApplicationScheme, principal, result.Properties);
        Http.User = principal;
    }
}
