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
/// Re-wraps a handler's case key with their current account password using the recovery key — the way back after
/// an administrator reset the password, which cannot re-wrap a key it cannot open. The recovery key, once typed,
/// is replaced by a new one shown once, so a key that was seen cannot be used again.
/// </summary>
public sealed class CaseKeyRecoveryModel(
    SignInManager<User> signIn,
    UserManager<User> users,
    RightscopeDbContext db,
    AuditTrail audit,
    KeyDerivationQueue derivations,
    RemedySettings settings,
    TimeProvider clock,
    IStringLocalizer<RemedyText> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    public string RecoveryKey { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1024, ErrorMessage = "Validation.MaxLength")]
    public string Password { get; set; } = "";

    public bool HasKeys { get; private set; }

    /// <summary>The replacement recovery key, shown once after a successful recovery.</summary>
    public string? NewRecoveryKey { get; private set; }

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

        var stored = await db.HandlerKeys.FirstOrDefaultAsync(k => k.UserId == user.Id, cancellationToken);
        HasKeys = stored is not null;
        if (stored is null)
        {
            return RedirectToPage("/Remedy/CaseKeys");
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (await this.RefuseWrongPasswordAsync(signIn, user, Password, text["Keys.WrongPassword"]) is { } refused)
        {
            return refused;
        }

        if (!Core.Remedy.RecoveryKey.TryParse(RecoveryKey, out var recoveryKey) || recoveryKey is null)
        {
            ModelState.AddModelError(nameof(RecoveryKey), text["Recover.KeyInvalid"]);
            return this.InvalidForm();
        }

        using (recoveryKey)
        {
            var (admitted, rewrapped) = await derivations.TryRunAsync<(WrappedRecipientKey Wrapped, string Display)?>(() =>
            {
                try
                {
                    var wrapped = RecipientKeyPair.ResetPassword(stored.ToWrapped(), recoveryKey, Password, settings.Cost);
                    wrapped = RecipientKeyPair.ReplaceRecoveryKey(wrapped, Password, out var replacement);
                    using (replacement)
                    {
                        return (wrapped, replacement.FormatForDisplay());
                    }
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

            if (rewrapped is not { } result)
            {
                ModelState.AddModelError(nameof(RecoveryKey), text["Recover.KeyInvalid"]);
                return this.InvalidForm();
            }

            stored.ByPassword = result.Wrapped.ByPassword;
            stored.ByRecoveryKey = result.Wrapped.ByRecoveryKey;
            stored.Cost = settings.Cost.ToDescriptor();
            stored.ChangedAt = clock.GetUtcNow().UtcDateTime;
            await audit.SaveChangesAsync(
                new AuditRecord(null, AuditActor.Person(user.Id, user.Email), "remedy.case-keys-recovered", "user", user.Id.ToString("N"), "case key re-wrapped with the recovery key; a new recovery key was issued"),
                cancellationToken);
            NewRecoveryKey = result.Display;
        }

        RecoveryKey = "";
        Password = "";
        return Page();
    }
}
