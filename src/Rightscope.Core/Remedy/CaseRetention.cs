namespace Rightscope.Core.Remedy;

/// <summary>
/// When a case is deleted by its channel's retention period (README "Remedy", "Retention"). The period runs from
/// closure, never from submission: an open case is never deleted silently — the person reporting may still be waiting
/// for remedy, or at risk — it is only flagged to its handlers once the period has passed since it was received, so
/// they decide (close it, or delete it by hand). A closed case is kept at least until its last retaliation check-in is
/// due, so a short period never deletes the case before the reporter was asked whether they faced retaliation.
/// </summary>
public static class CaseRetention
{
    /// <summary>The day a closed case is deleted on (or after); null while the case is open.</summary>
    public static DateOnly? PurgeOn(DateOnly? closedOn, int retentionDays)
    {
        if (closedOn is not { } closed)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retentionDays);
        var lastCheckIn = RetaliationCheckIns.ScheduleAfter(closed).Max();
        var end = closed.AddDays(retentionDays);
        return end > lastCheckIn ? end : lastCheckIn.AddDays(1);
    }

    /// <summary>Whether a closed case is due for deletion on <paramref name="today"/>.</summary>
    public static bool IsDue(DateOnly? closedOn, int retentionDays, DateOnly today) =>
        PurgeOn(closedOn, retentionDays) is { } purgeOn && purgeOn <= today;

    /// <summary>An open case whose retention period has passed since it was received: its handlers must decide.</summary>
    public static bool NeedsDecision(DateOnly receivedOn, DateOnly? closedOn, int retentionDays, DateOnly today) =>
        closedOn is null && receivedOn.AddDays(retentionDays) <= today;
}
