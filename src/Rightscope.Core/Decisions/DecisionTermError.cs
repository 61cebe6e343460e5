namespace Rightscope.Core.Decisions;

/// <summary>Why a field of a decision's terms was refused; the application words it in the user's language.</summary>
public enum DecisionTermError
{
    KindInvalid,
    ModeRequired,
    ModeInvalid,
    DivestByRequired,
    DateInvalid,
    DivestByBeforeEffective,
    EffectiveOnRequired,
    RationaleRequired,

    /// <summary>The rationale is empty and the decision differs from the tier's recommendation, which it must explain.</summary>
    RationaleMustExplainDifference,
    RationaleTooLong,
}
