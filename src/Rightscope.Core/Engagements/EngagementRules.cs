namespace Rightscope.Core.Engagements;

/// <summary>The state rules of an engagement that the pages, the API and the lists must agree on.</summary>
public static class EngagementRules
{
    /// <summary>
    /// An open milestone of an open engagement whose deadline has passed; the deadline day itself is still in time.
    /// A closed engagement is a finished record, so its milestones left open are not flagged.
    /// </summary>
    public static bool IsOverdue(EngagementStatus engagement, MilestoneStatus status, DateOnly deadline, DateOnly today) =>
        engagement == EngagementStatus.Open && status == MilestoneStatus.Open && deadline < today;

    /// <summary>The deadline to show as "next": the earliest open milestone's, or none.</summary>
    public static DateOnly? NextDeadline(IEnumerable<(MilestoneStatus Status, DateOnly Deadline)> milestones) =>
        milestones.Where(m => m.Status == MilestoneStatus.Open).Select(m => (DateOnly?)m.Deadline).Min();

    /// <summary>Whether closing is allowed: only an open engagement, and only with an outcome.</summary>
    public static bool CanClose(EngagementStatus status, EngagementOutcome? outcome) =>
        status == EngagementStatus.Open && outcome is not null;

    /// <summary>A closed engagement is a record: nothing is added to it or changed in it any more.</summary>
    public static bool AcceptsChanges(EngagementStatus status) => status == EngagementStatus.Open;
}
