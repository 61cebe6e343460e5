namespace Rightscope.Core.Remedy;

/// <summary>Days from <see cref="From"/> to <see cref="To"/>, both included; empty when <see cref="To"/> is before <see cref="From"/>.</summary>
public readonly record struct DayRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// The rules of <see cref="CaseDeadlines"/> turned around, so a database can count and list deadlines with range
/// conditions on stored days instead of evaluating every open case (issue 8). For a channel's service level, a warning
/// window and a day, it gives the days received (of cases not acknowledged) and the days acknowledged (of cases without
/// feedback) whose deadline is overdue or due soon on that day. This works because both due days grow with the day they
/// count from: <see cref="DateOnly.AddMonths"/> never puts a later day before an earlier one.
/// </summary>
public sealed record DeadlineDayRanges(
    DateOnly AcknowledgementOverdueReceivedOnOrBefore,
    DayRange AcknowledgementDueSoonReceived,
    DateOnly FeedbackOverdueAcknowledgedOnOrBefore,
    DayRange FeedbackDueSoonAcknowledged)
{
    public static DeadlineDayRanges For(ServiceLevel level, int warningDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (!level.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Service levels out of range.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(warningDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warningDays, CaseDeadlines.MaxWarningDays);

        // Acknowledgement: due on received + days; overdue after it, due soon from warningDays before it to the due day.
        var acknowledgementOverdue = today.AddDays(-level.AcknowledgeDays - 1);
        var acknowledgementDueSoon = new DayRange(today.AddDays(-level.AcknowledgeDays), today.AddDays(warningDays - level.AcknowledgeDays));

        // Feedback: due on acknowledged + months, which is not a fixed number of days, hence the searches.
        DateOnly Due(DateOnly acknowledged) => CaseDeadlines.FeedbackDue(acknowledged, level);
        var feedbackOverdue = LastWhere(today.AddMonths(-level.FeedbackMonths), day => Due(day) < today);
        var feedbackDueSoon = new DayRange(
            LastWhere(today.AddMonths(-level.FeedbackMonths), day => Due(day) < today).AddDays(1),
            LastWhere(today.AddDays(warningDays).AddMonths(-level.FeedbackMonths), day => Due(day) <= today.AddDays(warningDays)));
        return new DeadlineDayRanges(acknowledgementOverdue, acknowledgementDueSoon, feedbackOverdue, feedbackDueSoon);
    }

    /// <summary>
    /// The last day for which <paramref name="holds"/> is true, for a condition true up to some day and false after it,
    /// starting the search near it (<paramref name="near"/> is within a few days of the answer).
    /// </summary>
    private static DateOnly LastWhere(DateOnly near, Func<DateOnly, bool> holds)
    {
        var day = near;
        while (!holds(day))
        {
            day = day.AddDays(-1);
        }

        while (holds(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
