namespace Rightscope.Core.Scoring;

/// <summary>Everything the engine scores: the subject's attributes and services, the answers and the impacts.</summary>
public sealed record AssessmentInput(
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Services,
    IReadOnlyList<Answer> Answers,
    IReadOnlyList<ImpactInput> Impacts)
{
    public const string Company = "company";
}

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
