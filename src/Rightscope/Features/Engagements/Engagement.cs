using Rightscope.Core.Engagements;
using Rightscope.Data;

namespace Rightscope.Features.Engagements;

/// <summary>
/// An investor's stewardship engagement with a registry company (DESIGN §9.6 "engage"): objectives, milestones, the
/// escalation ladder and the interactions log hang off it. Every change to any of them renews
/// <see cref="ConcurrencyToken"/>, so two people acting on the same engagement at once cannot both win.
/// </summary>
public sealed class Engagement : ITenantOwned
{
    public const int TitleMaxLength = 300;
    public const int NoteMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CompanyId { get; set; }

    public required string Title { get; set; }

    /// <summary>The approved assessment whose gaps the engagement addresses; none for an engagement on another ground.</summary>
    public Guid? AssessmentId { get; set; }

    public Guid LeadUserId { get; set; }

    public DateOnly StartedOn { get; set; }

    public EngagementStatus Status { get; set; } = EngagementStatus.Open;

    public EscalationStep CurrentStep { get; set; } = EscalationLadder.First;

    public EngagementOutcome? Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
