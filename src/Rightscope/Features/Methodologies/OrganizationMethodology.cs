using Rightscope.Data;

namespace Rightscope.Features.Methodologies;

/// <summary>
/// A methodology an organization wrote and loaded itself (<c>rightscope methodology add</c>). The YAML is kept
/// verbatim so that what was validated is exactly what is scored; a version is never replaced.
/// </summary>
public sealed class OrganizationMethodology : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Key { get; set; }

    public required string Version { get; set; }

    public required string FileName { get; set; }

    public required string Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, hex; lets anyone check which text an assessment was scored with.</summary>
    public required string ContentHash { get; set; }

    public Guid? AddedByUserId { get; set; }

    public DateTime AddedAt { get; set; }
}
