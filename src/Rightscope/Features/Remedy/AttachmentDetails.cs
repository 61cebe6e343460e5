using System.Text;
using System.Text.Json;
using Rightscope.Core.Remedy;

namespace Rightscope.Features.Remedy;

/// <summary>What is known about a file, stored only encrypted (<see cref="CaseAttachment.Details"/>).</summary>
public sealed record AttachmentDetails(string Name, string Type, long Size, bool MetadataRemoved)
{
    // Padded like messages, so the ciphertext's length says little about the name.
    private const int PaddingBlock = 256;

    public string MediaType => AttachmentTypes.ByCode(Type)?.MediaType ?? "application/octet-stream";

    public byte[] Encrypt(CaseKey key, Guid attachmentId)
    {
        var json = JsonSerializer.Serialize(this);
        var bytes = Encoding.UTF8.GetByteCount(json);
        return CaseCipher.EncryptText(key, ContentPurpose.FileName(attachmentId), json + new string(' ', (bytes / PaddingBlock + 1) * PaddingBlock - bytes));
    }

    public static AttachmentDetails Decrypt(CaseKey key, Guid attachmentId, byte[] details) =>
        JsonSerializer.Deserialize<AttachmentDetails>(CaseCipher.DecryptText(key, ContentPurpose.FileName(attachmentId), details))
        ?? throw new CryptoOpenException();
}

/// <summary>A file received and encrypted, waiting to be stored with its case.</summary>
public sealed record SealedUpload(Guid Id, byte[] Details, byte[] Content, string Name);

/// <summary>What the shared file field (<c>_FilesField.cshtml</c>) needs: the input's name and id, its label, and the metadata box's state.</summary>
public sealed record FilesField(string Name, string Id, string Label, bool RemoveMetadata, UploadLimits Limits);
