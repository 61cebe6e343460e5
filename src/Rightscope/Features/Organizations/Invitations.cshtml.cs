using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Organizations;

/// <summary>
/// Invites people into the organization with a role. Wave 1 sends no e-mail: the link is shown once, to the
/// owner who creates it, and only its hash is stored.
/// </summary>
[RequirePermission(Permission.ManageMembers)]
public sealed class InvitationsModel(
    RightscopeDbContext db,
    OrganizationContext context,
    UserManager<User> users,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<OrganizationsText> text) : PageModel
{
    public sealed record OpenInvitation(Guid Id, string Email, Role Role, DateTime ExpiresAt);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Organization Organization => context.Current;

    public IReadOnlyList<OpenInvitation> Open { get; private set; } = [];

    /// <summary>The link of the invitation just created; it exists only in this response.</summary>
    public string? CreatedLink { get; private set; }

    public string? CreatedFor { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        public string Role { get; set; } = Core.Accounts.Role.Analyst.ToCode();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Done = null;
        if (!Roles.TryParse(Input.Role, out var role))
        {
            ModelState.AddModelError("Input.Role", text["Invitations.RoleInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync(cancellationToken);
        }

        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && await db.Memberships.AnyAsync(m => m.UserId == existing.Id, cancellationToken))
        {
            ModelState.AddModelError("Input.Email", text["Invitations.AlreadyMember"]);
            return await InvalidAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = email.ToUpperInvariant();
        if (await db.Invitations.AnyAsync(
                i => i.Email.ToUpper() == normalized && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now,
                cancellationToken))
        {
            ModelState.AddModelError("Input.Email", text["Invitations.AlreadyInvited"]);
            return await InvalidAsync(cancellationToken);
        }

        var token = InvitationToken.Create();
        var invitation = new Invitation
        {
            OrganizationId = Organization.Id,
            Email = email,
            Role = role,
            TokenHash = InvitationToken.Hash(token),
            InvitedByUserId = context.Membership!.UserId,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        db.Invitations.Add(invitation);
        // The token stays out of the entry: whoever reads the audit trail must not be able to join.
        await audit.SaveChangesAsync(
            new AuditRecord(
                Organization.Id,
                Actor(),
                "invitation.created",
                "invitation",
                invitation.Id.ToString("N"),
                string.Create(CultureInfo.InvariantCulture, $"{email} invited as {role.ToCode()}, expires {invitation.ExpiresAt:yyyy-MM-dd'T'HH:mm'Z'}")),
            cancellationToken);

        CreatedLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/invitations/{token}";
        CreatedFor = email;
        // The one response that carries the link must not be kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        ModelState.Clear();
        Input = new InputModel();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        // The tenant filter hides other organizations' invitations: their ids are simply not found here.
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        var allowed = await authorization.AuthorizeAsync(User, invitation, new PermissionRequirement(Permission.ManageMembers));
        if (!allowed.Succeeded)
        {
            return Forbid();
        }

        if (invitation.AcceptedAt is not null)
        {
            // Accepted invitations are no longer listed, so the error belongs to the page, not to a row.
            ModelState.AddModelError(string.Empty, text["Invitations.AlreadyAccepted"]);
            return await InvalidAsync(cancellationToken);
        }

        if (invitation.RevokedAt is not null)
        {
            return Redirect($"/o/{Organization.Slug}/invitations?done=revoked");
        }

        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await audit.SaveChangesAsync(
            new AuditRecord(
                Organization.Id,
                Actor(),
                "invitation.revoked",
                "invitation",
                invitation.Id.ToString("N"),
                $"invitation of {invitation.Email} as {invitation.Role.ToCode()} revoked"),
            cancellationToken);
        return Redirect($"/o/{Organization.Slug}/invitations?done=revoked");
    }

    /// <summary>The id of a row's revoke button, and the key of its errors.</summary>
    public static string RevokeField(Guid invitationId) => $"revoke-{invitationId:N}";

    private AuditActor Actor() =>
        AuditActor.SignedIn(User);

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        Done = null;
        await LoadAsync(cancellationToken);
        return this.InvalidForm();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Open = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new OpenInvitation(i.Id, i.Email, i.Role, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }
}
