namespace Rightscope.Core.Methodologies;

/// <summary>
/// How a total becomes a tier (1 lowest risk, 3 highest) and which rules make it worse (DESIGN §9.5):
/// thresholds may depend on subject attributes; red flags and severity floors only ever raise the tier.
/// </summary>
public sealed record TierRules(
    IReadOnlyList<TierThreshold> Thresholds,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<SeverityFloor> SeverityFloors);

/// <summary>Tier 1 from <see cref="Tier1Min"/>, tier 2 from <see cref="Tier2Min"/>, else tier 3; applies when <see cref="When"/> holds (null: always).</summary>
public sealed record TierThreshold(Condition? When, double Tier1Min, double Tier2Min);

/// <summary>When the condition holds, the tier can be no better than <see cref="Floor"/>.</summary>
public sealed record RedFlag(string Key, LocalizedText Title, int Floor, string? Source, Condition When);

/// <summary>An impact of at least <see cref="MinSeverity"/> (and irremediable, if required) floors the tier.</summary>
public sealed record SeverityFloor(int MinSeverity, bool Irremediable, int Floor);

public enum Decision
{
    /// <summary>Invest, or hold and monitor.</summary>
    Invest,

    /// <summary>Engage with time-bound milestones and enhanced due diligence.</summary>
    Engage,

    /// <summary>Do not invest, exclude, or divest with a date.</summary>
    Exclude,
}

/// <summary>The recommended decision for a tier (DESIGN §9.6).</summary>
public sealed record DecisionRule(int Tier, Decision Decision, LocalizedText Title, LocalizedText? Guidance);
