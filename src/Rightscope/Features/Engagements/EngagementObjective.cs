using Rightscope.Core.Engagements;
using Rightscope.Data;

namespace Rightscope.Features.Engagements;

/// <summary>What the investor wants the company to change; from a gap of the assessment (<see cref="ItemKey"/>) or written freely.</summary>
public sealed class EngagementObjective : ITenantOwned
{
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    /// <summary>The methodology question the objective comes from; null for a freely written objective.</summary>
    public string? ItemKey { get; set; }

    /// <summary><c>company</c> or a service key, with <see cref="ItemKey"/>.</summary>
    public string? Component { get; set; }

    /// <summary>The objective as written, or for a gap the question as the analyst saw it when choosing it.</summary>
    public required string Description { get; set; }

    public ObjectiveStatus Status { get; set; } = ObjectiveStatus.Open;

    /// <summary>The objective's place in the engagement's list: gaps in the methodology's order, then written ones as added.</summary>
    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
