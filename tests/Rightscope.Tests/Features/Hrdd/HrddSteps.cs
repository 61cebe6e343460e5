using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>Forms and queries the due diligence cycle's tests share.</summary>
internal static class HrddSteps
{
    public static async Task<T> QueryAsync<T>(RightscopeFactory app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    public static Task<List<AuditEntry>> AuditAsync(RightscopeFactory app, Guid organizationId, string action) =>
        QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == organizationId && e.Action == action).ToListAsync());

    public static Dictionary<string, string> Issue(
        string title,
        string right = "privacy",
        string scale = "3",
        string scope = "3",
        string irremediability = "3",
        string? likelihood = "3",
        string[]? groups = null,
        string country = "",
        string status = "identified",
        string owner = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.RightKey"] = right,
            ["Input.Product"] = "Fictional Chat (fictional product)",
            ["Input.Country"] = country,
            ["Input.Involvement"] = "cause",
            ["Input.Description"] = "Fictional: messages are scanned without a legal basis.",
            ["Input.Occurrence"] = likelihood is null ? "actual" : "potential",
            ["Input.Scale"] = scale,
            ["Input.Scope"] = scope,
            ["Input.Irremediability"] = irremediability,
            ["Input.Status"] = status,
            ["Input.Owner"] = owner,
        };
        if (likelihood is not null)
        {
            fields["Input.Likelihood"] = likelihood;
        }

        var keys = groups ?? ["users"];
        for (var i = 0; i < keys.Length; i++)
        {
            fields[$"Input.Groups[{i}]"] = keys[i];
        }

        return fields;
    }

    public static async Task<Guid> CreateIssueAsync(HttpClient client, Organization org, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/salient-issues/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Dictionary<string, string> Hria(string subjectKind, string name, string country = "", string status = "planned") => new()
    {
        ["Input.SubjectKind"] = subjectKind,
        ["Input.SubjectName"] = name,
        ["Input.Country"] = country,
        ["Input.Trigger"] = "new-activity-or-relationship",
        ["Input.Stage"] = "deployment",
        ["Input.Status"] = status,
        ["Input.StartsOn"] = "2026-01-15",
        ["Input.EndsOn"] = "2026-06-30",
        ["Input.Lead"] = "",
        ["Input.Description"] = "Fictional scope: interviews with users and civil society.",
    };

    public static async Task<Guid> CreateHriaAsync(HttpClient client, Organization org, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/hria/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>Stores grievance cases directly (triage fields only; the content is a placeholder, never read).</summary>
    public static Task AddCasesAsync(RightscopeFactory app, Guid organizationId, IEnumerable<(CaseStatus Status, string Rights, Guid? ImpactId)> cases) =>
        QueryAsync(app, async db =>
        {
            var channel = new Channel
            {
                OrganizationId = organizationId,
                Slug = TestData.UniqueSlug("ch"),
                NameEn = "Fictional channel",
                NameZh = "虚构渠道",
                ReceiptSalt = new byte[16],
                ReceiptCost = "test",
                CreatedAt = DateTime.UtcNow,
            };
            db.Add(channel);
            var number = await db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == organizationId).Select(c => (int?)c.Number).MaxAsync() ?? 0;
            foreach (var (status, rights, impactId) in cases)
            {
                number++;
                db.Add(new GrievanceCase
                {
                    OrganizationId = organizationId,
                    ChannelId = channel.Id,
                    Number = number,
                    Status = status,
                    ReceivedOn = new DateOnly(2026, 5, 1),
                    ClosedOn = status == CaseStatus.Closed ? new DateOnly(2026, 6, 1) : null,
                    LookupId = Guid.NewGuid().ToByteArray(),
                    ReporterEnvelope = [4],
                    Report = [5],
                    RightKeys = rights,
                    SalientImpactId = impactId,
                });
            }

            await db.SaveChangesAsync();
            return 0;
        });

    public static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
