using System.Collections.Frozen;

namespace Rightscope.Core.Remedy;

/// <summary>What a handler does to move a case on; each action leads to exactly one state.</summary>
public enum CaseAction
{
    Acknowledge,
    StartAssessment,
    Refer,
    Investigate,
    ProposeRemedy,
    Close,
    Reopen,
}

/// <summary>One step of a case's history, dated to the day (timestamps shown about cases are days, DESIGN §9.7).</summary>
public sealed record CaseTransition(CaseStatus From, CaseAction Action, CaseStatus To, DateOnly On);

/// <summary>
/// The case state machine: received → acknowledged → under assessment → referred or investigating (either may follow
/// the other, since a referral can run in parallel with the organization's own investigation) → remedy proposed →
/// closed; a closed case can be reopened, back to under assessment. A case can also be closed from assessment,
/// referral or investigation, but then — like every closure — only with an outcome statement
/// (<see cref="CanCloseWith"/>), which may be "no remedy" with its reason.
/// </summary>
public static class CaseWorkflow
{
    private static readonly FrozenDictionary<CaseStatus, CaseAction[]> Allowed = new Dictionary<CaseStatus, CaseAction[]>
    {
        [CaseStatus.Received] = [CaseAction.Acknowledge],
        [CaseStatus.Acknowledged] = [CaseAction.StartAssessment],
        [CaseStatus.UnderAssessment] = [CaseAction.Refer, CaseAction.Investigate, CaseAction.Close],
        [CaseStatus.Referred] = [CaseAction.Investigate, CaseAction.ProposeRemedy, CaseAction.Close],
        [CaseStatus.Investigating] = [CaseAction.Refer, CaseAction.ProposeRemedy, CaseAction.Close],
        [CaseStatus.RemedyProposed] = [CaseAction.Close],
        [CaseStatus.Closed] = [CaseAction.Reopen],
    }.ToFrozenDictionary();

    /// <summary>The actions allowed from <paramref name="status"/>, in the order a page offers them.</summary>
    public static IReadOnlyList<CaseAction> AllowedFrom(CaseStatus status) =>
        Allowed.TryGetValue(status, out var actions) ? actions : [];

    public static bool Allows(CaseStatus status, CaseAction action) => AllowedFrom(status).Contains(action);

    /// <summary>The state an action leads to, wherever it is allowed from.</summary>
    public static CaseStatus TargetOf(CaseAction action) => action switch
    {
        CaseAction.Acknowledge => CaseStatus.Acknowledged,
        CaseAction.StartAssessment => CaseStatus.UnderAssessment,
        CaseAction.Refer => CaseStatus.Referred,
        CaseAction.Investigate => CaseStatus.Investigating,
        CaseAction.ProposeRemedy => CaseStatus.RemedyProposed,
        CaseAction.Close => CaseStatus.Closed,
        CaseAction.Reopen => CaseStatus.UnderAssessment,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown case action."),
    };

    /// <summary>The transition, or null when <paramref name="action"/> is not allowed from <paramref name="from"/>.</summary>
    public static CaseTransition? TryApply(CaseStatus from, CaseAction action, DateOnly on) =>
        Allows(from, action) ? new CaseTransition(from, action, TargetOf(action), on) : null;

    /// <summary>Whether the case is still being handled: the reporter can write, notes and referrals can be added.</summary>
    public static bool IsOpen(CaseStatus status) => status != CaseStatus.Closed;

    /// <summary>
    /// A case is closed with an outcome statement: at least one remedy outcome, or "no remedy" with a reason
    /// (UNGP 31: the reporter must learn what came of it).
    /// </summary>
    public static bool CanCloseWith(int remedyOutcomes, bool noRemedyReasonGiven) => remedyOutcomes > 0 || noRemedyReasonGiven;

    /// <summary>
    /// Whether a referral can be recorded now: where referring is an allowed step, and while the case is referred
    /// (several mechanisms at once). Recording one from another state would break the order of the workflow.
    /// </summary>
    public static bool CanRecordReferral(CaseStatus status) => status == CaseStatus.Referred || Allows(status, CaseAction.Refer);
}
