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
        // Transparency: a published report is public; anything else (unknown organization, period or unpublished) is 404.
        ["transparency/{org}/{period}"] = RouteRule.Public("/transparency/no-such-org/2024", 404),

        // Benchmark
        ["benchmark"] = RouteRule.Public("/benchmark"),
        // Unpublished or unknown editions are a 404, like an address that does not exist.
        ["benchmark/{org}/{edition}"] = RouteRule.Public("/benchmark/no-such-org/no-such-edition", 404),
        ["benchmark/{org}/{edition}/{company}"] = RouteRule.Public("/benchmark/no-such-org/no-such-edition/no-such-company", 404),
        ["open-data"] = RouteRule.Public("/open-data/"),
        ["open-data/index.json"] = RouteRule.Public("/open-data/index.json"),
        ["open-data/{org}/{edition}.{format}"] = RouteRule.Public("/open-data/no-such-org/no-such-edition.csv", 404),
        ["o/{org}/benchmark"] = RouteRule.Organization("/o/{org}/benchmark", Permission.ReadWorkspace),
        ["o/{org}/benchmark/import"] = RouteRule.Organization("/o/{org}/benchmark/import", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/benchmark/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/benchmark/{MissingId}", Permission.ReadWorkspace, null),
        ["o/{org}/benchmark/{id:guid}/approve"] = RouteRule.OrganizationResource($"/o/{{org}}/benchmark/{MissingId}/approve", Permission.Review, null, "GET", "POST"),
        ["o/{org}/benchmark/{id:guid}/publication"] = RouteRule.OrganizationResource($"/o/{{org}}/benchmark/{MissingId}/publication", Permission.Publish, null, "GET", "POST"),

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
        ["o/{org}/cases/share"] = RouteRule.Organization("/o/{org}/cases/share", Permission.HandleCases, "GET", "POST"),
        // Only a recipient of the case finds it; the id exists nowhere, so handlers get 404 and the others 403.
        ["o/{org}/cases/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/cases/{MissingId}", Permission.HandleCases, null, "GET", "POST"),
        ["o/{org}/cases/{id:guid}/files/{fileId:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/cases/{MissingId}/files/{MissingId}", Permission.HandleCases, null),
        ["o/{org}/cases/{id:guid}/archive"] = RouteRule.OrganizationResource($"/o/{{org}}/cases/{MissingId}/archive", Permission.HandleCases, null, "GET", "POST"),

        // Indicators
        // Everyone who reads sees datasets, indicators, indices and country context; importing (POST) needs edit.
        ["o/{org}/indicators"] = RouteRule.Organization("/o/{org}/indicators", Permission.ReadWorkspace, "GET", "POST") with { WritePermission = Permission.EditWorkspace },
        ["o/{org}/indicators/{key}"] = RouteRule.Organization("/o/{org}/indicators/internet-use", Permission.ReadWorkspace),
        // A dataset's page: readers see its state; publishing or withdrawing it (POST) needs the publish permission.
        ["o/{org}/indicators/datasets/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/indicators/datasets/{MissingId}", Permission.ReadWorkspace, Permission.Publish, "GET", "POST"),
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

        // Due diligence cycle: everyone who reads sees the commitment, HRIA projects and the register; every change (POST) needs edit.
        ["o/{org}/due-diligence"] = RouteRule.Organization("/o/{org}/due-diligence", Permission.ReadWorkspace),
        ["o/{org}/due-diligence/commitment"] = RouteRule.Organization("/o/{org}/due-diligence/commitment", Permission.ReadWorkspace, "GET", "POST") with { WritePermission = Permission.EditWorkspace },
        ["o/{org}/hria"] = RouteRule.Organization("/o/{org}/hria", Permission.ReadWorkspace),
        ["o/{org}/hria/new"] = RouteRule.Organization("/o/{org}/hria/new", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/hria/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/hria/{MissingId}", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/salient-issues"] = RouteRule.Organization("/o/{org}/salient-issues", Permission.ReadWorkspace),
        ["o/{org}/salient-issues/new"] = RouteRule.Organization("/o/{org}/salient-issues/new", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/salient-issues/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/salient-issues/{MissingId}", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        // HRDD tracking: everyone who reads sees action plans, indicators and the engagement log; editing (POST) needs edit.
        ["o/{org}/actions"] = RouteRule.Organization("/o/{org}/actions", Permission.ReadWorkspace),
        ["o/{org}/actions/new"] = RouteRule.Organization("/o/{org}/actions/new", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/actions/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/actions/{MissingId}", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/tracking-indicators/new"] = RouteRule.Organization("/o/{org}/tracking-indicators/new", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/tracking-indicators/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/tracking-indicators/{MissingId}", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/tracking-indicators/{id:guid}/measurements.csv"] = RouteRule.OrganizationResource($"/o/{{org}}/tracking-indicators/{MissingId}/measurements.csv", Permission.ReadWorkspace, null),
        ["o/{org}/tracking-indicators/{id:guid}/measurements/{measurementId:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/tracking-indicators/{MissingId}/measurements/{MissingId}", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/stakeholder-engagement"] = RouteRule.Organization("/o/{org}/stakeholder-engagement", Permission.ReadWorkspace),
        ["o/{org}/stakeholder-engagement/new"] = RouteRule.Organization("/o/{org}/stakeholder-engagement/new", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/stakeholder-engagement/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/stakeholder-engagement/{MissingId}", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/stakeholder-engagement/fatigue"] = RouteRule.Organization("/o/{org}/stakeholder-engagement/fatigue", Permission.ReadWorkspace),
        // Deleting: a confirmation page (GET) and the deletion (POST), both for editors only.
        ["o/{org}/actions/{id:guid}/delete"] = RouteRule.OrganizationResource($"/o/{{org}}/actions/{MissingId}/delete", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/tracking-indicators/{id:guid}/delete"] = RouteRule.OrganizationResource($"/o/{{org}}/tracking-indicators/{MissingId}/delete", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/tracking-indicators/{id:guid}/measurements/{measurementId:guid}/delete"] = RouteRule.OrganizationResource($"/o/{{org}}/tracking-indicators/{MissingId}/measurements/{MissingId}/delete", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/stakeholder-engagement/{id:guid}/delete"] = RouteRule.OrganizationResource($"/o/{{org}}/stakeholder-engagement/{MissingId}/delete", Permission.EditWorkspace, null, "GET", "POST"),
        // Human rights reports: readers see reports and sections; analysts create drafts, write sections and submit;
        // reviewers approve or return to draft; owners publish and withdraw. The public page and exports are 404 until publication.
        ["o/{org}/human-rights-reports"] = RouteRule.Organization("/o/{org}/human-rights-reports", Permission.ReadWorkspace, "GET", "POST") with { WritePermission = Permission.EditWorkspace },
        ["o/{org}/human-rights-reports/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/human-rights-reports/{MissingId}", Permission.ReadWorkspace, null),
        ["o/{org}/human-rights-reports/{id:guid}/sections/{section}"] = RouteRule.OrganizationResource($"/o/{{org}}/human-rights-reports/{MissingId}/sections/A1", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/human-rights-reports/{id:guid}/submit"] = RouteRule.OrganizationResource($"/o/{{org}}/human-rights-reports/{MissingId}/submit", Permission.EditWorkspace, null, "GET", "POST"),
        ["o/{org}/human-rights-reports/{id:guid}/review"] = RouteRule.OrganizationResource($"/o/{{org}}/human-rights-reports/{MissingId}/review", Permission.Review, null, "GET", "POST"),
        ["o/{org}/human-rights-reports/{id:guid}/publish"] = RouteRule.OrganizationResource($"/o/{{org}}/human-rights-reports/{MissingId}/publish", Permission.Publish, null, "GET", "POST"),
        ["human-rights-reports/{org}/{year:int}"] = RouteRule.Public("/human-rights-reports/no-such-org/2025", 404),
        ["human-rights-reports/{org}/{year:int}.md"] = RouteRule.Public("/human-rights-reports/no-such-org/2025.md", 404),
        ["human-rights-reports/{org}/{year:int}.docx"] = RouteRule.Public("/human-rights-reports/no-such-org/2025.docx", 404),

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

        // Transparency
        ["o/{org}/government-requests"] = RouteRule.Organization("/o/{org}/government-requests", Permission.ReadWorkspace),
        ["o/{org}/government-requests/new"] = RouteRule.Organization("/o/{org}/government-requests/new", Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/government-requests/{id:guid}"] = RouteRule.OrganizationResource($"/o/{{org}}/government-requests/{MissingId}", Permission.ReadWorkspace, Permission.EditWorkspace, "GET", "POST"),
        ["o/{org}/transparency"] = RouteRule.Organization("/o/{org}/transparency", Permission.ReadWorkspace),
        ["o/{org}/transparency/import"] = RouteRule.Organization("/o/{org}/transparency/import", Permission.EditWorkspace, "GET", "POST"),
        // Everyone who reads sees the live numbers; publishing and withdrawing (POST) need Publish.
        ["o/{org}/transparency/{period}"] = new RouteRule("/o/{org}/transparency/2024", Access.OrganizationMember, Permission.ReadWorkspace, ["GET", "POST"], 200, Permission.Publish),
    };
}
