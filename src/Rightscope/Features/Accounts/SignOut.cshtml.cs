using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Accounts;

/// <summary>Signing out is a POST with an anti-forgery token, so no link on another site can sign a user out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            // A new security stamp invalidates every copy of this session's cookie (which may carry a case handler's
            // private key) at its next stamp check, within a minute, instead of letting it live until it expires.
            if (await users.FindByIdAsync(userId.ToString()) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            await audit.SaveChangesAsync(new AuditRecord(null, AuditActor.SignedIn(User), "account.signed-out", "user", userId.ToString("N"), ""), cancellationToken);
        }

        return Redirect("/account/sign-in");
    }
}
