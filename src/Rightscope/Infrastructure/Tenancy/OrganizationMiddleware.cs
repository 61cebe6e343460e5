using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;
using Rightscope.Features.Api;

namespace Rightscope.Infrastructure.Tenancy;

/// <summary>
/// Resolves <c>{org}</c> for signed-in users. Someone who is not a member gets the same 404 as for an
/// organization that does not exist, so URLs do not reveal which organizations use Rightscope.
/// </summary>
public sealed class OrganizationMiddleware(RequestDelegate next)
{
    public const string RouteKey = "org";

    public async Task InvokeAsync(HttpContext http, RightscopeDbContext db, OrganizationContext organization, TenantScope tenant)
    {
        // API endpoints resolve {org} from the token, never from a session cookie (ApiOrganizationFilter).
        var isApi = http.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointMetadata>() is not null;
        if (!isApi && http.GetRouteValue(RouteKey) is string slug && http.User.Identity?.IsAuthenticated == true)
        {
            var userId = Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
            var found = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, http.RequestAborted);
            var membership = found is null
                ? null
                : await db.Memberships.IgnoreQueryFilters().AsNoTracking()
                    .FirstOrDefaultAsync(m => m.OrganizationId == found.Id && m.UserId == userId, http.RequestAborted);

            if (found is null || membership is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            organization.Set(found, membership);
            tenant.Enter(found.Id);
        }

        await next(http);
    }
}
