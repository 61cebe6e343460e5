using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Accounts;

/// <summary>Signing out is a POST with an anti-forgery token, so no link on another site can sign a user out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<User> signIn, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await signIn.SignOutAsync();
            await audit.SaveChangesAsync(new AuditRecord(null, AuditActor.SignedIn(User), "account.signed-out", "user", userId.ToString("N"), ""), cancellationToken);
        }

        return Redirect("/account/sign-in");
    }
}
