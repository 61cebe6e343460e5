using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Features.Shared;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Organizations;

/// <summary>
/// The first-run page: creates the first organization and its owner. It exists only while the database has
/// no organization, and only the one-time token printed on the server console unlocks it (DESIGN §9.13).
/// </summary>
[AllowAnonymous]
public sealed class SetupModel(
    RightscopeDbContext db,
    SetupToken setupToken,
    OrganizationProvisioner provisioner,
    SignInManager<User> signIn,
    IStringLocalizer<SharedText> text) : PageModel
{
    // Two first-run submissions at once must not both create a "first" organization.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(64, ErrorMessage = "Validation.MaxLength")]
        public string SetupToken { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string OrganizationName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(OrganizationSlug.MaxLength, ErrorMessage = "Validation.MaxLength")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        public string Kind { get; set; } = "investor";

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1024, ErrorMessage = "Validation.MaxLength")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await db.Organizations.AnyAsync(cancellationToken) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (await db.Organizations.AnyAsync(cancellationToken))
            {
                return NotFound();
            }

            if (!ModelState.IsValid)
            {
                return this.InvalidForm();
            }

            if (!setupToken.Matches(Input.SetupToken))
            {
                ModelState.AddModelError("Input.SetupToken", text["Setup.TokenWrong"]);
                return this.InvalidForm();
            }

            if (!OrganizationKinds.TryParse(Input.Kind, out var kind))
            {
                ModelState.AddModelError("Input.Kind", text["Validation.ValueInvalid", Input.Kind]);
                return this.InvalidForm();
            }

            var result = await provisioner.CreateOwnerAsync(
                new NewOrganization(Input.Slug.Trim(), Input.OrganizationName, kind),
                new NewOwner(Input.Email, Input.DisplayName ?? "", Input.Password),
                AuditActor.System,
                allowExistingOrganization: false,
                cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(FormField(error.Field), error.Message);
                }

                return this.InvalidForm();
            }

            setupToken.Spend();
            await signIn.SignInAsync(result.User!, isPersistent: false);
            return Redirect($"/o/{result.Organization!.Slug}");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string FormField(string field) => field switch
    {
        "org" => "Input.Slug",
        "org-name" => "Input.OrganizationName",
        "org-kind" => "Input.Kind",
        "email" => "Input.Email",
        "password" => "Input.Password",
        _ => string.Empty,
    };
}
