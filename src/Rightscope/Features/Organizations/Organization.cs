using Rightscope.Core.Organizations;

namespace Rightscope.Features.Organizations;

/// <summary>A tenant: an investor, a company, a civil-society organization or a public body.</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }
}
