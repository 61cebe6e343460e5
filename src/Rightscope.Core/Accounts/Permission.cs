namespace Rightscope.Core.Accounts;

/// <summary>What a member may do inside one organization. Granted to roles by <see cref="RolePermissions"/>.</summary>
public enum Permission
{
    /// <summary>See the organization's home page and its name; every member has it.</summary>
    ViewOrganization,

    /// <summary>Read assessments, portfolios, companies, decisions, due diligence records and reports.</summary>
    ReadWorkspace,

    /// <summary>Create and edit assessments, evidence, portfolios, proposed decisions, engagements, records and drafts.</summary>
    EditWorkspace,

    /// <summary>Approve or return work written by someone else (four eyes).</summary>
    Review,

    /// <summary>Read companies and salient issues to link a grievance case to them.</summary>
    ReadCaseLinkTargets,

    /// <summary>Handle cases of the channels where the member is a recipient.</summary>
    HandleCases,

    /// <summary>Manage members, their roles and invitations.</summary>
    ManageMembers,

    /// <summary>Configure public reporting channels.</summary>
    ManageChannels,

    /// <summary>Create and revoke API tokens.</summary>
    ManageApiTokens,

    /// <summary>Read the organization's audit trail.</summary>
    ViewAudit,

    /// <summary>Publish benchmark editions and reports.</summary>
    Publish,

    /// <summary>See the effectiveness dashboard of the grievance mechanism: suppressed aggregate counts, never case content.</summary>
    ViewCaseMetrics,
}
