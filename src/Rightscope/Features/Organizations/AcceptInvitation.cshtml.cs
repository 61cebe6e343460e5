using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Organizations;

/// <summary>
/// Where an invitation link leads. The invited person joins with an account of the invited e-mail address:
/// the one they are signed in with, one they sign in to, or one they create here.
/// </summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(
    RightscopeDbContext db,
    TenantScope tenant,
    UserManager<User> users,
    SignInManager<User> signIn,
    AuditTrail audit,
    TimeProvider clock) : PageModel
{
    public enum View
    {
        /// <summary>Unknown, expired, used or revoked: the page does not say which.</summary>
        Invalid,

        /// <summary>Signed in with the invited e-mail address.</summary>
        Accept,

        /// <summary>Signed in with the invited e-mail address and already a member.</summary>
        AlreadyMember,

        /// <summary>Signed in with another e-mail address.</summary>
        OtherAccount,

        /// <summary>Not signed in; an account with the invited e-mail address exists.</summary>
        SignIn,

        /// <summary>Not signed in; no account with the invited e-mail address exists.</summary>
        Register,
    }

    [FromRoute]
    public string Token { get; set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public View Show { get; private set; } = View.Invalid;

    public string OrganizationName { get; private set; } = "";

    public string OrganizationSlug { get; private set; } = "";

    public Role Role { get; private set; }

    public string InvitedEmail { get; private set; } = "";

    public string? SignedInEmail { get; private set; }

    public Role? CurrentRole { get; private set; }

    public string SignInUrl => $"/account/sign-in?returnUrl={Uri.EscapeDataString(PagePath)}";

    public string PagePath => $"/invitations/{Token}";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1024, ErrorMessage = "Validation.MaxLength")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string ConfirmPassword { get; set; } = "";
    }

    private sealed record Found(Invitation Invitation, Organization Organization);

    // The invitation of the token, open or not; only used to recognise the person who already accepted it.
    private Invitation? _invitation;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (found, user) = await ResolveAsync(cancellationToken);
        if (found is null)
        {
            return await AlreadyAcceptedByVisitorAsync(user, cancellationToken) ?? Invalid();
        }

        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        var (found, user) = await ResolveAsync(cancellationToken);
        if (found is null)
        {
            // A second click on Accept lands here once the first has used the invitation.
            return await AlreadyAcceptedByVisitorAsync(user, cancellationToken) ?? Invalid();
        }

        ModelState.Clear();
        if (Show != View.Accept)
        {
            return this.InvalidForm();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await MarkAcceptedAsync(found.Invitation, cancellationToken))
        {
            await RollBackAsync(cancellationToken);
            return await AlreadyAcceptedByVisitorAsync(user, cancellationToken) ?? Invalid();
        }

        var joined = await JoinAsync(found, user!, "existing account", cancellationToken);
        return joined ? Redirect($"/o/{found.Organization.Slug}") : await AlreadyMemberAsync(found, user!, cancellationToken);
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        var (found, _) = await ResolveAsync(cancellationToken);
        if (found is null)
        {
            return Invalid();
        }

        if (Show != View.Register)
        {
            ModelState.Clear();
            return this.InvalidForm();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var invitation = found.Invitation;
        var user = new User
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            // The link went to this address's owner (wave 1: passed on by the inviting owner), which is the
            // confirmation the organization asked for.
            EmailConfirmed = true,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await MarkAcceptedAsync(invitation, cancellationToken))
        {
            return Invalid();
        }

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, Input.Password);
        }
        catch (DbUpdateException)
        {
            // The unique user name index refused a concurrent registration of the same address.
            created = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(invitation.Email));
        }

        if (!created.Succeeded)
        {
            // Most likely someone registered this address a moment ago; rolling back leaves the invitation open.
            await RollBackAsync(cancellationToken);
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }

            return this.InvalidForm();
        }

        if (!await JoinAsync(found, user, "new account", cancellationToken))
        {
            return Invalid();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect($"/o/{found.Organization.Slug}");
    }

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            await audit.SaveChangesAsync(
                new AuditRecord(null, AuditActor.Person(user.Id, user.Email), "account.signed-out", "user", user.Id.ToString("N"), "to accept an invitation for another e-mail address"),
                cancellationToken);
        }

        return Redirect(PagePath);
    }

    /// <summary>
    /// Finds the open invitation of the token and decides what the visitor sees. Returns no invitation when
    /// the link is invalid, expired, used or revoked.
    /// </summary>
    private async Task<(Found? Found, User? User)> ResolveAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var user = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        SignedInEmail = user?.Email;
        if (!InvitationToken.IsWellFormed(Token))
        {
            return (null, user);
        }

        // The link names no organization, so this lookup crosses organizations on purpose; the token's hash
        // is the only key, and an equality lookup on a hash reveals nothing about the token.
        var hash = InvitationToken.Hash(Token);
        var invitation = await db.Invitations.IgnoreQueryFilters()
            .Include(i => i.Organization)
            .FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation?.Organization is null)
        {
            return (null, user);
        }

        // From here on the request acts inside the invitation's organization.
        tenant.Enter(invitation.OrganizationId);
        _invitation = invitation;
        OrganizationName = invitation.Organization.Name;
        OrganizationSlug = invitation.Organization.Slug;
        Role = invitation.Role;
        InvitedEmail = invitation.Email;
        var found = new Found(invitation, invitation.Organization);
        if (!invitation.IsOpen(clock.GetUtcNow().UtcDateTime))
        {
            return (null, user);
        }

        if (user is not null)
        {
            if (!IsInvited(user, invitation))
            {
                Show = View.OtherAccount;
                return (found, user);
            }

            CurrentRole = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => (Role?)m.Role).FirstOrDefaultAsync(cancellationToken);
            Show = CurrentRole is null ? View.Accept : View.AlreadyMember;
            return (found, user);
        }

        Show = await users.FindByEmailAsync(invitation.Email) is null ? View.Register : View.SignIn;
        return (found, null);
    }

    /// <summary>
    /// Closes the invitation inside the caller's transaction, only if it is still open: of two acceptances at
    /// once, exactly one gets here with true.
    /// </summary>
    private async Task<bool> MarkAcceptedAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        return updated == 1;
    }

    /// <summary>Adds the membership and its audit entry, committing the caller's transaction; false if the user is already a member.</summary>
    private async Task<bool> JoinAsync(Found found, User user, string how, CancellationToken cancellationToken)
    {
        var invitation = found.Invitation;
        db.Memberships.Add(new Membership
        {
            OrganizationId = invitation.OrganizationId,
            UserId = user.Id,
            Role = invitation.Role,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(
                    invitation.OrganizationId,
                    AuditActor.Person(user.Id, user.Email),
                    "invitation.accepted",
                    "invitation",
                    invitation.Id.ToString("N"),
                    $"{invitation.Email} joined as {invitation.Role.ToCode()} ({how})"),
                cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            await RollBackAsync(cancellationToken);
            if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
            {
                // Joined through another invitation at the same moment: the unique (organization, user) index
                // refused the second membership, and the rolled-back transaction leaves this invitation open.
                return false;
            }

            throw;
        }
    }

    private async Task RollBackAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is IDbContextTransaction transaction)
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private async Task<IActionResult> AlreadyMemberAsync(Found found, User user, CancellationToken cancellationToken)
    {
        Show = View.AlreadyMember;
        CurrentRole = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => (Role?)m.Role).FirstOrDefaultAsync(cancellationToken);
        OrganizationSlug = found.Organization.Slug;
        return Page();
    }

    /// <summary>
    /// The invited person who already accepted and follows the link again goes to the organization instead
    /// of an error; anyone else learns nothing about the link.
    /// </summary>
    private async Task<IActionResult?> AlreadyAcceptedByVisitorAsync(User? user, CancellationToken cancellationToken)
    {
        if (user is null || _invitation is null || !IsInvited(user, _invitation))
        {
            return null;
        }

        var accepted = _invitation.AcceptedAt is not null
            || await db.Invitations.AnyAsync(i => i.Id == _invitation.Id && i.AcceptedAt != null, cancellationToken);
        return accepted && await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken)
            ? Redirect($"/o/{OrganizationSlug}")
            : null;
    }

    private static bool IsInvited(User user, Invitation invitation) =>
        string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase);

    private PageResult Invalid()
    {
        Show = View.Invalid;
        OrganizationName = "";
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
