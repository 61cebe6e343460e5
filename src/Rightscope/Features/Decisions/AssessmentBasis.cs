using Rightscope.Core.Decisions;
using Rightscope.Core.Methodologies;

namespace Rightscope.Features.Decisions;

/// <summary>An approved assessment a decision may rest on, with its tier and the methodology's recommendation for it.</summary>
public sealed record AssessmentBasis(
    Guid Id, string SubjectName, string MethodologyId, int? Tier, DecisionKind? Recommended, LocalizedText? RecommendationTitle, DateOnly? ApprovedOn);
