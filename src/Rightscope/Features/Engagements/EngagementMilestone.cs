using Rightscope.Core.Engagements;
using Rightscope.Data;

namespace Rightscope.Features.Engagements;

/// <summary>A time-bound step the company is expected to take (DESIGN §9.6: engagement has time-bound milestones).</summary>
public sealed class EngagementMilestone : ITenantOwned
{
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    public DateOnly Deadline { get; set; }

    public required string Description { get; set; }

    public MilestoneStatus Status { get; set; } = MilestoneStatus.Open;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
