using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.ApiTokens;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Api;

/// <summary>
/// The "ApiToken" scheme: <c>Authorization: Bearer rs_…</c>, looked up by the SHA-256 of the secret. Only the API
/// endpoints use it, and they use nothing else, so a browser's session cookie cannot call the API (no CSRF surface).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    RightscopeDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public const string TokenIdClaim = "rs:api-token";

    public const string OrganizationIdClaim = "rs:organization";

    public const string RoleClaim = "rs:role";

    public const string PrefixClaim = "rs:api-token-prefix";

    public const string CreatedByClaim = "rs:api-token-created-by";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("not a bearer token");
        }

        var secret = header[BearerPrefix.Length..].Trim();
        if (!ApiTokenSecret.IsWellFormed(secret))
        {
            return AuthenticateResult.Fail("malformed token");
        }

        var hash = ApiTokenSecret.Hash(secret);
        // No organization is known before the token is: the lookup crosses tenants on purpose, by the unique hash.
        var token = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.TokenHash), Encoding.ASCII.GetBytes(hash))
            || !token.IsActive(now))
        {
            // Unknown, revoked and expired tokens look the same to the caller; the secret is never logged.
            return AuthenticateResult.Fail("unknown, revoked or expired token");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt.Value >= ApiToken.LastUsedPrecision)
        {
            var stale = now - ApiToken.LastUsedPrecision;
            // The condition repeats the check in SQL, so concurrent requests write at most once per minute.
            await db.ApiTokens.IgnoreQueryFilters()
                .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(TokenIdClaim, token.Id.ToString("N")),
                new Claim(OrganizationIdClaim, token.OrganizationId.ToString("N")),
                new Claim(RoleClaim, token.Role.ToCode()),
                new Claim(PrefixClaim, token.TokenPrefix),
                new Claim(CreatedByClaim, token.CreatedByUserId.ToString("N")),
                new Claim(ClaimTypes.Name, $"api-token:{token.TokenPrefix}"),
            ],
            SchemeName,
            ClaimTypes.Name,
            RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await WriteProblemAsync("A valid API token is required: Authorization: Bearer rs_…");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("The token's role does not allow this.");
    }

    // Problem details whatever the Accept header says: API clients get JSON, never the HTML error page.
    private Task WriteProblemAsync(string detail) =>
        TypedResults.Problem(detail, statusCode: Response.StatusCode).ExecuteAsync(Context);

    /// <summary>The token's organization and role, from a principal this scheme created.</summary>
    public static (Guid OrganizationId, Role Role)? Caller(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == SchemeName
        && Guid.TryParse(user.FindFirstValue(OrganizationIdClaim), out var organizationId)
        && Roles.TryParse(user.FindFirstValue(RoleClaim), out var role)
            ? (organizationId, role)
            : null;

    /// <summary>
    /// The token as the author of what it writes: the owner who created it is the accountable person (so they cannot
    /// also approve that work), and the audit trail names the token itself.
    /// </summary>
    public static (Guid TokenId, Guid CreatedByUserId, AuditActor Audit)? Writer(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == SchemeName
        && Guid.TryParse(user.FindFirstValue(TokenIdClaim), out var tokenId)
        && Guid.TryParse(user.FindFirstValue(CreatedByClaim), out var createdBy)
            ? (tokenId, createdBy, AuditActor.ApiToken(tokenId, user.FindFirstValue(PrefixClaim) ?? ""))
            : null;
}
