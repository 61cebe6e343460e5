using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Data;

namespace Rightscope.Features.Assessments;

/// <summary>
/// An application of one pinned methodology version to a subject (DESIGN §2). Total and tier are cached at each
/// save so lists need not re-score; the derivation is always recomputed from the answers.
/// </summary>
public sealed class Assessment : ITenantOwned
{
    public const int SubjectNameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public SubjectKind SubjectKind { get; set; }

    public required string SubjectName { get; set; }

    /// <summary>The registry company the assessment is about, when its subject is one (see <c>CompanyAssessments</c>).</summary>
    public Guid? CompanyId { get; set; }

    /// <summary>Subject attribute values as a JSON object, e.g. <c>{"exposure-type":"1"}</c>.</summary>
    public string Attributes { get; set; } = "{}";

    /// <summary>Service keys as a JSON array, for methodologies that score services.</summary>
    public string Services { get; set; } = "[]";

    public required string MethodologyKey { get; set; }

    public required string MethodologyVersion { get; set; }

    public AssessmentStatus Status { get; set; } = AssessmentStatus.Draft;

    public Guid AuthorUserId { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public Guid? ApprovedByUserId { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    /// <summary>The approved assessment this one re-assesses; it is superseded when this one is approved.</summary>
    public Guid? PreviousAssessmentId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public double? Total { get; set; }

    public int? Tier { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12): two people saving the same version conflict.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public string MethodologyId => $"{MethodologyKey}@{MethodologyVersion}";
}

/// <summary>The chosen option of one item for one component (the company or a service).</summary>
public sealed class AssessmentAnswer : ITenantOwned
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid AssessmentId { get; set; }

    public required string ItemKey { get; set; }

    /// <summary><c>company</c> or a service key.</summary>
    public required string Component { get; set; }

    public required string OptionKey { get; set; }

    public string? Note { get; set; }

    public Guid AnsweredByUserId { get; set; }

    public DateTime AnsweredAt { get; set; }
}

public enum EvidenceSourceKind
{
    CompanyDisclosure,
    News,
    NgoReport,
    UnReport,
    Litigation,
    Interview,
    OwnAnalysis,
}

public enum EvidenceReliability
{
    High,
    Medium,
    Low,
}

/// <summary>A source that supports the answer to an item; its id appears in the item's derivation step.</summary>
public sealed class Evidence : ITenantOwned
{
    public const int TitleMaxLength = 300;
    public const int PublisherMaxLength = 200;
    public const int UrlMaxLength = 2000;
    public const int ExcerptMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid AssessmentId { get; set; }

    public required string ItemKey { get; set; }

    public EvidenceSourceKind SourceKind { get; set; }

    public required string Title { get; set; }

    public string? Publisher { get; set; }

    public string? Url { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? Excerpt { get; set; }

    public EvidenceReliability Reliability { get; set; }

    public Guid AddedByUserId { get; set; }

    public DateTime AddedAt { get; set; }
}
