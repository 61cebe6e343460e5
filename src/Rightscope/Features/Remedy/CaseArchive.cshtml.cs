using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Exports one case as an encrypted archive (<see cref="CaseArchive"/>) for a recipient of the case with the case key
/// open in the session; anyone else gets 404. The passphrase is typed twice, used once to encrypt, and never stored,
/// logged or put back into the page. Each export is audited — who, which case, when — never the content.
/// </summary>
[RequirePermission(Permission.HandleCases)]
public sealed class CaseArchiveModel(
    RightscopeDbContext db, OrganizationContext context, HandlerSession session, CaseArchive archive, AuditTrail audit, IStringLocalizer<RemedyText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public GrievanceCase Case { get; private set; } = null!;

    [BindProperty]
    public string? Passphrase { get; set; }

    [BindProperty]
    public string? PassphraseConfirm { get; set; }

    private string CaseUrl => $"/o/{Slug}/cases/{Case.Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        return session.IsUnlocked ? Page() : Redirect(UnlockUrl(id));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var passphrase = Passphrase ?? "";
        var confirm = PassphraseConfirm ?? "";
        // Never echoed back into the form, whatever happens (the fields render no value either).
        Passphrase = PassphraseConfirm = null;
        ModelState.Clear();
        if (passphrase.Length < CaseArchive.MinPassphraseLength)
        {
            ModelState.AddModelError(nameof(Passphrase), text["Archive.PassphraseTooShort", CaseArchive.MinPassphraseLength]);
        }
        else if (passphrase.Length > CaseArchive.MaxPassphraseLength)
        {
            ModelState.AddModelError(nameof(Passphrase), text["Validation.TooLong"]);
        }
        else if (confirm != passphrase)
        {
            ModelState.AddModelError(nameof(PassphraseConfirm), text["Archive.PassphraseMismatch"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var (grievance, envelope) = found.Value;
        using var key = await session.OpenCaseKeyAsync(envelope, id);
        if (key is null)
        {
            return Redirect(UnlockUrl(id));
        }

        var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == grievance.ChannelId, cancellationToken);
        var bytes = await archive.BuildAsync(grievance, channel, key, passphrase, cancellationToken);
        await audit.SaveChangesAsync(
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "case.archive.exported", "case", id.ToString("N"), $"case {grievance.Number}: encrypted archive exported"),
            cancellationToken);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(string.Create(CultureInfo.InvariantCulture, $"case-{grievance.Number}.zip"));
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(bytes, "application/zip");
    }

    /// <summary>The case and this user's envelope for it, or null when they are not (or no longer) a recipient.</summary>
    private async Task<(GrievanceCase Case, byte[] Envelope)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = context.Membership!.UserId;
        var envelope = await db.CaseRecipientEnvelopes.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == id && e.UserId == userId, cancellationToken);
        var found = envelope is null ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (envelope is null || found is null)
        {
            return null;
        }

        Case = found;
        return (found, envelope.SealedKey);
    }

    private string UnlockUrl(Guid id) => $"/account/case-keys/unlock?returnUrl={Uri.EscapeDataString($"/o/{Slug}/cases/{id}/archive")}";
}
