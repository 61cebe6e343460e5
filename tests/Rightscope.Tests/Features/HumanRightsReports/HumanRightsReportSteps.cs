using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Hrdd;
using Rightscope.Features.HumanRightsReports;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.HumanRightsReports;

/// <summary>Fictional salient issues and the forms that write, review and publish a human rights report.</summary>
internal static class HumanRightsReportSteps
{
    public const int Year = 2025;

    public static async Task<SalientIssue> SeedIssueAsync(
        RightscopeFactory app, Organization org, string title, string right = "privacy", int severity = 4, string? country = "KE")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var issue = new SalientIssue
        {
            OrganizationId = org.Id,
            Title = title,
            RightKey = right,
            Groups = "[]",
            CountryCode = country,
            Involvement = Involvement.Contribute,
            Actual = false,
            Likelihood = 3,
            Scale = severity,
            Scope = 2,
            Irremediability = 2,
            Status = SalientIssueStatus.Addressing,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.SalientIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue;
    }

    public static string ListPage(Organization org) => $"/o/{org.Slug}/human-rights-reports";

    public static string Overview(Organization org, Guid id) => $"/o/{org.Slug}/human-rights-reports/{id}";

    public static string SectionPage(Organization org, Guid id, string section, SalientIssue? issue = null) =>
        $"/o/{org.Slug}/human-rights-reports/{id}/sections/{section}{(issue is null ? "" : $"?issue={issue.EngineId}")}";

    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, Organization org, string year) =>
        await Forms.PostAsync(client, ListPage(org), new Dictionary<string, string> { ["year"] = year });

    public static async Task<Guid> CreatedAsync(HttpClient client, Organization org, int year = Year)
    {
        var response = await CreateAsync(client, org, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static async Task<HttpResponseMessage> WriteAsync(HttpClient client, RightscopeFactory app, Organization org, Guid id, string section, string? en, string? zh = null, SalientIssue? issue = null, Guid? version = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["textEn"] = en ?? "",
            ["textZh"] = zh ?? "",
            ["version"] = (version ?? (await ReportAsync(app, id)).ConcurrencyToken).ToString(),
        };
        return await Forms.PostAsync(client, SectionPage(org, id, section, issue), fields);
    }

    /// <summary>Writes every required section (parts A and B, and C1–C6 of each issue) in English.</summary>
    public static async Task WriteRequiredAsync(HttpClient client, RightscopeFactory app, Organization org, Guid id, params SalientIssue[] issues)
    {
        foreach (var section in new[] { "A1", "A2", "B1", "B2" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(client, app, org, id, section, $"Fictional {section} narrative.")).StatusCode);
        }

        foreach (var issue in issues)
        {
            foreach (var section in new[] { "C1", "C2", "C3", "C4", "C5", "C6" })
            {
                Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(client, app, org, id, section, $"Fictional {section} about {issue.Title}.", issue: issue)).StatusCode);
            }
        }
    }

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, RightscopeFactory app, Organization org, Guid id, string route, string? command = null, string? reason = null, Guid? version = null)
    {
        var fields = new Dictionary<string, string> { ["version"] = (version ?? (await ReportAsync(app, id)).ConcurrencyToken).ToString() };
        if (command is not null)
        {
            fields["command"] = command;
        }

        if (reason is not null)
        {
            fields["reason"] = reason;
        }

        return await Forms.PostAsync(client, Overview(org, id), fields, $"{Overview(org, id)}/{route}");
    }

    public static Task<HumanRightsReport> ReportAsync(RightscopeFactory app, Guid id) =>
        QueryAsync(app, db => db.HumanRightsReports.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == id));

    public static Task<List<AuditEntry>> AuditAsync(RightscopeFactory app, Guid organizationId, string action) =>
        QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == organizationId && e.Action == action).ToListAsync());

    public static async Task<T> QueryAsync<T>(RightscopeFactory app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    public static string PublicPage(Organization org, int year = Year, string lang = Bilingual.English, string extension = "") =>
        $"/human-rights-reports/{org.Slug}/{year}{extension}?lang={lang}";
}
