namespace Rightscope.Features.Organizations;

/// <summary>Marker type for the strings of the members, invitations and invitation-acceptance pages.</summary>
public sealed class OrganizationsText;
