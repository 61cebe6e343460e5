using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.ApiTokens;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;

namespace Rightscope.Tests.Features.ApiTokens;

/// <summary>The owner's API tokens page: create (secret shown once, hash stored), revoke, audit, who may use it.</summary>
public sealed partial class ApiTokensPageTests
{
    [GeneratedRegex("data-testid=\"api-token-secret\"|value=\"(rs_[A-Za-z0-9_-]{43})\"")]
    private static partial Regex SecretField();

    private static Dictionary<string, string> NewToken(string name, string role = "viewer", string days = "30") => new()
    {
        ["Input.Name"] = name,
        ["Input.Role"] = role,
        ["Input.ExpiresInDays"] = days,
    };

    private static string Secret(string html)
    {
        var secret = SecretField().Matches(html).Select(m => m.Groups[1].Value).FirstOrDefault(v => v.Length > 0);
        Assert.NotNull(secret);
        return secret;
    }

    private static string Methodologies(string slug) => ApiAccessTests.Methodologies(slug);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owner_creates_a_token_shown_once_stored_as_hash_audited_without_secret_and_it_lists_methodologies(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);

        var created = await Forms.PostAsync(client, $"/o/{org.Slug}/api-tokens", NewToken("ERP export"));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var secret = Secret(await created.Content.ReadAsStringAsync());
        Assert.True(ApiTokenSecret.IsWellFormed(secret));

        var stored = Assert.Single(await QueryAsync(app, db => db.ApiTokens.IgnoreQueryFilters().AsNoTracking().Where(t => t.OrganizationId == org.Id).ToListAsync()));
        Assert.Equal(ApiTokenSecret.Hash(secret), stored.TokenHash);
        Assert.Equal(secret[..8], stored.TokenPrefix);
        Assert.Equal(Role.Viewer, stored.Role);
        Assert.Equal(owner.Id, stored.CreatedByUserId);
        Assert.InRange(stored.ExpiresAt!.Value, DateTime.UtcNow.AddDays(29.9), DateTime.UtcNow.AddDays(30.1));
        Assert.DoesNotContain(secret, await QueryAsync(app, db => db.ApiTokens.IgnoreQueryFilters().Select(t => t.TokenHash + t.TokenPrefix + t.Name).FirstAsync()), StringComparison.Ordinal);

        var entry = Assert.Single(await AuditAsync(app, org.Id, "api-token.created"));
        Assert.DoesNotContain(secret, entry.Summary, StringComparison.Ordinal);
        Assert.Contains("ERP export", entry.Summary, StringComparison.Ordinal);

        // Shown once: the list shows the prefix, never the secret.
        var list = await (await client.GetAsync($"/o/{org.Slug}/api-tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains(secret[..8], list, StringComparison.Ordinal);

        var response = await app.CreateApiClient(secret).GetAsync(Methodologies(org.Slug));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = json.RootElement.EnumerateArray().First(m => m.GetProperty("key").GetString() == "ungp-hria");
        Assert.Equal("shipped", first.GetProperty("origin").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetProperty("zh-Hans").GetString()));
        Assert.Contains(first.GetProperty("counts").EnumerateObject(), c => c.Value.GetInt32() > 0);

        var used = await QueryAsync(app, db => db.ApiTokens.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == stored.Id));
        Assert.NotNull(used.LastUsedAt);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owner_revokes_a_token_and_it_stops_working_and_the_revocation_is_audited(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var secret = Secret(await (await Forms.PostAsync(client, $"/o/{org.Slug}/api-tokens", NewToken("BI"))).Content.ReadAsStringAsync());
        var api = app.CreateApiClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Methodologies(org.Slug))).StatusCode);
        var id = await QueryAsync(app, db => db.ApiTokens.IgnoreQueryFilters().Where(t => t.OrganizationId == org.Id).Select(t => t.Id).SingleAsync());

        var revoked = await Forms.PostAsync(client, $"/o/{org.Slug}/api-tokens", new Dictionary<string, string> { ["tokenId"] = id.ToString() }, $"/o/{org.Slug}/api-tokens?handler=Revoke");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(Methodologies(org.Slug))).StatusCode);
        var entry = Assert.Single(await AuditAsync(app, org.Id, "api-token.revoked"));
        Assert.DoesNotContain(secret, entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owner_cannot_create_an_owner_token_or_one_that_lives_longer_than_a_year(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);

        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(client, $"/o/{org.Slug}/api-tokens", NewToken("x", role: "owner"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(client, $"/o/{org.Slug}/api-tokens", NewToken("x", days: "366"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(client, $"/o/{org.Slug}/api-tokens", NewToken("x", days: "0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(client, $"/o/{org.Slug}/api-tokens", NewToken(new string('n', 101)))).StatusCode);
        Assert.Empty(await QueryAsync(app, db => db.ApiTokens.IgnoreQueryFilters().Where(t => t.OrganizationId == org.Id).ToListAsync()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Analysts_and_viewers_get_403_on_the_api_tokens_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        foreach (var role in new[] { Role.Analyst, Role.Viewer })
        {
            var member = await app.AddMemberAsync(org, role);
            var client = await app.SignInAsync(member.Email!);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/o/{org.Slug}/api-tokens")).StatusCode);
        }
    }
}
