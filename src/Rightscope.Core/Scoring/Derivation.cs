using System.Text.Json.Serialization;
using Rightscope.Core.Methodologies;

namespace Rightscope.Core.Scoring;

/// <summary>
/// One step of a score's derivation. Steps come in computation order: each uses only numbers from earlier steps,
/// so a reader (or the UI) can replay the whole score. Serialized with a <c>step</c> discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(ItemStep), "item")]
[JsonDerivedType(typeof(NodeStep), "node")]
[JsonDerivedType(typeof(ComponentsStep), "components")]
[JsonDerivedType(typeof(GivenStep), "given")]
[JsonDerivedType(typeof(TotalStep), "total")]
[JsonDerivedType(typeof(ThresholdStep), "threshold")]
[JsonDerivedType(typeof(RedFlagStep), "red-flag")]
[JsonDerivedType(typeof(SeverityFloorStep), "severity-floor")]
[JsonDerivedType(typeof(TierStep), "tier")]
[JsonDerivedType(typeof(DecisionStep), "decision")]
public abstract record DerivationStep;

public enum ItemStatus
{
    /// <summary>Answered with a scored option.</summary>
    Scored,

    /// <summary>Answered with an excluded option (not applicable): left out of every combination.</summary>
    NotApplicable,

    /// <summary>Not answered: left out, and counted against completeness.</summary>
    Unanswered,
}

/// <summary>An item's score for one component: the option, its score, reversal, and the weight its parent may use.</summary>
/// <param name="OptionScore">The option's own score, before reversal.</param>
/// <param name="Score"><see cref="OptionScore"/>, or 100 − it when <see cref="Reversed"/>; null unless scored.</param>
public sealed record ItemStep(
    string Item,
    string Component,
    ItemStatus Status,
    string? Option,
    double? OptionScore,
    bool Reversed,
    double Weight,
    double? Score,
    IReadOnlyList<string> EvidenceIds) : DerivationStep;

/// <summary>A term of a combination: a child node (or a component) with its score (null: excluded) and weight.</summary>
public sealed record Term(string Key, double? Score, double Weight);

/// <summary>An inner node's score for one component: the combine rule over its children (excluded children have no score).</summary>
/// <param name="CombineFromLevel">True when the rule comes from the node's level, false when the node overrides it.</param>
public sealed record NodeStep(
    string Node,
    string Component,
    Combine Combine,
    bool CombineFromLevel,
    IReadOnlyList<Term> Children,
    double? Score) : DerivationStep;

/// <summary>A score given to an inner node for one component instead of computed from its children (null: not applicable or not given).</summary>
public sealed record GivenStep(string Node, string Component, bool Given, double? Score) : DerivationStep;

/// <summary>
/// A company/service node's score: its component scores combined with the methodology's component rule.
/// <see cref="Declared"/> is true on the node that declares the scoring level (its score is what its parent uses).
/// </summary>
public sealed record ComponentsStep(
    string Node,
    ScoringLevel ScoringLevel,
    bool Declared,
    Combine Combine,
    IReadOnlyList<ComponentScore> Components,
    double? Score) : DerivationStep;

/// <summary>The total: every node of level <see cref="Over"/>, combined.</summary>
public sealed record TotalStep(string Over, Combine Combine, IReadOnlyList<Term> Nodes, double? Score) : DerivationStep;

/// <summary>A tier threshold tried in order; the first that <see cref="Held"/> gives <see cref="Tier"/>.</summary>
public sealed record ThresholdStep(int Index, bool Conditional, bool Held, double Tier1Min, double Tier2Min, double Total, int? Tier) : DerivationStep;

/// <summary>A red flag and whether its condition held.</summary>
public sealed record RedFlagStep(string Key, bool Fired, int Floor, string? Source) : DerivationStep;

/// <summary>A severity floor and the impacts that matched it (none: it did not fire).</summary>
public sealed record SeverityFloorStep(int Index, int MinSeverity, bool Irremediable, int Floor, IReadOnlyList<string> ImpactIds) : DerivationStep;

/// <summary>The tier: the threshold's tier, made worse by the worst floor that fired (never better).</summary>
public sealed record TierStep(int? ThresholdTier, int? WorstFloor, int? Tier) : DerivationStep;

/// <summary>The recommended decision for the tier.</summary>
public sealed record DecisionStep(int Tier, Decision Decision) : DerivationStep;
