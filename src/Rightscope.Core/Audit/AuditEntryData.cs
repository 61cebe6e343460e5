namespace Rightscope.Core.Audit;

/// <summary>
/// The content of one audit entry as it is hashed. <see cref="Chain"/> is the organization id or
/// <see cref="AuditChains.System"/>; <see cref="Sequence"/> starts at 1 in every chain.
/// </summary>
public sealed record AuditEntryData(
    string Chain,
    long Sequence,
    DateTime OccurredAt,
    string? ActorId,
    string Actor,
    string Action,
    string? TargetType,
    string? TargetId,
    string Summary,
    string PreviousHash);

public static class AuditChains
{
    /// <summary>The chain for events that belong to no organization (sign-ins, first run, CLI administration).</summary>
    public const string System = "system";

    /// <summary>The previous hash of the first entry of every chain.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
}
