namespace Rightscope.Core.Scoring;

/// <summary>Everything the engine scores: the subject's attributes and services, the answers and the impacts.</summary>
public sealed record AssessmentInput(
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Services,
    IReadOnlyList<Answer> Answers,
    IReadOnlyList<ImpactInput> Impacts)
{
    public const string Company = "company";

    /// <summary>
    /// Scores given directly to inner nodes (e.g. imported benchmark indicator scores) instead of answers below them.
    /// A given node's score for a component is the given number (or excluded when not applicable); everything above it
    /// combines by the methodology's rules as if it had been computed.
    /// </summary>
    public IReadOnlyList<GivenScore> Given { get; init; } = [];
}

/// <summary>A score 0–100 given to an inner node for one component; <see cref="Score"/> null means not applicable.</summary>
public sealed record GivenScore(string Node, string Component, double? Score);

/// <summary>An answer to an item for one component: <see cref="AssessmentInput.Company"/> or a service key.</summary>
public sealed record Answer(string Item, string Component, string Option, IReadOnlyList<string> EvidenceIds);

/// <summary>
/// A salient impact: a right, affected groups, the involvement, scale, scope and irremediable character (1–5 each)
/// and, for a potential impact, its likelihood (1–5).
/// </summary>
public sealed record ImpactInput(
    string Id,
    string Right,
    IReadOnlyList<string> Groups,
    Methodologies.Involvement Involvement,
    int Scale,
    int Scope,
    int Irremediability,
    int? Likelihood,
    bool Actual);
