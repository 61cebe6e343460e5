namespace Rightscope.Core.Decisions;

/// <summary>What an investor decided about a company (DESIGN §9.6).</summary>
public enum DecisionKind
{
    /// <summary>Invest, or hold and monitor.</summary>
    Invest,

    /// <summary>Engage with time-bound milestones; may include no new investment meanwhile.</summary>
    Engage,

    /// <summary>Do not invest, or divest by a date (<see cref="ExclusionMode"/>).</summary>
    Exclude,
}

public static class DecisionKinds
{
    /// <summary>The recommendation of a methodology's decision rule as a decision kind.</summary>
    public static DecisionKind From(Methodologies.Decision recommendation) => recommendation switch
    {
        Methodologies.Decision.Invest => DecisionKind.Invest,
        Methodologies.Decision.Engage => DecisionKind.Engage,
        _ => DecisionKind.Exclude,
    };

    public static string ToCode(this DecisionKind kind) => kind.ToString().ToLowerInvariant();
}
