using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A recipient excluded from one case for a conflict of interest: their sealed copy of the case key was deleted, and
/// this row keeps the case from being shared with them again.
/// </summary>
public sealed class CaseExclusion : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public Guid UserId { get; set; }

    public Guid ByUserId { get; set; }

    public DateOnly ExcludedOn { get; set; }
}
