using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>Steps shared by the action plan, tracking indicator and engagement log tests.</summary>
internal static class HrddTrackingSteps
{
    /// <summary>Stores a salient issue directly (its register pages are tested elsewhere).</summary>
    public static async Task<SalientIssue> IssueAsync(WebApplicationFactory<Program> app, Guid organizationId, Guid ownerId, string title = "Privacy of users' location data (fictional)")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var issue = new SalientIssue
        {
            OrganizationId = organizationId,
            Title = title,
            RightKey = "privacy",
            Involvement = Involvement.Cause,
            Scale = 3,
            Scope = 2,
            Irremediability = 2,
            Likelihood = 3,
            CreatedByUserId = ownerId,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.SalientIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue;
    }

    /// <summary>GETs <paramref name="page"/> for its anti-forgery token and posts the fields (repeated keys allowed) to <paramref name="postUrl"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, IEnumerable<(string Key, string Value)> fields, string? postUrl = null)
    {
        var response = await client.GetAsync(page);
        Assert.True(response.IsSuccessStatusCode, $"GET {page} returned {(int)response.StatusCode}");
        var token = Forms.AntiforgeryToken(await response.Content.ReadAsStringAsync());
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new KeyValuePair<string, string>("__rs_af", token));
        return await client.PostAsync(postUrl ?? page, new FormUrlEncodedContent(pairs));
    }

    /// <summary>The id at the end of a redirect's location, after checking it redirects under <paramref name="prefix"/>.</summary>
    public static Guid RedirectedId(HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        var id = location[prefix.Length..].Split('#')[0];
        return Guid.Parse(id);
    }

    /// <summary>The hidden concurrency token the form on <paramref name="html"/> carries in <paramref name="field"/>.</summary>
    public static string VersionIn(string html, string field)
    {
        var marker = $"name=\"{field}\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {field} on the page");
        start += marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
