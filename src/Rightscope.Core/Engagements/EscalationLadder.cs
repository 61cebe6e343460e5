namespace Rightscope.Core.Engagements;

/// <summary>What moving an engagement to another step would be.</summary>
public enum EscalationMove
{
    Escalation,
    DeEscalation,
}

/// <summary>Why a move on the ladder is refused.</summary>
public enum EscalationRefusal
{
    /// <summary>The engagement is already at that step.</summary>
    SameStep,

    /// <summary>Stepping down needs a reason, so the history says why the pressure was eased.</summary>
    ReasonRequired,

    /// <summary>A closed engagement is not moved any more.</summary>
    Closed,
}

public readonly record struct EscalationDecision(EscalationMove? Move, EscalationRefusal? Refusal)
{
    public bool Allowed => Move is not null;
}

/// <summary>
/// The ordered escalation ladder and its rules: any step may be reached from any other (an investor may skip
/// rungs when the company does not respond), but an open engagement only, never to the step it is on, and stepping
/// down only with a reason.
/// </summary>
public static class EscalationLadder
{
    public static IReadOnlyList<EscalationStep> Steps { get; } = [.. Enum.GetValues<EscalationStep>().Order()];

    public static EscalationStep First => Steps[0];

    /// <summary>The 1-based position on the ladder, as shown to people ("step 2 of 7").</summary>
    public static int Position(EscalationStep step) => (int)step;

    public static EscalationDecision Decide(EngagementStatus status, EscalationStep current, EscalationStep target, string? reason)
    {
        if (status == EngagementStatus.Closed)
        {
            return new(null, EscalationRefusal.Closed);
        }

        if (target == current)
        {
            return new(null, EscalationRefusal.SameStep);
        }

        if (target < current && string.IsNullOrWhiteSpace(reason))
        {
            return new(null, EscalationRefusal.ReasonRequired);
        }

        return new(target > current ? EscalationMove.Escalation : EscalationMove.DeEscalation, null);
    }
}
