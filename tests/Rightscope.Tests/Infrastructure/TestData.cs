using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.ApiTokens;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;

namespace Rightscope.Tests.Infrastructure;

/// <summary>Organizations, members and signed-in clients for tests, created through the application's own services.</summary>
public static class TestData
{
    public const string Password = "correct horse battery staple";

    public static string UniqueSlug(string prefix = "org") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}@example.org";

    public static async Task<(Organization Organization, User Owner)> CreateOrganizationAsync(
        this RightscopeFactory factory, OrganizationKind kind = OrganizationKind.Investor, string? slug = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>().CreateOwnerAsync(
            new NewOrganization(slug ?? UniqueSlug(), "Test organization", kind),
            new NewOwner(UniqueEmail("owner"), "Test owner", Password),
            AuditActor.System,
            allowExistingOrganization: false);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return (result.Organization!, result.User!);
    }

    public static async Task<User> AddMemberAsync(this RightscopeFactory factory, Organization organization, Role role, string? email = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var address = email ?? UniqueEmail(role.ToCode());
        var user = await users.FindByEmailAsync(address);
        if (user is null)
        {
            user = new User { UserName = address, Email = address, EmailConfirmed = true, DisplayName = $"Test {role.ToCode()}", CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(new Membership { OrganizationId = organization.Id, UserId = user.Id, Role = role, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A client with cookies that has signed in through the sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(this RightscopeFactory factory, string email, string password = Password)
    {
        var client = factory.CreateBrowserlikeClient();
        var response = await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Stores an API token directly (any role, any dates) and returns its secret.</summary>
    public static async Task<string> CreateApiTokenAsync(
        this RightscopeFactory factory, Organization organization, Role role, DateTime? expiresAt = null, DateTime? revokedAt = null, Guid? createdBy = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var secret = ApiTokenSecret.Create();
        db.ApiTokens.Add(new ApiToken
        {
            OrganizationId = organization.Id,
            Name = $"test {role.ToCode()}",
            Role = role,
            CreatedByUserId = createdBy ?? Guid.Empty,
            TokenPrefix = ApiTokenSecret.Prefix(secret),
            TokenHash = ApiTokenSecret.Hash(secret),
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = expiresAt ?? DateTime.UtcNow.AddDays(1),
            RevokedAt = revokedAt,
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>A client without cookies that sends <paramref name="secret"/> as a bearer token.</summary>
    public static HttpClient CreateApiClient(this RightscopeFactory factory, string? secret)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }
}
