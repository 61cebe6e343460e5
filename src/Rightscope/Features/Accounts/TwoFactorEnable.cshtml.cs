using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Accounts;

/// <summary>
/// Sets up an authenticator app: shows the key (text and QR code), and turns two-factor on once the person proves
/// the app works by entering a code from it. The recovery codes are shown in that response, once.
/// </summary>
public sealed class TwoFactorEnableModel(
    SignInManager<User> signIn,
    UserManager<User> users,
    RightscopeDbContext db,
    AuditTrail audit,
    IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool AlreadyEnabled { get; private set; }

    /// <summary>The key in blocks of four for typing; null when nothing is to be set up.</summary>
    public string? FormattedKey { get; private set; }

    public string? QrCodeSvg { get; private set; }

    /// <summary>Set only in the response that turned two-factor on.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(32, ErrorMessage = "Validation.MaxLength")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        AlreadyEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (!AlreadyEnabled)
        {
            await LoadKeyAsync(user, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        AlreadyEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (AlreadyEnabled)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user, cancellationToken);
            return this.InvalidForm();
        }

        var code = TwoFactor.NormalizeAuthenticatorCode(Input.Code);
        if (code is null || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            ModelState.AddModelError("Input.Code", code is null ? text["Code.Format"] : text["Enable.Invalid"]);
            await LoadKeyAsync(user, cancellationToken);
            return this.InvalidForm();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))?.ToList() ?? [];
        await audit.SaveChangesAsync(
            new AuditRecord(null, AuditActor.Person(user.Id, user.Email), "account.two-factor-enabled", "user", user.Id.ToString("N"), $"authenticator app; {codes.Count} recovery codes issued"),
            cancellationToken);
        // Turning two-factor on changes the security stamp; renew this session's cookie so it stays signed in.
        await signIn.RefreshSignInAsync(user);
        RecoveryCodes = codes;
        return Page();
    }

    private async Task LoadKeyAsync(User user, CancellationToken cancellationToken)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await users.ResetAuthenticatorKeyAsync(user);
            await audit.SaveChangesAsync(
                new AuditRecord(null, AuditActor.Person(user.Id, user.Email), "account.authenticator-key-created", "user", user.Id.ToString("N"), "new authenticator key for set-up"),
                cancellationToken);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        FormattedKey = TwoFactor.FormatKey(key!);
        QrCodeSvg = TwoFactor.QrCodeSvg(TwoFactor.AuthenticatorUri(user.Email ?? user.UserName ?? user.Id.ToString("N"), key!));
    }
}
