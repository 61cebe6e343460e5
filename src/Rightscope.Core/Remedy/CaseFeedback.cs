namespace Rightscope.Core.Remedy;

/// <summary>
/// The two service levels the effectiveness dashboard measures (issue 5, "SLAs"), each defined here once so that the
/// SLA reminders and the dashboard can share one definition.
/// </summary>
public static class CaseFeedback
{
    /// <summary>A case should be acknowledged within this many days of being received.</summary>
    public const int AcknowledgeWithinDays = 7;

    /// <summary>
    /// Whether a step gives the reporter substantive feedback: the first state beyond "under assessment" (referred,
    /// under investigation, remedy proposed) or closure. Acknowledging and starting the assessment are not feedback.
    /// </summary>
    public static bool IsFeedback(CaseStatus reached) =>
        reached is CaseStatus.Referred or CaseStatus.Investigating or CaseStatus.RemedyProposed or CaseStatus.Closed;

    /// <summary>The day of the first feedback among a case's steps (in any order), or null before there is any.</summary>
    public static DateOnly? FirstFeedbackOn(IEnumerable<(CaseStatus Reached, DateOnly On)> steps) =>
        steps.Where(s => IsFeedback(s.Reached)).Select(s => (DateOnly?)s.On).Min();

    /// <summary>
    /// Overdue for acknowledgement: still not acknowledged more than <see cref="AcknowledgeWithinDays"/> days after it was
    /// received. Only this SLA counts as overdue on the dashboard; feedback time is measured, not flagged.
    /// </summary>
    public static bool IsAcknowledgementOverdue(DateOnly receivedOn, DateOnly? acknowledgedOn, DateOnly today) =>
        acknowledgedOn is null && today.DayNumber - receivedOn.DayNumber > AcknowledgeWithinDays;
}
