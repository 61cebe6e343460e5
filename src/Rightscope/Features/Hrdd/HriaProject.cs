using Rightscope.Core.Methodologies;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// A human rights impact assessment project (UNGP 17–18) on a product, a service, a market or the whole company: why it
/// was started (a GP18 trigger), at which stage of the product lifecycle, who leads it, and the <c>ungp-hria</c>
/// assessments that record its findings (<see cref="HriaAssessment"/>).
/// </summary>
public sealed class HriaProject : ITenantOwned
{
    public const int SubjectNameMaxLength = 200;

    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public SubjectKind SubjectKind { get; set; }

    public required string SubjectName { get; set; }

    /// <summary>The market (ISO 3166-1 alpha-2) for a market subject; null otherwise.</summary>
    public string? CountryCode { get; set; }

    public HriaTrigger Trigger { get; set; }

    public LifecycleStage Stage { get; set; }

    public HriaStatus Status { get; set; } = HriaStatus.Planned;

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    /// <summary>The member who leads the assessment; null when nobody is named yet.</summary>
    public Guid? LeadUserId { get; set; }

    /// <summary>Scope, method and people to consult, in the team's words.</summary>
    public string Description { get; set; } = "";

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>An assessment that belongs to an HRIA project; a project may have several (e.g. a re-assessment).</summary>
public sealed class HriaAssessment : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid HriaProjectId { get; set; }

    public Guid AssessmentId { get; set; }

    public Guid LinkedByUserId { get; set; }

    public DateTime LinkedAt { get; set; }
}

/// <summary>The events after which UNGP 18 expects impacts to be assessed. Stored by name; append new values at the end.</summary>
public enum HriaTrigger
{
    /// <summary>Before a new activity or business relationship.</summary>
    NewActivityOrRelationship,

    /// <summary>Before a major decision or change in the operation (market entry, product launch, policy change).</summary>
    MajorDecisionOrChange,

    /// <summary>In response to or anticipation of a change in the operating environment (rising social tension, a new law).</summary>
    OperatingEnvironmentChange,

    /// <summary>Periodically through the life of an activity or relationship.</summary>
    PeriodicReview,
}

/// <summary>The stage of the product lifecycle the assessment looks at; the same keys as the <c>ungp-hria</c> attribute <c>lifecycle-stage</c>.</summary>
public enum LifecycleStage
{
    Design,
    Development,
    Sale,
    Deployment,
    Use,
}

public enum HriaStatus
{
    Planned,
    InProgress,
    Completed,
}
