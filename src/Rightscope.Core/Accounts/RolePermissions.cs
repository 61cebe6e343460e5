namespace Rightscope.Core.Accounts;

/// <summary>The permissions table of DESIGN §9.2, in one place so pages, endpoints and tests agree.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, HashSet<Permission>> Table = new()
    {
        // Owners run the organization but do not see case content unless they are also a channel recipient,
        // which is decided per channel, not by the role: they see the effectiveness metrics instead.
        [Role.Owner] =
        [
            Permission.ViewOrganization, Permission.ReadWorkspace, Permission.EditWorkspace, Permission.Review,
            Permission.ReadCaseLinkTargets, Permission.ManageMembers, Permission.ManageChannels,
            Permission.ManageApiTokens, Permission.ViewAudit, Permission.Publish, Permission.ViewCaseMetrics,
        ],
        [Role.Analyst] = [Permission.ViewOrganization, Permission.ReadWorkspace, Permission.EditWorkspace, Permission.ReadCaseLinkTargets],
        [Role.Reviewer] = [Permission.ViewOrganization, Permission.ReadWorkspace, Permission.Review, Permission.ReadCaseLinkTargets],
        [Role.CaseHandler] = [Permission.ViewOrganization, Permission.ReadCaseLinkTargets, Permission.HandleCases, Permission.ViewCaseMetrics],
        [Role.Viewer] = [Permission.ViewOrganization, Permission.ReadWorkspace, Permission.ReadCaseLinkTargets],
    };

    public static bool Grants(this Role role, Permission permission) => Table[role].Contains(permission);

    public static IReadOnlySet<Permission> Of(Role role) => Table[role];

    public static IReadOnlyList<Role> RolesWith(Permission permission) =>
        Roles.All.Where(role => role.Grants(permission)).ToList();
}
