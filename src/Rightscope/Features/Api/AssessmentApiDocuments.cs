using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Features.Assessments;

namespace Rightscope.Features.Api;

/// <summary>A page of assessments, newest first; <c>totalCount</c> counts every match of the filters.</summary>
public sealed record AssessmentList(IReadOnlyList<AssessmentSummary> Items, int Page, int PageSize, int TotalCount);

/// <summary>What is assessed; <c>companyId</c> is the registry company when the subject is one.</summary>
public sealed record SubjectDocument(SubjectKind Kind, string Name, Guid? CompanyId);

/// <summary>An assessment in a list: total and tier as cached at its last save.</summary>
public sealed record AssessmentSummary(
    Guid Id,
    SubjectDocument Subject,
    string Methodology,
    AssessmentStatus Status,
    double? Total,
    int? Tier,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    DateTime? ApprovedAt,
    DateOnly? NextReviewOn)
{
    public static AssessmentSummary From(Assessment a) => new(
        a.Id, new SubjectDocument(a.SubjectKind, a.SubjectName, a.CompanyId), a.MethodologyId, a.Status, a.Total, a.Tier,
        a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.ApprovedAt, a.NextReviewOn);
}

/// <summary>
/// One assessment with its answers, evidence and a fresh engine result. <c>version</c> is the concurrency token to
/// send back with <c>PUT …/answers</c>.
/// </summary>
public sealed record AssessmentDocument(
    Guid Id,
    SubjectDocument Subject,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Services,
    string Methodology,
    AssessmentStatus Status,
    Guid AuthorUserId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    Guid? ApprovedByUserId,
    DateTime? ApprovedAt,
    DateOnly? NextReviewOn,
    Guid Version,
    IReadOnlyList<AnswerDocument> Answers,
    IReadOnlyList<EvidenceDocument> Evidence,
    IReadOnlyList<ImpactDocument> Impacts,
    ResultDocument Result)
{
    public static AssessmentDocument From(LoadedAssessment loaded)
    {
        var a = loaded.Assessment;
        return new AssessmentDocument(
            a.Id,
            new SubjectDocument(a.SubjectKind, a.SubjectName, a.CompanyId),
            loaded.Attributes,
            loaded.Services,
            a.MethodologyId,
            a.Status,
            a.AuthorUserId,
            a.CreatedAt,
            a.UpdatedAt,
            a.SubmittedAt,
            a.ApprovedByUserId,
            a.ApprovedAt,
            a.NextReviewOn,
            a.ConcurrencyToken,
            [.. loaded.Answers.OrderBy(x => x.ItemKey, StringComparer.Ordinal).ThenBy(x => x.Component, StringComparer.Ordinal)
                .Select(x => new AnswerDocument(x.ItemKey, x.Component, x.OptionKey, x.Note, x.AnsweredByUserId, x.AnsweredAt))],
            [.. loaded.Evidence.Select(EvidenceDocument.From)],
            // In UNGP 24 priority order, as the engine rated them.
            [.. loaded.Result.Impacts.Select(rating => ImpactDocument.From(loaded.Impacts.First(i => i.EngineId == rating.Id), rating))],
            ResultDocument.From(loaded.Result));
    }
}

public sealed record AnswerDocument(string ItemKey, string Component, string Option, string? Note, Guid AnsweredByUserId, DateTime AnsweredAt);

/// <summary>A source; its id appears in the <c>evidenceIds</c> of the item's derivation steps.</summary>
public sealed record EvidenceDocument(
    Guid Id,
    string ItemKey,
    EvidenceSourceKind SourceKind,
    string Title,
    string? Publisher,
    string? Url,
    DateOnly? PublishedOn,
    string? Excerpt,
    EvidenceReliability Reliability,
    Guid AddedByUserId,
    DateTime AddedAt)
{
    public static EvidenceDocument From(Evidence e) => new(
        e.Id, e.ItemKey, e.SourceKind, e.Title, e.Publisher, e.Url, e.PublishedOn, e.Excerpt, e.Reliability, e.AddedByUserId, e.AddedAt);
}

/// <summary>
/// A salient impact with its rating: severity per the methodology's formula, whether it is severe and irremediable,
/// and the likelihood used for ordering (null for an actual impact under a model without likelihood).
/// </summary>
public sealed record ImpactDocument(
    Guid Id,
    string Right,
    IReadOnlyList<string> Groups,
    string Involvement,
    string Description,
    bool Actual,
    int Scale,
    int Scope,
    int Irremediability,
    int? Likelihood,
    double Severity,
    bool Severe,
    bool Irremediable)
{
    public static ImpactDocument From(SalientImpact impact, Core.Scoring.ImpactRating rating) => new(
        impact.Id,
        impact.RightKey,
        impact.GroupKeys,
        SalientImpactForm.KeyOf(impact.Involvement),
        impact.Description,
        impact.Actual,
        impact.Scale,
        impact.Scope,
        impact.Irremediability,
        impact.Likelihood,
        rating.Severity,
        rating.IsSevere,
        rating.IsIrremediable);
}

/// <summary>
/// The engine's result: node scores, total, completeness, tier, red flags, the recommended decision, and every
/// derivation step in computation order (each tagged by <c>step</c>: item, node, components, total, threshold,
/// red-flag, severity-floor, tier, decision).
/// </summary>
public sealed record ResultDocument(
    double? Total,
    int? Tier,
    Completeness Completeness,
    IReadOnlyList<NodeScore> Nodes,
    ThresholdUsed? Threshold,
    IReadOnlyList<RedFlagDocument> RedFlags,
    IReadOnlyList<FiredSeverityFloor> SeverityFloors,
    MethodologyDocument.DecisionDocument? RecommendedDecision,
    IReadOnlyList<DerivationStep> Derivation)
{
    public static ResultDocument From(ScoreResult result) => new(
        result.Total,
        result.Tier,
        result.Completeness,
        result.Nodes,
        result.Threshold,
        [.. result.RedFlags.Select(f => new RedFlagDocument(f.Key, f.Title.Values, f.Floor, f.Source))],
        result.SeverityFloors,
        result.Decision is { } d
            ? new MethodologyDocument.DecisionDocument(d.Tier, d.Decision.ToString().ToLowerInvariant(), d.Title.Values, d.Guidance?.Values)
            : null,
        result.Derivation);
}

/// <summary>A red flag that fired: the tier can be no better than <c>floor</c>.</summary>
public sealed record RedFlagDocument(string Key, IReadOnlyDictionary<string, string> Title, int Floor, string? Source);

/// <summary>A new draft: <c>methodology</c> is <c>key@version</c> (or a key, for its latest version).</summary>
public sealed record CreateAssessmentRequest(
    string? Methodology,
    string? SubjectKind,
    string? SubjectName,
    Dictionary<string, string>? Attributes,
    List<string>? Services,
    Guid? CompanyId = null);

/// <summary>A batch of answers, saved all or nothing; <c>version</c> is the assessment's <c>version</c> as last read.</summary>
public sealed record SetAnswersRequest(Guid? Version, List<AnswerRequest>? Answers);

/// <summary>One answer; <c>component</c> is <c>company</c> or a service key; a null option clears the answer.</summary>
public sealed record AnswerRequest(string? ItemKey, string? Component, string? Option, string? Note);

/// <summary>
/// New evidence. <c>url</c> must be absolute http(s); <c>publishedOn</c> is <c>yyyy-MM-dd</c>; <c>sourceKind</c>
/// and <c>reliability</c> are codes such as <c>company-disclosure</c> and <c>high</c>.
/// </summary>
public sealed record EvidenceRequest(
    string? ItemKey,
    string? SourceKind,
    string? Title,
    string? Publisher,
    string? Url,
    string? PublishedOn,
    string? Excerpt,
    string? Reliability);

public sealed record CommentRequest(string? Body);
