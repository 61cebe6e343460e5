using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Accounts;

/// <summary>Second step of signing in for accounts with two-factor authentication: a code from the authenticator app.</summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<User> signIn, AuditTrail audit, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The password step has expired; the page offers to start over.</summary>
    public bool Expired { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(32, ErrorMessage = "Validation.MaxLength")]
        public string Code { get; set; } = "";

        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartOver() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The password step leaves a short-lived cookie naming the user; without it there is nothing to complete.
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

        var code = TwoFactor.NormalizeAuthenticatorCode(Input.Code);
        if (code is null)
        {
            ModelState.AddModelError("Input.Code", text["Code.Format"]);
            return this.InvalidForm();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        var actor = AuditActor.Person(user.Id, user.Email);
        var target = user.Id.ToString("N");
        if (result.Succeeded)
        {
            await audit.SaveChangesAsync(
                new AuditRecord(null, actor, "account.signed-in", "user", target, Input.RememberMachine ? "password and authenticator code; device remembered" : "password and authenticator code"),
                cancellationToken);
            return LocalRedirect(this.LocalOr(ReturnUrl, "/orgs"));
        }

        await audit.SaveChangesAsync(
            new AuditRecord(null, actor, result.IsLockedOut ? "account.locked-out" : "account.sign-in-failed", "user", target, "wrong authenticator code"),
            cancellationToken);
        if (result.IsLockedOut)
        {
            return RedirectToPage("/Accounts/Lockout");
        }

        ModelState.AddModelError("Input.Code", text["TwoFactorSignIn.Failed"]);
        return this.InvalidForm();
    }

    private RedirectToPageResult StartOver() => RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnUrl });
}
