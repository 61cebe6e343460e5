using Rightscope.Core.Accounts;
using Rightscope.Features.Organizations;

namespace Rightscope.Infrastructure.Tenancy;

/// <summary>The organization named in the URL (<c>/o/{org}/…</c>) and the signed-in user's membership in it.</summary>
public sealed class OrganizationContext
{
    public Organization? Organization { get; private set; }

    public Membership? Membership { get; private set; }

    public Organization Current => Organization ?? throw new InvalidOperationException("This request has no organization.");

    public Role Role => Membership?.Role ?? throw new InvalidOperationException("The user is not a member of this organization.");

    public bool Allows(Permission permission) => Membership is { } membership && membership.Role.Grants(permission);

    internal void Set(Organization organization, Membership membership)
    {
        Organization = organization;
        Membership = membership;
    }
}
