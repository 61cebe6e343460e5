using Rightscope.Core.Accounts;

namespace Rightscope.Tests.Security;

/// <summary>
/// Every route of the application and who may use it. <see cref="AuthorizationMatrixTests"/> fails when the
/// application has a route that is not listed here, so a new page cannot ship without deciding who may see it.
/// Keys are route patterns exactly as ASP.NET Core reports them.
/// </summary>
public static class AuthorizationMatrix
{
    private const string MissingId = "0190c0de-0000-7000-8000-000000000001";

    public static readonly IReadOnlyDictionary<string, RouteRule> Routes = new Dictionary<string, RouteRule>(StringComparer.Ordinal)
    {
        // Public
        [""] = RouteRule.Public("/", 302),
        ["healthz"] = RouteRule.Public("/healthz"),
        ["{*path}"] = RouteRule.Public("/no/such/page", 404),
        ["error/{code:int}"] = RouteRule.Public("/error/404", 404, "GET", "POST"),
        ["culture"] = RouteRule.Public("/culture", 404, "GET", "POST"),
        ["setup"] = RouteRule.Public("/setup", 404, "GET", "POST"),
        ["account/sign-in"] = RouteRule.Public("/account/sign-in", 200, "GET", "POST"),
        ["account/sign-out"] = RouteRule.Public("/account/sign-out", 404, "GET", "POST"),
        ["account/lockout"] = RouteRule.Public("/account/lockout"),
        // The second sign-in step needs the password step's cookie; without it, back to sign-in.
        ["account/sign-in/two-factor"] = RouteRule.Public("/account/sign-in/two-factor", 302, "GET", "POST"),
        ["account/sign-in/recovery"] = RouteRule.Public("/account/sign-in/recovery", 302, "GET", "POST"),
        // An unknown or spent token gives the same 404 as a wrong address.
        ["invitations/{token}"] = RouteRule.Public("/invitations/not-a-real-token", 404, "GET", "POST"),
        ["openapi/{documentName}.json"] = RouteRule.Public("/openapi/v1.json"),
        // The public channel: an unknown channel is a 404 for every method.
        ["report/{channel}"] = RouteRule.Public("/report/no-such-channel", 404, "GET", "POST"),
        ["report/{channel}/follow-up"] = RouteRule.Public("/report/no-such-channel/follow-up", 404, "GET", "POST"),

        // Signed in, own data only
        // A user with one organization is taken straight to it.
        ["orgs"] = RouteRule.SignedIn("/orgs", 302),
        ["account/security"] = RouteRule.SignedIn("/account/security", 200, "GET", "POST"),
        ["account/two-factor/enable"] = RouteRule.SignedIn("/account/two-factor/enable", 200, "GET", "POST"),
        ["account/case-keys"] = RouteRule.SignedIn("/account/case-keys", 200, "GET", "POST"),
        ["account/case-keys/unlock"] = RouteRule.SignedIn("/account/case-keys/unlock", 200, "GET", "POST"),
        ["account/case-keys/recover"] = RouteRule.SignedIn("/account/case-keys/recover", 200, "GET", "POST"),

        // Organization
        ["o/{org}"] = RouteRule.Organization("/o/{org}", Permission.ViewOrganization),
        ["o/{org}/members"] = RouteRule.Organization("/o/{org}/members", Permission.ManageMembers, "GET", "POST"),
        ["o/{org}/invitations"] = RouteRule.Organization("/o/{org}/invitations", Permission.ManageMembers, "GET", "POST"),
        ["o/{org}/audit"] = RouteRule.Organization("/o/{org}/audit", Permission.ViewAudit),
        ["o/{org}/methodologies"] = RouteRule.Organization("/o/{org}/methodologies", Permission.ReadWorkspace),
        ["o/{org}/methodologies/{key}/{version}"] = RouteRule.Organization("/o/{org}/methodologies/ungp-hria/1.0.0", Permission.ReadWorkspace),
        ["o/{org}/assessments"] = RouteRule.Organization("/o/{org}/assessments", Permission.ReadWorkspace),
        ["o/{org}/assessments/new"] = RouteRule.Organization("/o/{org}/assessments/new", Permission.EditWorkspace, "GET", "POST"),
        // Assessment routes are tried with an id that exists nowhere: allowed roles get 404, the others 403.
        ["o/{org}/assessments/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}", Permission.ReadWorkspace, null),
        ["o/{org}/assessments/{id:guid}/submit"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/submit", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/assessments/{id:guid}/review"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/review", Permission.Review, null, "GET", "POST"),
        ["o/{org}/assessments/{id:guid}/sections/{section}"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/sections/governance-policies-practices", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/assessments/{id:guid}/impacts"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/impacts", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/assessments/{id:guid}/reassess"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/reassess", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/assessments/{id:guid}/changes"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/changes", Permission.ReadWorkspace, null),
        ["o/{org}/assessments/{id:guid}/evidence"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/evidence", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        // Reviewers comment too: they must be able to say why work goes back to its author.
        ["o/{org}/assessments/{id:guid}/comments"] = RouteRule.OrganizationResource($"/o/{{org}}/assessments/{MissingId}/comments", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST") with { AlsoWrite = Permission.Review },

        ["o/{org}/channels"] = RouteRule.Organization("/o/{org}/channels", Permission.ManageChannels, "GET", "POST"),
        ["o/{org}/channels/{id:guid}/service-levels"] = RouteRule.OrganizationResource($"/o/{{org}}/channels/{MissingId}/service-levels", Permission.ManageChannels, null, "GET", "POST"),
        ["o/{org}/cases"] = RouteRule.Organization("/o/{org}/cases", Permission.HandleCases),
        // Owners and case handlers: suppressed aggregate counts only, never content.
        ["o/{org}/cases/effectiveness"] = RouteRule.Organization("/o/{org}/cases/effectiveness", Permission.ViewCaseMetrics),
        // Deadlines and reminders of the cases the handler receives; POST marks reminders read.
        ["o/{org}/cases/deadlines"] = RouteRule.Organization("/o/{org}/cases/deadlines", Permission.HandleCases, "GET", "POST"),
        // Only a recipient of the case finds it; the id exists nowhere, so handlers get 404 and the others 403.
        ["o/{org}/cases/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/cases/{MissingId}", Permission.HandleCases, null, "GET", "POST"),
        ["o/{org}/cases/{id:guid}/files/{fileId:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/cases/{MissingId}/files/{MissingId}", Permission.HandleCases, null),
        ["o/{org}/cases/{id:guid}/archive"] = RouteRule.OrganizationResource($"/o/{{org}}/cases/{MissingId}/archive", Permission.HandleCases, null, "GET", "POST"),

        // Indicators
        // Everyone who reads sees datasets, indicators, indices and country context; importing (POST) needs edit.
        ["o/{org}/indicators"] = RouteRule.Organization("/o/{org}/indicators", Permission.ReadWorkspace, "GET", "POST") with { WritePermission = Permission.EditWorkspace },
        ["o/{org}/indicators/{key}"] = RouteRule.Organization("/o/{org}/indicators/internet-use", Permission.ReadWorkspace),
        ["o/{org}/indices/{key}"] = RouteRule.Organization("/o/{org}/indices/e-government", Permission.ReadWorkspace),
        ["o/{org}/countries/{code}"] = RouteRule.Organization("/o/{org}/countries/KE", Permission.ReadWorkspace),
        // Suppressed aggregate counts of cases and defender incidents only, like the effectiveness dashboard.
        ["o/{org}/statistics"] = RouteRule.Organization("/o/{org}/statistics", Permission.ViewCaseMetrics),

        ["o/{org}/companies"] = RouteRule.Organization("/o/{org}/companies", Permission.ReadWorkspace),
        ["o/{org}/companies/new"] = RouteRule.Organization("/o/{org}/companies/new", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/companies/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/companies/{MissingId}", Permission.ReadWorkspace, null),
        ["o/{org}/companies/{id:guid}/edit"] = RouteRule.OrganizationResource($"/o/{{org}}/companies/{MissingId}/edit", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/companies/{id:guid}/merge"] = RouteRule.OrganizationResource($"/o/{{org}}/companies/{MissingId}/merge", Permission.EditWorkspace, null, "GET", "POST"),

        // Everyone who reads sees portfolios; creating one (POST) needs edit.
        ["o/{org}/portfolios"] = RouteRule.Organization("/o/{org}/portfolios", Permission.ReadWorkspace, "GET", "POST") with { WritePermission = Permission.EditWorkspace },
        ["o/{org}/portfolios/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/portfolios/{MissingId}", Permission.ReadWorkspace, null),
        ["o/{org}/portfolios/{id:guid}/dashboard"] = RouteRule.OrganizationResource($"/o/{{org}}/portfolios/{MissingId}/dashboard", Permission.ReadWorkspace, null),
        ["o/{org}/portfolios/{id:guid}/import"] = RouteRule.OrganizationResource($"/o/{{org}}/portfolios/{MissingId}/import", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/portfolios/{id:guid}/holdings/{holdingId:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/portfolios/{MissingId}/holdings/{MissingId}", Permission.EditWorkspace, null, "GET", "POST"),

        // Everyone who reads sees engagements; every command on one (POST) needs edit.
        ["o/{org}/engagements"] = RouteRule.Organization("/o/{org}/engagements", Permission.ReadWorkspace),
        ["o/{org}/companies/{id:guid}/engagements/new"] = RouteRule.OrganizationResource($"/o/{{org}}/companies/{MissingId}/engagements/new", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/engagements/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/engagements/{MissingId}", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        // Decisions: everyone who reads sees the register and the exclusion list; analysts propose and revise, reviewers approve or return.
        ["o/{org}/decisions"] = RouteRule.Organization("/o/{org}/decisions", Permission.ReadWorkspace),
        ["o/{org}/decisions/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/decisions/{MissingId}", Permission.ReadWorkspace, null),
        ["o/{org}/decisions/{id:guid}/review"] = RouteRule.OrganizationResource($"/o/{{org}}/decisions/{MissingId}/review", Permission.Review, null, "GET", "POST"),
        ["o/{org}/decisions/{id:guid}/revise"] = RouteRule.OrganizationResource($"/o/{{org}}/decisions/{MissingId}/revise", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/companies/{id:guid}/decisions/new"] = RouteRule.OrganizationResource($"/o/{{org}}/companies/{MissingId}/decisions/new", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/exclusions"] = RouteRule.Organization("/o/{org}/exclusions", Permission.ReadWorkspace),
        ["o/{org}/exclusions/export"] = RouteRule.Organization("/o/{org}/exclusions/export?format=csv", Permission.ReadWorkspace),

        ["o/{org}/api-tokens"] = RouteRule.Organization("/o/{org}/api-tokens", Permission.ManageApiTokens, "GET", "POST"),

        // API: bearer tokens only
        ["api/v1/orgs/{org}/methodologies"] = RouteRule.Api("/api/v1/orgs/{org}/methodologies", Permission.ReadWorkspace),
        ["api/v1/orgs/{org}/methodologies/{key}/{version}"] = RouteRule.Api("/api/v1/orgs/{org}/methodologies/ungp-hria/1.0.0", Permission.ReadWorkspace),
        ["api/v1/orgs/{org}/assessments"] = RouteRule.Api("/api/v1/orgs/{org}/assessments", Permission.ReadWorkspace, Permission.EditWorkspace, 200, "GET", "POST"),
        ["api/v1/orgs/{org}/assessments/{id:guid}"] = RouteRule.Api($"/api/v1/orgs/{{org}}/assessments/{MissingId}", Permission.ReadWorkspace, Permission.ReadWorkspace, 404, "GET"),
        ["api/v1/orgs/{org}/assessments/{id:guid}/answers"] = RouteRule.Api($"/api/v1/orgs/{{org}}/assessments/{MissingId}/answers", Permission.EditWorkspace, Permission.EditWorkspace, 404, "PUT"),
        ["api/v1/orgs/{org}/assessments/{id:guid}/evidence"] = RouteRule.Api($"/api/v1/orgs/{{org}}/assessments/{MissingId}/evidence", Permission.EditWorkspace, Permission.EditWorkspace, 404, "POST"),
        ["api/v1/orgs/{org}/assessments/{id:guid}/submit"] = RouteRule.Api($"/api/v1/orgs/{{org}}/assessments/{MissingId}/submit", Permission.EditWorkspace, Permission.EditWorkspace, 404, "POST"),
        ["api/v1/orgs/{org}/companies"] = RouteRule.Api("/api/v1/orgs/{org}/companies", Permission.ReadWorkspace, Permission.EditWorkspace, 200, "GET", "POST"),
        ["api/v1/orgs/{org}/companies/{id:guid}"] = RouteRule.Api($"/api/v1/orgs/{{org}}/companies/{MissingId}", Permission.ReadWorkspace, Permission.ReadWorkspace, 404, "GET"),
        ["api/v1/orgs/{org}/companies/{id:guid}/merge"] = RouteRule.Api($"/api/v1/orgs/{{org}}/companies/{MissingId}/merge", Permission.EditWorkspace, Permission.EditWorkspace, 404, "POST"),
        ["api/v1/orgs/{org}/decisions"] = RouteRule.Api("/api/v1/orgs/{org}/decisions", Permission.ReadWorkspace, Permission.EditWorkspace, 200, "GET", "POST"),
        ["api/v1/orgs/{org}/decisions/{id:guid}"] = RouteRule.Api($"/api/v1/orgs/{{org}}/decisions/{MissingId}", Permission.ReadWorkspace, Permission.ReadWorkspace, 404, "GET"),
        ["api/v1/orgs/{org}/exclusions"] = RouteRule.Api("/api/v1/orgs/{org}/exclusions", Permission.ReadWorkspace),
        ["api/v1/orgs/{org}/assessments/{id:guid}/comments"] = RouteRule.Api($"/api/v1/orgs/{{org}}/assessments/{MissingId}/comments", Permission.ReadWorkspace, Permission.EditWorkspace, 404, "GET", "POST") with { AlsoWrite = Permission.Review },
        ["api/v1/orgs/{org}/portfolios"] = RouteRule.Api("/api/v1/orgs/{org}/portfolios", Permission.ReadWorkspace, Permission.EditWorkspace, 200, "GET", "POST"),
        ["api/v1/orgs/{org}/portfolios/{id:guid}"] = RouteRule.Api($"/api/v1/orgs/{{org}}/portfolios/{MissingId}", Permission.ReadWorkspace, Permission.ReadWorkspace, 404, "GET"),
        ["api/v1/orgs/{org}/portfolios/{id:guid}/holdings"] = RouteRule.Api($"/api/v1/orgs/{{org}}/portfolios/{MissingId}/holdings", Permission.ReadWorkspace, Permission.EditWorkspace, 404, "GET", "POST"),
        ["api/v1/orgs/{org}/engagements"] = RouteRule.Api("/api/v1/orgs/{org}/engagements", Permission.ReadWorkspace, Permission.EditWorkspace, 200, "GET", "POST"),
        ["api/v1/orgs/{org}/engagements/{id:guid}"] = RouteRule.Api($"/api/v1/orgs/{{org}}/engagements/{MissingId}", Permission.ReadWorkspace, Permission.ReadWorkspace, 404, "GET"),
        ["api/v1/orgs/{org}/engagements/{id:guid}/milestones"] = RouteRule.Api($"/api/v1/orgs/{{org}}/engagements/{MissingId}/milestones", Permission.EditWorkspace, Permission.EditWorkspace, 404, "POST"),
        ["api/v1/orgs/{org}/engagements/{id:guid}/interactions"] = RouteRule.Api($"/api/v1/orgs/{{org}}/engagements/{MissingId}/interactions", Permission.EditWorkspace, Permission.EditWorkspace, 404, "POST"),
        ["api/v1/orgs/{org}/engagements/{id:guid}/escalations"] = RouteRule.Api($"/api/v1/orgs/{{org}}/engagements/{MissingId}/escalations", Permission.EditWorkspace, Permission.EditWorkspace, 404, "POST"),
    };
}
