using Rightscope.Core.Audit;

namespace Rightscope.Features.Audit;

/// <summary>
/// One row of the append-only audit trail (DESIGN §9.4). Never updated or deleted by the application;
/// <see cref="AuditChainVerifier"/> detects when anyone else does.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The organization id in "N" format, or <see cref="AuditChains.System"/>.</summary>
    public required string Chain { get; set; }

    public long Sequence { get; set; }

    public Guid? OrganizationId { get; set; }

    public DateTime OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>A short before/after description; never confidential content or anything about a reporter.</summary>
    public required string Summary { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public required string Seal { get; set; }

    public AuditEntryData ToData() =>
        new(Chain, Sequence, OccurredAt, ActorId, Actor, Action, TargetType, TargetId, Summary, PreviousHash);
}
