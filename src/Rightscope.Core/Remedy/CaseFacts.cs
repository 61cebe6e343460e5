namespace Rightscope.Core.Remedy;

/// <summary>
/// What the effectiveness dashboard knows of one case: only metadata stored in clear (days, state, triage, referral
/// and remedy types, the reporter's satisfaction answer). Nothing here is ever decrypted for statistics. Sex is null
/// unless recorded in clear, which the defender-incident questionnaire does not do today (its profile is encrypted
/// with the report).
/// </summary>
public sealed record CaseFacts(
    DateOnly ReceivedOn,
    CaseStatus Status,
    DateOnly? AcknowledgedOn,
    DateOnly? FirstFeedbackOn,
    IReadOnlyList<string> Groups,
    string? Region,
    string? Sex,
    IReadOnlyList<(ReferralMechanism Mechanism, ReferralStatus Status)> Referrals,
    IReadOnlyList<RemedyType> Remedies,
    ReporterSatisfaction? Satisfaction,
    Guid? CompanyId,
    IReadOnlyList<string> Rights);
