using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>A case's file as shown in a list: decrypted details, never the content.</summary>
public sealed record AttachmentListing(Guid Id, AttachmentDetails Details, MessageAuthor AddedBy, DateOnly AddedOn);

/// <summary>Reads a case's files with its key: the list (details only) and one file's bytes for download.</summary>
public sealed class CaseAttachments(RightscopeDbContext db)
{
    public async Task<List<AttachmentListing>> ListAsync(Guid caseId, CaseKey key, CancellationToken cancellationToken)
    {
        // Only the small encrypted details: the content stays in the database until someone downloads it.
        var rows = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId)
            .Select(a => new { a.Id, a.Details, a.AddedBy, a.AddedOn }).ToListAsync(cancellationToken);
        return rows.Select(r => new AttachmentListing(r.Id, AttachmentDetails.Decrypt(key, r.Id, r.Details), r.AddedBy, r.AddedOn))
            .OrderBy(a => a.AddedOn).ThenBy(a => a.Details.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The file's details and bytes (without padding), or null if the case has no such file.</summary>
    public async Task<(AttachmentDetails Details, byte[] Content)?> OpenAsync(Guid caseId, Guid attachmentId, CaseKey key, CancellationToken cancellationToken)
    {
        var row = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == caseId && a.Id == attachmentId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var details = AttachmentDetails.Decrypt(key, row.Id, row.Details);
        // Decrypted whole before anything is sent: a file that fails to open is never half-delivered.
        using var plaintext = new MemoryStream();
        await CaseCipher.DecryptStreamAsync(key, ContentPurpose.FileContent(row.Id), new MemoryStream(row.Content, writable: false), plaintext, cancellationToken);
        if (details.Size > plaintext.Length)
        {
            throw new CryptoOpenException();
        }

        var content = plaintext.GetBuffer().AsSpan(0, (int)details.Size).ToArray();
        plaintext.GetBuffer().AsSpan().Clear();
        return (details, content);
    }
}
