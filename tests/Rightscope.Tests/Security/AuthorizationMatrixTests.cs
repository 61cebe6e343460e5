using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Security;

/// <summary>
/// Proves, for every route the application serves (read from its endpoint data sources, not a hand list),
/// that each role gets exactly what §9.2 grants and that a member of another organization gets nothing.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Every_route_of_the_application_is_in_the_matrix_and_every_matrix_entry_exists(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var served = Routes(app);

        var unlisted = served.Where(route => !AuthorizationMatrix.Routes.ContainsKey(route.Pattern))
            .Select(route => $"{route.Pattern} is served but has no entry in AuthorizationMatrix");
        var stale = AuthorizationMatrix.Routes.Keys.Where(key => served.All(route => route.Pattern != key))
            .Select(key => $"{key} is in AuthorizationMatrix but not served");
        Assert.Empty(unlisted.Concat(stale));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Each_role_gets_exactly_what_it_is_granted_and_other_organizations_get_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        var (outsiderOrganization, outsider) = await app.CreateOrganizationAsync();
        var members = new Dictionary<Role, string> { [Role.Owner] = owner.Email! };
        foreach (var role in Roles.All.Where(r => r != Role.Owner))
        {
            members[role] = (await app.AddMemberAsync(organization, role)).Email!;
        }

        var failures = new List<string>();
        var anonymous = app.CreateBrowserlikeClient();
        var outsiderClient = await app.SignInAsync(outsider.Email!);
        var outsiderToken = await TokenAsync(outsiderClient);
        var clients = new Dictionary<Role, (HttpClient Client, string Token)>();
        foreach (var (role, email) in members)
        {
            var client = await app.SignInAsync(email);
            clients[role] = (client, await TokenAsync(client));
        }

        var outsiderApi = app.CreateApiClient(await app.CreateApiTokenAsync(outsiderOrganization, Role.Owner));
        var apiClients = new Dictionary<Role, HttpClient>();
        foreach (var role in Roles.All)
        {
            apiClients[role] = app.CreateApiClient(await app.CreateApiTokenAsync(organization, role));
        }

        foreach (var (pattern, rule) in AuthorizationMatrix.Routes)
        {
            var path = rule.SamplePath.Replace("{org}", organization.Slug, StringComparison.Ordinal);
            switch (rule.Access)
            {
                case Access.Anonymous:
                    if (rule.Methods.Contains("GET"))
                    {
                        await Expect(failures, pattern, "anonymous GET", await anonymous.GetAsync(path), rule.SuccessStatus);
                    }

                    break;

                case Access.SignedIn:
                    await ExpectSignInRedirect(failures, pattern, await anonymous.GetAsync(path));
                    await Expect(failures, pattern, "owner GET", await clients[Role.Owner].Client.GetAsync(path), rule.SuccessStatus);
                    break;

                case Access.OrganizationMember:
                    await ExpectSignInRedirect(failures, pattern, await anonymous.GetAsync(path));
                    foreach (var method in rule.Methods)
                    {
                        // A member of another organization must not learn that the organization exists.
                        await Expect(failures, pattern, $"outsider {method}", await SendAsync(outsiderClient, outsiderToken, method, path), 404);
                        foreach (var role in Roles.All)
                        {
                            var (client, token) = clients[role];
                            var response = await SendAsync(client, token, method, path);
                            if (rule.Grants(role, method))
                            {
                                // A sample path naming a missing resource gives 404 to every method.
                                var allowed = method == "GET" || rule.SuccessStatus == 404 ? [rule.SuccessStatus] : new[] { 200, 302, 400 };
                                await Expect(failures, pattern, $"{role} {method}", response, allowed);
                            }
                            else
                            {
                                await Expect(failures, pattern, $"{role} {method}", response, 403);
                            }
                        }
                    }

                    break;

                case Access.Api:
                    foreach (var method in rule.Methods)
                    {
                        var request = () => new HttpRequestMessage(new HttpMethod(method), path);
                        var unauthenticated = await app.CreateApiClient(null).SendAsync(request());
                        await Expect(failures, pattern, $"anonymous {method}", unauthenticated, 401);
                        if (!unauthenticated.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                        {
                            failures.Add($"{pattern}: anonymous {method} has no WWW-Authenticate: Bearer");
                        }

                        // A session cookie alone is not accepted by the API (no CSRF surface).
                        await Expect(failures, pattern, $"owner cookie {method}", await clients[Role.Owner].Client.SendAsync(request()), 401);
                        await Expect(failures, pattern, $"outsider token {method}", await outsiderApi.SendAsync(request()), 404);
                        foreach (var role in Roles.All)
                        {
                            var response = await apiClients[role].SendAsync(request());
                            // Writes are sent without a body: allowed ones get 400 (or 404 for a missing resource), never 2xx or 500.
                            var success = method == "GET" || rule.SuccessStatus == 404 ? rule.SuccessStatus : 400;
                            await Expect(failures, pattern, $"{role} token {method}", response, rule.Grants(role, method) ? success : 403);
                        }
                    }

                    break;
            }
        }

        // Every failure in full: the collection printer of Assert.Empty cuts each line short.
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private sealed record ServedRoute(string Pattern, string[] Methods);

    private static List<ServedRoute> Routes(RightscopeFactory app) =>
        app.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => new ServedRoute(e.RoutePattern.RawText?.TrimStart('/') ?? "", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? []))
            .DistinctBy(r => r.Pattern)
            .ToList();

    // Every signed-in page carries the layout's forms, so any page gives the user's anti-forgery token.
    private static async Task<string> TokenAsync(HttpClient client) =>
        Forms.AntiforgeryToken(await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token, string method, string path) =>
        method == "GET"
            ? client.GetAsync(path)
            : Forms.PostWithTokenAsync(client, path, token, new Dictionary<string, string>());

    private static async Task ExpectSignInRedirect(List<string> failures, string pattern, HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            failures.Add($"{pattern}: anonymous GET should redirect to sign-in but gave {(int)response.StatusCode} {location}");
        }

        await Task.CompletedTask;
    }

    private static Task Expect(List<string> failures, string pattern, string who, HttpResponseMessage response, params int[] allowed)
    {
        if (!allowed.Contains((int)response.StatusCode))
        {
            failures.Add($"{pattern}: {who} gave {(int)response.StatusCode}, expected {string.Join(" or ", allowed)}");
        }

        return Task.CompletedTask;
    }
}
