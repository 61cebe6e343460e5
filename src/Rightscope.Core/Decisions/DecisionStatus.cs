namespace Rightscope.Core.Decisions;

/// <summary>Where a decision is in its life: proposed, then approved or returned; an approved one is later superseded.</summary>
public enum DecisionStatus
{
    Proposed,
    Approved,
    Returned,
    Superseded,
}
