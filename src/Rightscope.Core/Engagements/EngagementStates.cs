namespace Rightscope.Core.Engagements;

public enum EngagementStatus
{
    Open,
    Closed,
}

/// <summary>How a closed engagement ended; <see cref="SupersededByExclusion"/> when the investor excluded the company instead.</summary>
public enum EngagementOutcome
{
    ObjectivesMet,
    ObjectivesPartlyMet,
    ObjectivesNotMet,
    CompanyUnresponsive,
    SupersededByExclusion,
}

public enum ObjectiveStatus
{
    Open,
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

public enum MilestoneStatus
{
    Open,
    Met,
    Missed,
}

public enum InteractionType
{
    Meeting,
    Call,
    Letter,
    Email,
    AgmQuestion,
    CollaborativeInvestorMeeting,
    Other,
}
