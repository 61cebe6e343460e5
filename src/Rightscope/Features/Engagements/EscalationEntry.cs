using Rightscope.Core.Engagements;
using Rightscope.Data;

namespace Rightscope.Features.Engagements;

/// <summary>One move on the escalation ladder, never edited: the engagement's start (no <see cref="FromStep"/>) and every later step up or down.</summary>
public sealed class EscalationEntry : ITenantOwned
{
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    public EscalationStep? FromStep { get; set; }

    public EscalationStep ToStep { get; set; }

    public string? Reason { get; set; }

    public Guid RecordedByUserId { get; set; }

    public DateTime RecordedAt { get; set; }
}
