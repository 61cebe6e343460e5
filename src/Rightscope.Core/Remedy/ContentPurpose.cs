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

    /// <summary>A handler's internal note, never shown to the reporter.</summary>
    public static string Note(Guid noteId) => $"note/{noteId:N}";

    /// <summary>The details and outcome of a referral to another mechanism.</summary>
    public static string Referral(Guid referralId) => $"referral/{referralId:N}";

    /// <summary>What a remedy outcome consists of.</summary>
    public static string RemedyOutcome(Guid outcomeId) => $"outcome/{outcomeId:N}";

    /// <summary>Why a case was closed without remedy.</summary>
    public const string NoRemedyReason = "closure/no-remedy";

    /// <summary>The note of a retaliation check-in.</summary>
    public static string CheckIn(Guid checkInId) => $"check-in/{checkInId:N}";
}
