using Microsoft.AspNetCore.Authorization;
using Rightscope.Core.Accounts;
using Rightscope.Data;

namespace Rightscope.Infrastructure.Tenancy;

/// <summary>Requires a permission in the organization of the request (DESIGN §9.2).</summary>
public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement
{
    public const string PolicyPrefix = "permission:";

    public static string PolicyName(Permission permission) => PolicyPrefix + permission;
}

/// <summary>Marks a page or endpoint as needing a permission in the organization named by its URL.</summary>
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(Permission permission)
        : base(PermissionRequirement.PolicyName(permission))
    {
        Permission = permission;
    }

    public Permission Permission { get; }
}

/// <summary>Grants a permission from the membership that <see cref="OrganizationMiddleware"/> resolved.</summary>
public sealed class PermissionHandler(OrganizationContext organization) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        // With a resource, the resource handler below decides; it also checks the resource's organization.
        if (context.Resource is not ITenantOwned && organization.Allows(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Resource-based check for commands on one entity: the entity must belong to the request's organization,
/// whatever query produced it, and the member's role must grant the permission.
/// </summary>
public sealed class TenantResourceHandler(OrganizationContext organization) : AuthorizationHandler<PermissionRequirement, ITenantOwned>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement, ITenantOwned resource)
    {
        if (organization.Organization is { } current
            && resource.OrganizationId == current.Id
            && organization.Allows(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
