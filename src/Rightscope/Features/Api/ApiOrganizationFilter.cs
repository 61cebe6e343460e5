using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Api;

/// <summary>Marks the token-authenticated API endpoints, which must not resolve <c>{org}</c> from a session cookie.</summary>
public sealed class ApiEndpointMetadata
{
    public static readonly ApiEndpointMetadata Instance = new();

    private ApiEndpointMetadata()
    {
    }
}

/// <summary>The permissions an API endpoint accepts (any one of them); an endpoint without one is refused (fail closed).</summary>
public sealed record ApiPermission(IReadOnlyList<Permission> AnyOf);

/// <summary>
/// Resolves <c>{org}</c> for an API token: the token's own organization or 404 (the same answer as for an
/// organization that does not exist), then the token's role must grant the endpoint's permission or 403.
/// Only then does the request enter the organization's tenant scope.
/// </summary>
public sealed class ApiOrganizationFilter(RightscopeDbContext db, TenantScope tenant) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = ApiTokenAuthenticationHandler.Caller(http.User);
        var slug = http.GetRouteValue(OrganizationMiddleware.RouteKey) as string;
        var organizationId = slug is null || caller is null
            ? (Guid?)null
            : await db.Organizations.AsNoTracking()
                .Where(o => o.Slug == slug)
                .Select(o => (Guid?)o.Id)
                .FirstOrDefaultAsync(http.RequestAborted);
        if (caller is null || organizationId is null || organizationId != caller.Value.OrganizationId)
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        var permission = http.GetEndpoint()?.Metadata.GetMetadata<ApiPermission>();
        if (permission is null || !permission.AnyOf.Any(p => caller.Value.Role.Grants(p)))
        {
            return Problem(StatusCodes.Status403Forbidden, "The token's role does not allow this.");
        }

        tenant.Enter(organizationId.Value);
        return await next(context);
    }

    private static ProblemHttpResult Problem(int status, string? detail = null) => TypedResults.Problem(detail, statusCode: status);
}
