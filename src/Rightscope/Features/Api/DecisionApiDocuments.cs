using Rightscope.Core.Decisions;
using Rightscope.Features.Decisions;

namespace Rightscope.Features.Api;

/// <summary>A page of decisions, newest first; <c>totalCount</c> counts every match of the filters.</summary>
public sealed record DecisionList(IReadOnlyList<DecisionDocument> Items, int Page, int PageSize, int TotalCount);

/// <summary>
/// A decision about a company (DESIGN §9.6). <c>assessmentTier</c> and <c>recommendedKind</c> are the basis as it was
/// when the decision was proposed; <c>status</c> approved means it is the company's current decision.
/// </summary>
public sealed record DecisionDocument(
    Guid Id,
    Guid CompanyId,
    DecisionKind Kind,
    ExclusionMode? ExclusionMode,
    DateOnly? DivestBy,
    DateOnly EffectiveOn,
    string Rationale,
    Guid AssessmentId,
    int? AssessmentTier,
    DecisionKind? RecommendedKind,
    bool DiffersFromRecommendation,
    DecisionStatus Status,
    Guid ProposedByUserId,
    DateTime ProposedAt,
    Guid? ReviewedByUserId,
    DateTime? ReviewedAt,
    string? ReturnReason,
    Guid? SupersededById,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid Version)
{
    public static DecisionDocument From(Decision d) => new(
        d.Id, d.CompanyId, d.Kind, d.ExclusionMode, d.DivestBy, d.EffectiveOn, d.Rationale, d.AssessmentId, d.AssessmentTier,
        d.RecommendedKind, d.DiffersFromRecommendation, d.Status, d.ProposedByUserId, d.ProposedAt, d.ReviewedByUserId, d.ReviewedAt,
        d.ReturnReason, d.SupersededById, d.CreatedAt, d.UpdatedAt, d.ConcurrencyToken);
}

/// <summary>
/// A decision to propose: <c>kind</c> invest, engage or exclude; for exclude <c>exclusionMode</c> do-not-invest or
/// divest, and for divest <c>divestBy</c> (YYYY-MM-DD, not before <c>effectiveOn</c>); <c>assessmentId</c> one of the
/// company's approved assessments; <c>rationale</c> required (it must explain a decision that differs from the tier's
/// recommendation).
/// </summary>
public sealed record ProposeDecisionRequest(
    Guid? CompanyId,
    string? AssessmentId,
    string? Kind,
    string? ExclusionMode,
    string? DivestBy,
    string? EffectiveOn,
    string? Rationale);
