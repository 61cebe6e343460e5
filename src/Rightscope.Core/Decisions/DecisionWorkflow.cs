namespace Rightscope.Core.Decisions;

/// <summary>Why a transition of a decision was refused.</summary>
public enum DecisionFailure
{
    /// <summary>The transition does not start from the decision's current status.</summary>
    InvalidTransition,

    /// <summary>The proposer tried to approve or return their own decision (four eyes).</summary>
    ReviewerIsProposer,

    /// <summary>Someone other than the proposer tried to revise a returned decision.</summary>
    NotProposer,
}

/// <summary>The status after a transition, or why it was refused (the status is then unchanged).</summary>
public readonly record struct DecisionTransition(DecisionStatus Status, DecisionFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static DecisionTransition To(DecisionStatus status) => new(status, null);

    public static DecisionTransition Refused(DecisionStatus unchanged, DecisionFailure failure) => new(unchanged, failure);
}

/// <summary>
/// The decision workflow: proposed → approved | returned; returned → proposed again when its proposer revises it;
/// approved → superseded when a later decision about the company is approved. Approving and returning need a
/// second person, so no decision is taken by one pair of eyes.
/// </summary>
public static class DecisionWorkflow
{
    public static DecisionTransition Approve(DecisionStatus current, Guid proposerId, Guid reviewerId) =>
        Review(current, proposerId, reviewerId, DecisionStatus.Approved);

    public static DecisionTransition Return(DecisionStatus current, Guid proposerId, Guid reviewerId) =>
        Review(current, proposerId, reviewerId, DecisionStatus.Returned);

    public static DecisionTransition Revise(DecisionStatus current, Guid proposerId, Guid editorId)
    {
        if (current != DecisionStatus.Returned)
        {
            return DecisionTransition.Refused(current, DecisionFailure.InvalidTransition);
        }

        return proposerId == editorId
            ? DecisionTransition.To(DecisionStatus.Proposed)
            : DecisionTransition.Refused(current, DecisionFailure.NotProposer);
    }

    public static DecisionTransition Supersede(DecisionStatus current) =>
        current == DecisionStatus.Approved
            ? DecisionTransition.To(DecisionStatus.Superseded)
            : DecisionTransition.Refused(current, DecisionFailure.InvalidTransition);

    /// <summary>Whether the decision counts for the company now: approved and not yet superseded.</summary>
    public static bool IsCurrent(DecisionStatus status) => status == DecisionStatus.Approved;

    private static DecisionTransition Review(DecisionStatus current, Guid proposerId, Guid reviewerId, DecisionStatus target)
    {
        if (current != DecisionStatus.Proposed)
        {
            return DecisionTransition.Refused(current, DecisionFailure.InvalidTransition);
        }

        return proposerId == reviewerId
            ? DecisionTransition.Refused(current, DecisionFailure.ReviewerIsProposer)
            : DecisionTransition.To(target);
    }
}
