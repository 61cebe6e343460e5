using Rightscope.Core.Accounts;

namespace Rightscope.Tests.Core;

/// <summary>The permissions table of DESIGN §9.2.</summary>
public sealed class RolePermissionsTests
{
    [Fact]
    public void Every_role_may_view_its_organization()
    {
        Assert.All(Roles.All, role => Assert.True(role.Grants(Permission.ViewOrganization)));
    }

    [Fact]
    public void Owner_runs_the_organization_but_does_not_handle_cases()
    {
        var granted = RolePermissions.Of(Role.Owner);

        Assert.Equal(Enum.GetValues<Permission>().Where(p => p != Permission.HandleCases).ToHashSet(), granted.ToHashSet());
        Assert.False(Role.Owner.Grants(Permission.HandleCases));
    }

    [Fact]
    public void Only_owners_see_the_audit_trail_manage_members_tokens_and_channels_and_publish()
    {
        foreach (var permission in new[] { Permission.ViewAudit, Permission.ManageMembers, Permission.ManageApiTokens, Permission.ManageChannels, Permission.Publish })
        {
            Assert.Equal([Role.Owner], RolePermissions.RolesWith(permission));
        }
    }

    [Fact]
    public void Viewer_reads_but_lacks_audit_tokens_editing_and_cases()
    {
        Assert.True(Role.Viewer.Grants(Permission.ReadWorkspace));
        Assert.False(Role.Viewer.Grants(Permission.ViewAudit));
        Assert.False(Role.Viewer.Grants(Permission.ManageApiTokens));
        Assert.False(Role.Viewer.Grants(Permission.EditWorkspace));
        Assert.False(Role.Viewer.Grants(Permission.HandleCases));
        Assert.False(Role.Viewer.Grants(Permission.Review));
    }

    [Fact]
    public void Case_handler_handles_cases_and_reads_link_targets_but_not_the_workspace()
    {
        Assert.True(Role.CaseHandler.Grants(Permission.HandleCases));
        Assert.True(Role.CaseHandler.Grants(Permission.ReadCaseLinkTargets));
        Assert.False(Role.CaseHandler.Grants(Permission.ReadWorkspace));
        Assert.False(Role.CaseHandler.Grants(Permission.EditWorkspace));
        Assert.False(Role.CaseHandler.Grants(Permission.ViewAudit));
    }

    [Fact]
    public void Reviewer_reviews_but_does_not_edit()
    {
        Assert.True(Role.Reviewer.Grants(Permission.Review));
        Assert.True(Role.Reviewer.Grants(Permission.ReadWorkspace));
        Assert.False(Role.Reviewer.Grants(Permission.EditWorkspace));
    }

    [Fact]
    public void Analyst_edits_but_does_not_review()
    {
        Assert.True(Role.Analyst.Grants(Permission.EditWorkspace));
        Assert.True(Role.Analyst.Grants(Permission.ReadWorkspace));
        Assert.False(Role.Analyst.Grants(Permission.Review));
        Assert.False(Role.Analyst.Grants(Permission.HandleCases));
    }

    [Fact]
    public void Only_case_handlers_handle_cases()
    {
        Assert.Equal([Role.CaseHandler], RolePermissions.RolesWith(Permission.HandleCases));
    }

    [Fact]
    public void Owners_and_case_handlers_see_the_case_metrics_and_nobody_else()
    {
        Assert.Equal([Role.Owner, Role.CaseHandler], RolePermissions.RolesWith(Permission.ViewCaseMetrics));
    }

    [Fact]
    public void Every_role_has_a_code_that_parses_back()
    {
        foreach (var role in Roles.All)
        {
            Assert.True(Roles.TryParse(role.ToCode().ToUpperInvariant(), out var parsed));
            Assert.Equal(role, parsed);
        }

        Assert.False(Roles.TryParse("superuser", out _));
    }
}
