using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Features.Audit;
using Rightscope.Features.Shared;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Accounts;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit, IStringLocalizer<SharedText> text) : PageModel
{
    private static readonly User TimingDecoy = new() { UserName = "timing-decoy" };

    private static readonly Lazy<string> TimingDecoyHash =
        new(() => new PasswordHasher<User>().HashPassword(TimingDecoy, Guid.NewGuid().ToString("N")));

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1024, ErrorMessage = "Validation.MaxLength")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Spend the same hashing time as for a real account, so response times do not reveal who has one.
            users.PasswordHasher.VerifyHashedPassword(TimingDecoy, TimingDecoyHash.Value, Input.Password);
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignInTwoFactor", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }

        if (result.Succeeded)
        {
            await audit.SaveChangesAsync(new AuditRecord(null, AuditActor.Person(user!.Id, user.Email), "account.signed-in", "user", user.Id.ToString("N"), "password"), cancellationToken);
            return LocalRedirect(this.LocalOr(ReturnUrl, "/orgs"));
        }

        if (user is not null)
        {
            await audit.SaveChangesAsync(
                new AuditRecord(null, AuditActor.Person(user.Id, user.Email), result.IsLockedOut ? "account.locked-out" : "account.sign-in-failed", "user", user.Id.ToString("N"), "wrong password"),
                cancellationToken);
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("/Accounts/Lockout");
        }

        // One message for unknown e-mail and wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError(string.Empty, text["SignIn.Failed"]);
        return this.InvalidForm();
    }
}
