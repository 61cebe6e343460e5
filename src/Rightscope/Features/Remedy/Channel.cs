using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A public reporting channel of one organization, reached without signing in at <c>/report/{slug}</c>. Its
/// receipt salt and cost are fixed at creation: every receipt of the channel is derived with them, so the case can
/// be found from the receipt alone (docs/remedy-crypto.md, "Why one salt per channel").
/// </summary>
public sealed class Channel : ITenantOwned
{
    public const int NameMaxLength = 200;
    public const int IntroMaxLength = 4000;
    public const int MinRetentionDays = 30;
    public const int MaxRetentionDays = 3650;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    /// <summary>Unique across all organizations: the public URL has no organization segment.</summary>
    public required string Slug { get; set; }

    public required string NameEn { get; set; }

    public required string NameZh { get; set; }

    public string IntroEn { get; set; } = "";

    public string IntroZh { get; set; } = "";

    public QuestionnaireKind Questionnaire { get; set; }

    public int RetentionDays { get; set; }

    /// <summary>16 random bytes from <c>ReporterAccessKey.NewSalt()</c>.</summary>
    public required byte[] ReceiptSalt { get; set; }

    /// <summary>The Argon2id cost descriptor every receipt of this channel is derived with.</summary>
    public required string ReceiptCost { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Days after receipt by which a case must be acknowledged (<see cref="Core.Remedy.ServiceLevel"/>).</summary>
    public int AcknowledgeDays { get; set; } = Core.Remedy.ServiceLevel.Default.AcknowledgeDays;

    /// <summary>Calendar months after acknowledgement by which the reporter must have had feedback.</summary>
    public int FeedbackMonths { get; set; } = Core.Remedy.ServiceLevel.Default.FeedbackMonths;

    public Core.Remedy.ServiceLevel ServiceLevel => new(AcknowledgeDays, FeedbackMonths);

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    public string Intro(bool chinese) => chinese ? IntroZh : IntroEn;
}
