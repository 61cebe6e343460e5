using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Unlocks the handler's case key for this session (DESIGN §9.7): the password unwraps the private key, which goes
/// into the data-protected session cookie and lapses after 15 minutes without use.
/// </summary>
public sealed class CaseUnlockModel(
    SignInManager<User> signIn,
    UserManager<User> users,
    RightscopeDbContext db,
    AuditTrail audit,
    HandlerSession session,
    KeyDerivationQueue derivations,
    IStringLocalizer<RemedyText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1024, ErrorMessage = "Validation.MaxLength")]
    public string Password { get; set; } = "";

    public bool HasKeys { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        HasKeys = await db.HandlerKeys.AnyAsync(k => k.UserId == user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var stored = await db.HandlerKeys.AsNoTracking().FirstOrDefaultAsync(k => k.UserId == user.Id, cancellationToken);
        HasKeys = stored is not null;
        if (stored is null)
        {
            return RedirectToPage("/Remedy/CaseKeys");
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        // The account's lockout counts wrong guesses here too, so a stolen session cannot be used to guess.
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return RedirectToPage("/Accounts/Lockout");
        }

        RecipientPrivateKey? key = null;
        if (check.Succeeded)
        {
            // Argon2id through the bounded queue, like every other derivation, so unlocks cannot exhaust memory.
            var (admitted, unwrapped) = await derivations.TryRunAsync<RecipientPrivateKey?>(() =>
            {
                try
                {
                    return RecipientKeyPair.UnwrapWithPassword(stored.ToWrapped(), Password);
                }
                catch (CryptoOpenException)
                {
                    return null;
                }
            }, cancellationToken);
            if (!admitted)
            {
                ModelState.AddModelError(nameof(Password), text["Busy.Title"]);
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "60";
                return Page();
            }

            if (unwrapped is null)
            {
                // The account password changed without re-wrapping the key (e.g. an administrator's reset).
                ModelState.AddModelError(nameof(Password), text["Unlock.KeyPasswordDiffers"]);
                return this.InvalidForm();
            }

            key = unwrapped;
        }

        if (key is null)
        {
            ModelState.AddModelError(nameof(Password), text["Keys.WrongPassword"]);
            return this.InvalidForm();
        }

        using (key)
        {
            await session.UnlockAsync(key);
        }

        await audit.SaveChangesAsync(
            new AuditRecord(null, AuditActor.Person(user.Id, user.Email), "remedy.case-keys-unlocked", "user", user.Id.ToString("N"), "case key unlocked for this session"),
            cancellationToken);
        return LocalRedirect(this.LocalOr(ReturnUrl, "/orgs"));
    }
}
