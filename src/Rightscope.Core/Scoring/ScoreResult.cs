using Rightscope.Core.Methodologies;

namespace Rightscope.Core.Scoring;

/// <summary>
/// The outcome of scoring one assessment under one methodology version: the numbers, the tier, the rules that
/// fired and a <see cref="Derivation"/> that explains every number.
/// </summary>
/// <param name="MethodologyId"><c>key@version</c> of the methodology that produced the result.</param>
/// <param name="Total">The total score 0–100, or null when no node of the total's level was scored.</param>
/// <param name="Nodes">Every node of the structure, depth first in file order.</param>
/// <param name="Tier">1 (lowest risk) to 3, or null when the methodology has no tiers, or there is no total and no floor fired.</param>
/// <param name="Threshold">The threshold the total was measured against, or null when none applied.</param>
/// <param name="Decision">The recommended decision for <see cref="Tier"/>, if the methodology declares one.</param>
/// <param name="Impacts">The salient impacts, rated and in priority order (UNGP 24).</param>
/// <param name="Derivation">Every step that produced a number, in the order it was computed.</param>
public sealed record ScoreResult(
    string MethodologyId,
    double? Total,
    IReadOnlyList<NodeScore> Nodes,
    Completeness Completeness,
    int? Tier,
    ThresholdUsed? Threshold,
    IReadOnlyList<FiredRedFlag> RedFlags,
    IReadOnlyList<FiredSeverityFloor> SeverityFloors,
    DecisionRule? Decision,
    IReadOnlyList<ImpactRating> Impacts,
    IReadOnlyList<DerivationStep> Derivation)
{
    /// <summary>The score of the node with <paramref name="key"/>; throws when there is none.</summary>
    public NodeScore Node(string key)
    {
        foreach (var node in Nodes)
        {
            if (node.Key == key)
            {
                return node;
            }
        }

        throw new KeyNotFoundException($"node '{key}' is not in methodology {MethodologyId}");
    }
}

/// <summary>
/// A node's score (null: excluded, because nothing below it was scored). <see cref="Components"/> holds the
/// per-component scores of nodes scored for the company and/or services; <see cref="Score"/> then combines them.
/// </summary>
/// <param name="Answered">Scored answers below the node (items × components).</param>
/// <param name="Expected">Answers expected below the node, leaving out those answered not applicable.</param>
public sealed record NodeScore(
    string Key,
    string Level,
    double? Score,
    IReadOnlyList<ComponentScore> Components,
    int Answered,
    int Expected)
{
    public bool IsExcluded => Score is null;
}

/// <summary>A node's score for one component: <see cref="AssessmentInput.Company"/> or a service key.</summary>
public sealed record ComponentScore(string Component, double? Score);

/// <summary>How much of the assessment is answered: scored answers over applicable ones (not-applicable answers are not applicable).</summary>
public sealed record Completeness(int Answered, int Applicable)
{
    /// <summary>0–1; an assessment with nothing applicable is complete.</summary>
    public double Ratio => Applicable == 0 ? 1.0 : (double)Answered / Applicable;
}

/// <summary>The tier threshold that applied: the first in the methodology whose condition held.</summary>
/// <param name="Index">Position in the methodology's threshold list, from 0.</param>
/// <param name="Conditional">Whether the threshold has a condition (e.g. on the exposure type).</param>
/// <param name="Tier">The tier the total alone earns under this threshold.</param>
public sealed record ThresholdUsed(int Index, bool Conditional, double Tier1Min, double Tier2Min, int Tier);

/// <summary>A red flag whose condition held: the tier can be no better than <see cref="Floor"/>.</summary>
public sealed record FiredRedFlag(string Key, LocalizedText Title, int Floor, string? Source);

/// <summary>A severity floor matched by at least one impact.</summary>
/// <param name="Index">Position in the methodology's severity-floor list, from 0.</param>
/// <param name="ImpactIds">The impacts that matched it, in priority order.</param>
public sealed record FiredSeverityFloor(int Index, int MinSeverity, bool Irremediable, int Floor, IReadOnlyList<string> ImpactIds);
