using Rightscope.Core.Statistics;

namespace Rightscope.Core.Remedy;

/// <summary>Where a case received in the period stands today; the stages do not overlap, so they add up to the cases received.</summary>
public enum CaseStage
{
    /// <summary>Not acknowledged, more than <see cref="CaseFeedback.AcknowledgeWithinDays"/> days after it was received.</summary>
    Overdue,
    AwaitingAcknowledgement,
    InProgress,
    Closed,
}

/// <summary>The ways cases are broken down; each only where the data is stored in clear.</summary>
public enum Disaggregation
{
    Group,
    Sex,
    Region,
}

/// <summary>
/// Cases by one disaggregation (rows: <see cref="Keys"/>, null meaning "not recorded") × <see cref="CaseStage"/>, and
/// days to acknowledge per row. A case in several affected groups counts in each of their rows.
/// </summary>
public sealed record Breakdown(Disaggregation By, IReadOnlyList<string?> Keys, SuppressedTable Stages, IReadOnlyList<DayStatistics> DaysToAcknowledge)
{
    /// <summary>No case of the period has this data in clear.</summary>
    public bool NotRecorded => Keys.All(k => k is null);
}

/// <summary>A company and a right that came up in two cases or more of the period (GP31(g): a source of continuous learning).</summary>
public sealed record RepeatIssue(Guid CompanyId, string Right, PublishedCount Cases);

/// <summary>
/// The effectiveness of the grievance mechanism over one period, against the criteria of UNGP 31, with every count
/// passed through <see cref="SmallCellSuppression"/>. Tables come with their row order (the enum order, or the keys).
/// </summary>
public sealed record EffectivenessReport(
    ReportingPeriod Period,
    int Threshold,
    SuppressedTable Stages,
    DayStatistics DaysToAcknowledge,
    DayStatistics DaysToFeedback,
    SuppressedTable Referrals,
    SuppressedTable Remedies,
    SuppressedTable Closures,
    SuppressedTable Satisfaction,
    IReadOnlyList<RepeatIssue> RepeatIssues,
    IReadOnlyList<Breakdown> Breakdowns)
{
    public static IReadOnlyList<CaseStage> StageOrder { get; } = Enum.GetValues<CaseStage>();

    public static IReadOnlyList<ReferralMechanism> MechanismOrder { get; } = Enum.GetValues<ReferralMechanism>();

    public static IReadOnlyList<ReferralStatus> ReferralStatusOrder { get; } = Enum.GetValues<ReferralStatus>();

    public static IReadOnlyList<RemedyType> RemedyOrder { get; } = Enum.GetValues<RemedyType>();

    public static IReadOnlyList<ReporterSatisfaction> SatisfactionOrder { get; } = Enum.GetValues<ReporterSatisfaction>();

    /// <summary>Rows of <see cref="Closures"/>: closed with at least one remedy, closed with none.</summary>
    public static IReadOnlyList<bool> ClosureOrder { get; } = [true, false];
}
