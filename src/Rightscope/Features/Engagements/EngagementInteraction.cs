using Rightscope.Core.Engagements;
using Rightscope.Data;

namespace Rightscope.Features.Engagements;

/// <summary>A contact with the company during an engagement: a meeting, a letter, a question at the AGM.</summary>
public sealed class EngagementInteraction : ITenantOwned
{
    public const int ParticipantsMaxLength = 1000;
    public const int SummaryMaxLength = 8000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    public DateOnly OccurredOn { get; set; }

    public InteractionType Type { get; set; }

    public required string Participants { get; set; }

    public required string Summary { get; set; }

    public Guid RecordedByUserId { get; set; }

    public DateTime RecordedAt { get; set; }
}
