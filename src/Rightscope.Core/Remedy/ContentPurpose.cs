namespace Rightscope.Core.Remedy;

/// <summary>
/// Purposes that bind a ciphertext to the field it belongs to (<see cref="CaseCipher"/>): a blob copied into another
/// field, message or file fails to open. Include who wrote a message when the row stores it, so the direction cannot be
/// flipped in the database either.
/// </summary>
public static class ContentPurpose
{
    /// <summary>The first report's form answers.</summary>
    public const string Report = "report";

    public static string Message(Guid messageId, string author) => $"message/{messageId:N}/{author}";

    public static string FileName(Guid fileId) => $"file/{fileId:N}/name";

    public static string FileContent(Guid fileId) => $"file/{fileId:N}/content";
}
