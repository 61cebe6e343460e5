using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Accounts;

/// <summary>Second step of signing in without the authenticator app: one of the saved recovery codes, each valid once.</summary>
[AllowAnonymous]
public sealed class SignInRecoveryModel(
    SignInManager<User> signIn,
    UserManager<User> users,
    RightscopeDbContext db,
    AuditTrail audit,
    IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The password step has expired; the page offers to start over.</summary>
    public bool Expired { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(32, ErrorMessage = "Validation.MaxLength")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartOver() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The password step expired while the person looked for their code: say so rather than jump away.
            Expired = true;
            ModelState.AddModelError(string.Empty, text["TwoFactorSignIn.Expired"]);
            return this.InvalidForm();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var actor = AuditActor.Person(user.Id, user.Email);
        var target = user.Id.ToString("N");
        if (await users.IsLockedOutAsync(user))
        {
            await audit.SaveChangesAsync(new AuditRecord(null, actor, "account.locked-out", "user", target, "recovery code while locked out"), cancellationToken);
            return RedirectToPage("/Accounts/Lockout");
        }

        var code = TwoFactor.NormalizeRecoveryCode(Input.Code);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (code is not null)
        {
            var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            if (result.Succeeded)
            {
                var left = await users.CountRecoveryCodesAsync(user);
                await audit.SaveChangesAsync(
                    new AuditRecord(null, actor, "account.signed-in", "user", target, $"password and recovery code; {left} recovery codes left"),
                    cancellationToken);
                return LocalRedirect(this.LocalOr(ReturnUrl, "/orgs"));
            }
        }

        // Recovery codes are guessed like passwords, so a wrong one counts towards the lockout; Identity does not
        // count it itself.
        await users.AccessFailedAsync(user);
        var lockedOut = await users.IsLockedOutAsync(user);
        await audit.SaveChangesAsync(
            new AuditRecord(null, actor, lockedOut ? "account.locked-out" : "account.sign-in-failed", "user", target, "wrong recovery code"),
            cancellationToken);
        if (lockedOut)
        {
            return RedirectToPage("/Accounts/Lockout");
        }

        ModelState.AddModelError("Input.Code", text["RecoverySignIn.Failed"]);
        return this.InvalidForm();
    }

    private RedirectToPageResult StartOver() => RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnUrl });
}
