namespace Rightscope.Features.Decisions;

/// <summary>A decision as a form or an API client describes it; codes as the API spells them (<c>exclude</c>, <c>divest</c>), dates YYYY-MM-DD.</summary>
public sealed record DecisionInput(
    string? Kind,
    string? ExclusionMode,
    string? DivestBy,
    string? EffectiveOn,
    string? Rationale,
    string? AssessmentId);
