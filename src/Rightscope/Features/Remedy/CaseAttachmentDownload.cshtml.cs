using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A case's file, decrypted for a recipient of the case and always sent as a download: whatever the reporter sent
/// (an HTML page named .txt, a crafted PDF) is never shown inside the application. Each download is audited — who,
/// which case, when — never the file's name or content.
/// </summary>
[RequirePermission(Permission.HandleCases)]
public sealed class CaseAttachmentDownloadModel(
    RightscopeDbContext db, OrganizationContext context, HandlerSession session, CaseAttachments attachments, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var userId = context.Membership!.UserId;
        var envelope = await db.CaseRecipientEnvelopes.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == id && e.UserId == userId, cancellationToken);
        var found = envelope is null ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (envelope is null || found is null)
        {
            return NotFound();
        }

        var back = $"/account/case-keys/unlock?returnUrl={Uri.EscapeDataString($"/o/{context.Current.Slug}/cases/{id}")}";
        using var key = await session.OpenCaseKeyAsync(envelope.SealedKey, id);
        if (key is null)
        {
            return Redirect(back);
        }

        var file = await attachments.OpenAsync(id, fileId, key, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        var (details, content) = file.Value;
        await audit.SaveChangesAsync(
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "case.file.downloaded", "case", id.ToString("N"), $"case {found.Number}: file downloaded"),
            cancellationToken);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // The header by hand, not File(…, fileDownloadName): the framework logs the download name, and a file's
        // name is case content. Never rendered by the browser, whatever it is.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(details.Name);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(content, "application/octet-stream");
    }
}
