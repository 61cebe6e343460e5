using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A file sent with a case, stored in the database as ciphertext only: its name, type and exact size in
/// <see cref="Details"/>, its bytes in <see cref="Content"/> (padded to 64 KiB before encryption, so the stored length
/// tells the size only to the next 64 KiB). In the same table as the case, so a case and its files are written in one
/// transaction and backed up together (docs/remedy-crypto.md, "Attachments").
/// </summary>
public sealed class CaseAttachment : ITenantOwned
{
    /// <summary>Random, like the case's, so the id does not tell when the file came.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public MessageAuthor AddedBy { get; set; }

    public DateOnly AddedOn { get; set; }

    /// <summary><see cref="AttachmentDetails"/> as JSON, encrypted with purpose <c>file/{id}/name</c>.</summary>
    public required byte[] Details { get; set; }

    /// <summary>The file's bytes, padded, encrypted as a stream with purpose <c>file/{id}/content</c>.</summary>
    public required byte[] Content { get; set; }
}
