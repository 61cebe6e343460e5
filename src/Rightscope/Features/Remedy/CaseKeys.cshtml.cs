using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A case handler (or an owner) creates their case key pair by re-entering their password. The private key is
/// wrapped by that password and by a recovery key shown once in this response. A handler who lost both (their
/// password no longer opens the key, after an administrator reset, and the recovery key is gone) replaces the key
/// pair: the case keys sealed to the old public key cannot be opened by anyone any more, so those envelopes are
/// deleted and the cases show up on their other recipients' case pages as "share the case with" this handler.
/// </summary>
public sealed class CaseKeysModel(
    SignInManager<User> signIn,
    UserManager<User> users,
    RightscopeDbContext db,
    AuditTrail audit,
    HandlerSession session,
    RemedySettings settings,
    KeyDerivationQueue derivations,
    TimeProvider clock,
    IStringLocalizer<RemedyText> text) : PageModel
{
    public HandlerKey? Existing { get; private set; }

    public string? Fingerprint { get; private set; }

    /// <summary>Shown once, in the response that created it.</summary>
    public string? NewRecoveryKey { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1024, ErrorMessage = "Validation.MaxLength")]
    public string Password { get; set; } = "";

    /// <summary>The handler confirms they understand that cases must be shared with them again.</summary>
    [BindProperty]
    public bool ConfirmReplace { get; set; }

    /// <summary>How many sealed case keys the replacement dropped, shown with the new recovery key.</summary>
    public int? Dropped { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id && (m.Role == Role.CaseHandler || m.Role == Role.Owner), cancellationToken))
        {
            return Forbid();
        }

        await LoadAsync(user.Id, cancellationToken);
        if (Existing is not null)
        {
            ModelState.AddModelError("", text["Keys.Exist"]);
            return this.InvalidForm();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (await this.RefuseWrongPasswordAsync(signIn, user, Password, text["Keys.WrongPassword"]) is { } refused)
        {
            return refused;
        }

        var (admitted, generated) = await derivations.TryRunAsync(() =>
        {
            var pair = RecipientKeyPair.Generate(Password, settings.Cost, out var recovery);
            return (pair, recovery);
        }, cancellationToken);
        if (!admitted)
        {
            ModelState.AddModelError(nameof(Password), text["Busy.Title"]);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
            return Page();
        }

        var (wrapped, recoveryKey) = generated;
        using (recoveryKey)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.HandlerKeys.Add(new HandlerKey
            {
                UserId = user.Id,
                PublicKey = wrapped.PublicKey.ToBytes(),
                ByPassword = wrapped.ByPassword,
                ByRecoveryKey = wrapped.ByRecoveryKey,
                Cost = settings.Cost.ToDescriptor(),
                CreatedAt = now,
                ChangedAt = now,
            });
            await audit.SaveChangesAsync(
                new AuditRecord(null, AuditActor.Person(user.Id, user.Email), "remedy.case-keys-created", "user", user.Id.ToString("N"), $"case key pair created ({wrapped.PublicKey.Fingerprint})"),
                cancellationToken);
            NewRecoveryKey = recoveryKey.FormatForDisplay();
        }

        await LoadAsync(user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReplaceAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user.Id, cancellationToken);
        var stored = await db.HandlerKeys.FirstOrDefaultAsync(k => k.UserId == user.Id, cancellationToken);
        if (stored is null)
        {
            return RedirectToPage("/Remedy/CaseKeys");
        }

        if (!ConfirmReplace)
        {
            ModelState.AddModelError(nameof(ConfirmReplace), text["Keys.ReplaceConfirmRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (await this.RefuseWrongPasswordAsync(signIn, user, Password, text["Keys.WrongPassword"]) is { } refused)
        {
            return refused;
        }

        // Only a key that is really lost is replaced: one the password still opens keeps every case readable.
        var (admitted, generated) = await derivations.TryRunAsync<(WrappedRecipientKey Wrapped, RecoveryKey Recovery)?>(() =>
        {
            try
            {
                using var stillOpens = RecipientKeyPair.UnwrapWithPassword(stored.ToWrapped(), Password);
                return null;
            }
            catch (CryptoOpenException)
            {
                var pair = RecipientKeyPair.Generate(Password, settings.Cost, out var recovery);
                return (pair, recovery);
            }
        }, cancellationToken);
        if (!admitted)
        {
            ModelState.AddModelError(nameof(Password), text["Busy.Title"]);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
            return Page();
        }

        if (generated is not { } replacement)
        {
            ModelState.AddModelError(nameof(Password), text["Keys.ReplaceNotNeeded"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        using (replacement.Recovery)
        {
            // Envelopes sealed to the old public key open for nobody now; without them the cases list this handler
            // among the recipients to share with again. Across organizations: the key pair is per person.
            var envelopes = await db.CaseRecipientEnvelopes.IgnoreQueryFilters().Where(e => e.UserId == user.Id).ToListAsync(cancellationToken);
            db.CaseRecipientEnvelopes.RemoveRange(envelopes);
            var assigned = await db.Cases.IgnoreQueryFilters().Where(c => c.AssignedUserId == user.Id).ToListAsync(cancellationToken);
            foreach (var grievance in assigned)
            {
                grievance.AssignedUserId = null;
                grievance.ConcurrencyToken = Guid.NewGuid();
            }

            var old = RecipientPublicKey.FromBytes(stored.PublicKey).Fingerprint;
            stored.PublicKey = replacement.Wrapped.PublicKey.ToBytes();
            stored.ByPassword = replacement.Wrapped.ByPassword;
            stored.ByRecoveryKey = replacement.Wrapped.ByRecoveryKey;
            stored.Cost = settings.Cost.ToDescriptor();
            stored.ChangedAt = clock.GetUtcNow().UtcDateTime;
            await audit.SaveChangesAsync(
                new AuditRecord(null, AuditActor.Person(user.Id, user.Email), "remedy.case-keys-replaced", "user", user.Id.ToString("N"),
                    $"case key pair replaced ({old} → {replacement.Wrapped.PublicKey.Fingerprint}); {envelopes.Count} sealed case key(s) dropped, {assigned.Count} case(s) unassigned"),
                cancellationToken);
            NewRecoveryKey = replacement.Recovery.FormatForDisplay();
            Dropped = envelopes.Count;
        }

        if (session.IsUnlocked)
        {
            await session.LockAsync();
        }

        await LoadAsync(user.Id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        Existing = await db.HandlerKeys.AsNoTracking().FirstOrDefaultAsync(k => k.UserId == userId, cancellationToken);
        Fingerprint = Existing is null ? null : RecipientPublicKey.FromBytes(Existing.PublicKey).Fingerprint;
    }
}
