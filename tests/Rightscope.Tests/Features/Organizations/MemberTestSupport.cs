using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Organizations;

/// <summary>Steps shared by the members and invitations tests, done the way a browser does them.</summary>
internal static partial class MemberTestSupport
{
    [GeneratedRegex(@"https?://[^/""]+/invitations/([A-Za-z0-9_-]{43})")]
    private static partial Regex InvitationLink();

    /// <summary>Creates an invitation on the owner's invitations page and returns the one-time link's path.</summary>
    public static async Task<string> InviteAsync(HttpClient owner, string slug, string email, string role)
    {
        var response = await Forms.PostAsync(owner, $"/o/{slug}/invitations", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Role"] = role,
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = InvitationLink().Match(html);
        Assert.True(match.Success, "the response shows no invitation link");
        return $"/invitations/{match.Groups[1].Value}";
    }

    public static HttpClient Anonymous(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<T> QueryAsync<T>(WebApplicationFactory<Program> app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    public static Task<Membership?> MembershipAsync(WebApplicationFactory<Program> app, Guid organizationId, Guid userId) =>
        QueryAsync(app, db => db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId));

    public static Task<List<AuditEntry>> AuditAsync(WebApplicationFactory<Program> app, Guid organizationId, string action) =>
        QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && e.Action == action)
            .OrderBy(e => e.Sequence)
            .ToListAsync());

    public static Task<List<AuditEntry>> AllAuditAsync(WebApplicationFactory<Program> app) =>
        QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking().ToListAsync());
}
