namespace Rightscope.Core.Remedy;

/// <summary>
/// A channel's service levels (issue 5, "SLAs"): a case is acknowledged within <see cref="AcknowledgeDays"/> days of
/// its receipt, and the reporter gets feedback within <see cref="FeedbackMonths"/> calendar months of the
/// acknowledgement.
/// </summary>
public sealed record ServiceLevel(int AcknowledgeDays, int FeedbackMonths)
{
    public const int MinAcknowledgeDays = 1;
    public const int MaxAcknowledgeDays = 90;
    public const int MinFeedbackMonths = 1;
    public const int MaxFeedbackMonths = 12;

    /// <summary>7 days and 3 months, as in the issue (and the EU whistleblowing directive, art. 9(1)(b) and (f)).</summary>
    public static readonly ServiceLevel Default = new(7, 3);

    public static bool IsValidAcknowledgeDays(int days) => days is >= MinAcknowledgeDays and <= MaxAcknowledgeDays;

    public static bool IsValidFeedbackMonths(int months) => months is >= MinFeedbackMonths and <= MaxFeedbackMonths;

    public bool IsValid => IsValidAcknowledgeDays(AcknowledgeDays) && IsValidFeedbackMonths(FeedbackMonths);
}

/// <summary>The two deadlines of a case. Stored by name (in reminders), so values may be added but never renamed.</summary>
public enum DeadlineKind
{
    Acknowledgement,
    Feedback,
}

/// <summary>Where a deadline stands on a given day.</summary>
public enum DeadlineState
{
    /// <summary>Done (on time or late): it no longer counts.</summary>
    Met,

    /// <summary>Not met, but the case is closed: it no longer counts.</summary>
    Stopped,

    /// <summary>Open, and the due day is further away than the warning window.</summary>
    Pending,

    /// <summary>Open, and the due day is today or within the warning window.</summary>
    DueSoon,

    /// <summary>Open, and the due day has passed.</summary>
    Overdue,
}

/// <summary>One deadline of a case as of a day: when it is due, when (if) it was met, and its state.</summary>
public sealed record CaseDeadline(DeadlineKind Kind, DateOnly DueOn, DateOnly? MetOn, DeadlineState State)
{
    /// <summary>Met after the due day.</summary>
    public bool MetLate => MetOn is { } met && met > DueOn;

    /// <summary>Still open and needs attention: due soon or overdue.</summary>
    public bool NeedsAttention => State is DeadlineState.DueSoon or DeadlineState.Overdue;
}

/// <summary>
/// What the data model records about a case that the deadlines depend on. <see cref="FirstFeedbackOn"/> is the
/// first day, after the acknowledgement, on which the reporter was given feedback (see <see cref="CaseDeadlines"/>
/// for what counts).
/// </summary>
public sealed record CaseTimeline(CaseStatus Status, DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? FirstFeedbackOn);

/// <summary>
/// The service-level rules of a case, pure and day-based (dates shown about cases are days, DESIGN §9.7).
/// <list type="bullet">
/// <item>Acknowledgement is due <see cref="ServiceLevel.AcknowledgeDays"/> days after the day received (received on
/// the 1st with 7 days: due on the 8th); it is met on the day the case was acknowledged.</item>
/// <item>Feedback is due <see cref="ServiceLevel.FeedbackMonths"/> calendar months after the day acknowledged. When
/// that month is shorter, the due day is its last day: acknowledged on 30 November with 3 months, due on
/// 28 February (29 in a leap year); acknowledged on 31 May with 1 month, due on 30 June. There is no feedback
/// deadline before the acknowledgement.</item>
/// <item>Feedback is met by the first of: a handler's reply to the reporter sent on a day <em>after</em> the
/// acknowledgement (a reply on the acknowledgement day itself is taken as part of acknowledging: messages carry
/// only days, so it cannot be told apart from the acknowledgement), or a step to a state beyond assessment —
/// referred, investigating, remedy proposed or closed — which the reporter sees on their follow-up page.</item>
/// <item>A deadline is due soon from <c>warningDays</c> days before its due day up to and including the due day,
/// and overdue from the day after. A closed case has no open deadline: whatever was not met stops counting.</item>
/// </list>
/// </summary>
public static class CaseDeadlines
{
    public const int MaxWarningDays = 30;

    /// <summary>The states after which the reporter has had feedback about what is being done.</summary>
    public static bool IsFeedbackState(CaseStatus status) =>
        status is CaseStatus.Referred or CaseStatus.Investigating or CaseStatus.RemedyProposed or CaseStatus.Closed;

    public static DateOnly AcknowledgementDue(DateOnly receivedOn, ServiceLevel level) => receivedOn.AddDays(level.AcknowledgeDays);

    /// <summary><see cref="DateOnly.AddMonths"/> keeps the day of the month and falls back to the month's last day.</summary>
    public static DateOnly FeedbackDue(DateOnly acknowledgedOn, ServiceLevel level) => acknowledgedOn.AddMonths(level.FeedbackMonths);

    /// <summary>
    /// The deadlines of a case as of <paramref name="today"/>: acknowledgement always, feedback once acknowledged.
    /// </summary>
    public static IReadOnlyList<CaseDeadline> Evaluate(CaseTimeline timeline, ServiceLevel level, int warningDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(level);
        if (!level.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Service levels out of range.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(warningDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warningDays, MaxWarningDays);
        var closed = timeline.Status == CaseStatus.Closed;
        var deadlines = new List<CaseDeadline>(2)
        {
            Deadline(DeadlineKind.Acknowledgement, AcknowledgementDue(timeline.ReceivedOn, level), timeline.AcknowledgedOn, closed, warningDays, today),
        };
        if (timeline.AcknowledgedOn is { } acknowledged)
        {
            deadlines.Add(Deadline(DeadlineKind.Feedback, FeedbackDue(acknowledged, level), timeline.FirstFeedbackOn, closed, warningDays, today));
        }

        return deadlines;
    }

    /// <summary>
    /// The first feedback day from what is recorded: handler replies and steps (each with its day). Replies on or
    /// before the acknowledgement day do not count; steps into a feedback state count from the acknowledgement on.
    /// </summary>
    public static DateOnly? FirstFeedback(DateOnly? acknowledgedOn, IEnumerable<DateOnly> handlerReplies, IEnumerable<(CaseStatus To, DateOnly On)> steps)
    {
        if (acknowledgedOn is not { } acknowledged)
        {
            return null;
        }

        DateOnly? first = null;
        foreach (var day in handlerReplies)
        {
            if (day > acknowledged && (first is null || day < first))
            {
                first = day;
            }
        }

        foreach (var (to, on) in steps)
        {
            if (IsFeedbackState(to) && on >= acknowledged && (first is null || on < first))
            {
                first = on;
            }
        }

        return first;
    }

    /// <summary>The state of one deadline on <paramref name="today"/>.</summary>
    public static DeadlineState StateOf(DateOnly dueOn, DateOnly? metOn, bool closed, int warningDays, DateOnly today)
    {
        if (metOn is not null)
        {
            return DeadlineState.Met;
        }

        if (closed)
        {
            return DeadlineState.Stopped;
        }

        if (today > dueOn)
        {
            return DeadlineState.Overdue;
        }

        return today >= dueOn.AddDays(-warningDays) ? DeadlineState.DueSoon : DeadlineState.Pending;
    }

    private static CaseDeadline Deadline(DeadlineKind kind, DateOnly dueOn, DateOnly? metOn, bool closed, int warningDays, DateOnly today) =>
        new(kind, dueOn, metOn, StateOf(dueOn, metOn, closed, warningDays, today));
}
