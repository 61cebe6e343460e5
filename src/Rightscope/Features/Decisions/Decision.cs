using Rightscope.Core.Decisions;
using Rightscope.Data;

namespace Rightscope.Features.Decisions;

/// <summary>
/// An investor's decision about a registry company (DESIGN §9.6): proposed by an analyst, approved or returned by a
/// second person, resting on one approved assessment whose tier and recommendation are kept as they were when the
/// decision was proposed. The company's current decision is its one approved decision; approving another supersedes it.
/// </summary>
public sealed class Decision : ITenantOwned
{
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CompanyId { get; set; }

    public DecisionKind Kind { get; set; }

    /// <summary>For an exclusion only.</summary>
    public ExclusionMode? ExclusionMode { get; set; }

    /// <summary>For a divestment only: every position is sold by this date.</summary>
    public DateOnly? DivestBy { get; set; }

    /// <summary>When the decision takes effect; for an exclusion, the date the exclusion list gives.</summary>
    public DateOnly EffectiveOn { get; set; }

    public string Rationale { get; set; } = "";

    /// <summary>The approved assessment the decision rests on.</summary>
    public Guid AssessmentId { get; set; }

    /// <summary>The assessment's tier when the decision was proposed.</summary>
    public int? AssessmentTier { get; set; }

    /// <summary>The methodology's recommendation for that tier when the decision was proposed; null when it has none.</summary>
    public DecisionKind? RecommendedKind { get; set; }

    public DecisionStatus Status { get; set; } = DecisionStatus.Proposed;

    /// <summary>
    /// The company while the decision is approved, otherwise null: its unique index keeps one current decision per
    /// company even when two reviewers approve at once (null is distinct on both providers).
    /// </summary>
    public Guid? ApprovedCompanyId { get; set; }

    public Guid ProposedByUserId { get; set; }

    public DateTime ProposedAt { get; set; }

    /// <summary>Who approved or returned it last.</summary>
    public Guid? ReviewedByUserId { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>Why it was last returned; kept after a revision so the history reads.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The later approved decision that replaced this one.</summary>
    public Guid? SupersededById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public bool DiffersFromRecommendation => RecommendedKind is { } recommended && recommended != Kind;
}
