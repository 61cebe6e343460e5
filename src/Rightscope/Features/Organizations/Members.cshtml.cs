using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Remedy;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Organizations;

/// <summary>
/// The organization's members: change a member's role or remove a member. An organization always keeps at
/// least one owner, so nobody can lock everyone out of its members and invitations. A case handler who leaves (removed,
/// or given another role) loses their channel recipient rows and sealed case keys in the same transaction, and the
/// cases assigned to them become unassigned; another recipient can share those cases again.
/// </summary>
[RequirePermission(Permission.ManageMembers)]
public sealed class MembersModel(
    RightscopeDbContext db,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    RecipientAccess recipients,
    TimeProvider clock,
    IStringLocalizer<OrganizationsText> text) : PageModel
{
    // Two owners demoting each other at the same moment must not leave the organization without an owner:
    // changes to one organization's members are serialized in this process and, on PostgreSQL, across
    // processes by an advisory lock held until the change commits.
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> OrganizationLocks = new();

    public sealed record Member(Guid MembershipId, Guid UserId, string DisplayName, string Email, Role Role, DateTime Since);

    public Organization Organization => context.Current;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public Guid CurrentUserId => context.Membership!.UserId;

    /// <summary>The outcome of the last change, shown after the redirect (post/redirect/get).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostChangeRoleAsync(Guid membershipId, string? role, CancellationToken cancellationToken)
    {
        var errorKey = RoleField(membershipId);
        if (!Roles.TryParse(role, out var newRole))
        {
            ModelState.AddModelError(errorKey, text["Members.RoleInvalid"]);
            return await InvalidAsync(cancellationToken);
        }

        return await ChangeAsync(membershipId, async (membership, member, ownerCount) =>
        {
            if (membership.Role == newRole)
            {
                return ChangeOutcome.Unchanged;
            }

            if (membership.Role == Role.Owner && ownerCount <= 1)
            {
                ModelState.AddModelError(errorKey, text["Members.LastOwnerDemote"]);
                return ChangeOutcome.Refused;
            }

            var before = membership.Role;
            membership.Role = newRole;
            var revoked = before == Role.Owner ? await RevokeTokensCreatedByAsync(membership.UserId, cancellationToken) : 0;
            var access = before == Role.CaseHandler ? await recipients.RevokeAsync(membership.UserId, null, cancellationToken) : null;
            await audit.SaveChangesAsync(
                new AuditRecord(
                    Organization.Id,
                    Actor(),
                    "member.role-changed",
                    "membership",
                    membership.Id.ToString("N"),
                    $"{member}: role {before.ToCode()} → {newRole.ToCode()}{RevokedNote(revoked)}{AccessNote(access)}"),
                cancellationToken);
            return ChangeOutcome.Done;
        }, cancellationToken) switch
        {
            ChangeOutcome.Done when membershipId == context.Membership!.Id && !newRole.Grants(Permission.ManageMembers) =>
                // Owners who stepped down may no longer see this page; their organization's home page still works.
                Redirect($"/o/{Organization.Slug}"),
            ChangeOutcome.Done => Redirect($"/o/{Organization.Slug}/members?done=role-changed"),
            ChangeOutcome.Unchanged => Redirect($"/o/{Organization.Slug}/members"),
            ChangeOutcome.Refused => await InvalidAsync(cancellationToken),
            ChangeOutcome.Forbidden => Forbid(),
            ChangeOutcome.NotFound => NotFound(),
            _ => throw new InvalidOperationException("unknown outcome"),
        };
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var errorKey = RemoveField(membershipId);
        return await ChangeAsync(membershipId, async (membership, member, ownerCount) =>
        {
            if (membership.Role == Role.Owner && ownerCount <= 1)
            {
                ModelState.AddModelError(errorKey, text["Members.LastOwnerRemove"]);
                return ChangeOutcome.Refused;
            }

            db.Memberships.Remove(membership);
            var revoked = await RevokeTokensCreatedByAsync(membership.UserId, cancellationToken);
            var access = await recipients.RevokeAsync(membership.UserId, null, cancellationToken);
            await audit.SaveChangesAsync(
                new AuditRecord(
                    Organization.Id,
                    Actor(),
                    "member.removed",
                    "membership",
                    membership.Id.ToString("N"),
                    $"{member} removed (role {membership.Role.ToCode()}){RevokedNote(revoked)}{AccessNote(access)}"),
                cancellationToken);
            return ChangeOutcome.Done;
        }, cancellationToken) switch
        {
            ChangeOutcome.Done when membershipId == context.Membership!.Id => Redirect("/orgs"),
            ChangeOutcome.Done => Redirect($"/o/{Organization.Slug}/members?done=removed"),
            ChangeOutcome.Unchanged => Redirect($"/o/{Organization.Slug}/members"),
            ChangeOutcome.Refused => await InvalidAsync(cancellationToken),
            ChangeOutcome.Forbidden => Forbid(),
            ChangeOutcome.NotFound => NotFound(),
            _ => throw new InvalidOperationException("unknown outcome"),
        };
    }

    /// <summary>
    /// Revokes the organization's active API tokens that <paramref name="userId"/> created, in the same save as the
    /// membership change: a former owner may still hold a token's secret, and API writes are authored in their name.
    /// </summary>
    private async Task<int> RevokeTokensCreatedByAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.ApiTokens.Where(t => t.CreatedByUserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }

        return tokens.Count;
    }

    private static string AccessNote(RecipientAccess.Revoked? access) =>
        access is null || access is { Channels: 0, Envelopes: 0, Unassigned: 0 } ? "" : "; " + RecipientAccess.Describe(access);

    private static string RevokedNote(int revoked) => revoked == 0 ? "" : $"; {revoked} API token(s) they created revoked";

    /// <summary>The id of a row's role select, and the key of its errors.</summary>
    public static string RoleField(Guid membershipId) => $"role-{membershipId:N}";

    /// <summary>The id of a row's remove button, and the key of its errors.</summary>
    public static string RemoveField(Guid membershipId) => $"remove-{membershipId:N}";

    private enum ChangeOutcome
    {
        Done,
        Unchanged,
        Refused,
        Forbidden,
        NotFound,
    }

    /// <summary>
    /// Loads the membership under the organization's member lock and applies <paramref name="change"/>, which
    /// saves and audits its change, or adds the reason it refuses to the model state. It receives the
    /// membership, the member's e-mail for the audit entry and the number of owners.
    /// </summary>
    private async Task<ChangeOutcome> ChangeAsync(
        Guid membershipId,
        Func<Membership, string, int, Task<ChangeOutcome>> change,
        CancellationToken cancellationToken)
    {
        var organizationLock = OrganizationLocks.GetOrAdd(Organization.Id, _ => new SemaphoreSlim(1, 1));
        await organizationLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                var key = $"members:{Organization.Id:N}";
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
            }

            // The tenant filter hides other organizations' memberships: their ids are simply not found here.
            var membership = await db.Memberships.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
            if (membership is null)
            {
                return ChangeOutcome.NotFound;
            }

            var allowed = await authorization.AuthorizeAsync(User, membership, new PermissionRequirement(Permission.ManageMembers));
            if (!allowed.Succeeded)
            {
                return ChangeOutcome.Forbidden;
            }

            var ownerCount = await db.Memberships.CountAsync(m => m.Role == Role.Owner, cancellationToken);
            return await change(membership, membership.User?.Email ?? membership.UserId.ToString("N"), ownerCount);
        }
        finally
        {
            organizationLock.Release();
        }
    }

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
        // Memberships are filtered to this organization; users are global and joined for their names.
        var rows = await db.Memberships.AsNoTracking()
            .Select(m => new { m.Id, m.UserId, m.User!.DisplayName, m.User.Email, m.Role, m.CreatedAt })
            .ToListAsync(cancellationToken);
        Members = rows
            .Select(r => new Member(r.Id, r.UserId, r.DisplayName, r.Email ?? "", r.Role, r.CreatedAt))
            .OrderBy(m => m.Role)
            .ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
