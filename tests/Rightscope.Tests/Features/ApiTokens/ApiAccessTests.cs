using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.ApiTokens;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;

namespace Rightscope.Tests.Features.ApiTokens;

/// <summary>The bearer scheme, the organization and permission checks of <c>/api/v1</c>, problem details and the OpenAPI document.</summary>
public sealed class ApiAccessTests
{
    internal static string Methodologies(string slug) => $"/api/v1/orgs/{slug}/methodologies";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_structure_endpoint_returns_nodes_answer_sets_tiers_and_decisions_or_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));

        var response = await api.GetAsync($"{Methodologies(org.Slug)}/surveillance-investor/1.0.0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("1.0.0", root.GetProperty("version").GetString());
        Assert.NotEmpty(root.GetProperty("structure").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("answerSets").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("decisions").EnumerateArray());
        var tiers = root.GetProperty("tiers");
        Assert.NotEmpty(tiers.GetProperty("thresholds").EnumerateArray());
        Assert.Contains(root.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("decision").GetString() == "exclude");

        var missing = await api.GetAsync($"{Methodologies(org.Slug)}/surveillance-investor/9.9.9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Revoked_expired_and_garbage_tokens_get_401_with_a_bearer_challenge_and_problem_details(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var revoked = await app.CreateApiTokenAsync(org, Role.Analyst, revokedAt: DateTime.UtcNow.AddMinutes(-1));
        var expired = await app.CreateApiTokenAsync(org, Role.Analyst, expiresAt: DateTime.UtcNow.AddMinutes(-1));

        foreach (var secret in new[] { revoked, expired, "rs_garbage", ApiTokenSecret.Create(), "" })
        {
            var response = await app.CreateApiClient(secret.Length == 0 ? null : secret).GetAsync(Methodologies(org.Slug));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // A signed-in browser has no token: its session cookie is not accepted by the API.
        var browser = await app.SignInAsync(owner.Email!);
        var withCookie = await browser.GetAsync(Methodologies(org.Slug));
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
        Assert.Null(withCookie.Headers.Location);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_token_of_another_organization_gets_404_and_a_role_without_read_workspace_gets_403(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var (other, _) = await app.CreateOrganizationAsync();

        var foreign = await app.CreateApiClient(await app.CreateApiTokenAsync(other, Role.Analyst)).GetAsync(Methodologies(org.Slug));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        var unknown = await app.CreateApiClient(await app.CreateApiTokenAsync(other, Role.Analyst)).GetAsync(Methodologies("no-such-org"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer)).GetAsync(Methodologies(org.Slug))).StatusCode);
        var handler = await app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.CaseHandler)).GetAsync(Methodologies(org.Slug));
        Assert.Equal(HttpStatusCode.Forbidden, handler.StatusCode);
        Assert.Equal("application/problem+json", handler.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Unknown_api_paths_and_wrong_methods_get_problem_details_not_html(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));

        var unknown = await api.GetAsync($"/api/v1/orgs/{org.Slug}/no-such-thing");
        var wrongMethod = await api.PostAsync(Methodologies(org.Slug), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        // The application's catch-all fallback answers other methods with 404 rather than 405; either way, JSON.
        Assert.Contains(wrongMethod.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_openapi_document_is_public_json_with_the_api_paths_and_the_bearer_scheme_only(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);

        var response = await app.CreateApiClient(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/orgs/{org}/methodologies", paths);
        Assert.Contains("/api/v1/orgs/{org}/methodologies/{key}/{version}", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal));
        var scheme = json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("security").EnumerateArray());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_session_cookie_next_to_a_token_changes_nothing_the_token_alone_decides(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (other, _) = await app.CreateOrganizationAsync();
        var browser = await app.SignInAsync(owner.Email!);

        // The owner's cookie would pass for org; the token of the other organization must still get 404.
        using var foreign = new HttpRequestMessage(HttpMethod.Get, Methodologies(org.Slug));
        foreign.Headers.Authorization = new("Bearer", await app.CreateApiTokenAsync(other, Role.Analyst));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.SendAsync(foreign)).StatusCode);

        // The owner's cookie would pass for ReadWorkspace; the case handler token must still get 403.
        using var handler = new HttpRequestMessage(HttpMethod.Get, Methodologies(org.Slug));
        handler.Headers.Authorization = new("Bearer", await app.CreateApiTokenAsync(org, Role.CaseHandler));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(handler)).StatusCode);

        using var own = new HttpRequestMessage(HttpMethod.Get, Methodologies(org.Slug));
        own.Headers.Authorization = new("Bearer", await app.CreateApiTokenAsync(org, Role.Viewer));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(own)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Last_used_is_recorded_at_most_once_a_minute(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var secret = await app.CreateApiTokenAsync(org, Role.Viewer);
        var api = app.CreateApiClient(secret);
        var hash = ApiTokenSecret.Hash(secret);
        Task<DateTime?> LastUsedAsync() => QueryAsync(app, db => db.ApiTokens.IgnoreQueryFilters().Where(t => t.TokenHash == hash).Select(t => t.LastUsedAt).SingleAsync());

        Assert.Null(await LastUsedAsync());
        await api.GetAsync(Methodologies(org.Slug));
        var first = await LastUsedAsync();
        await api.GetAsync(Methodologies(org.Slug));

        Assert.NotNull(first);
        Assert.Equal(first, await LastUsedAsync());
    }
}
