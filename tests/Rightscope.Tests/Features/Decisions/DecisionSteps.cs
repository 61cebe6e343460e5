using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Assessments;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Decisions;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;
using SubjectKind = Rightscope.Core.Methodologies.SubjectKind;

namespace Rightscope.Tests.Features.Decisions;

/// <summary>A fictional company with an approved assessment of a given tier, and the forms that decide about it.</summary>
internal static class DecisionSteps
{
    public const string Methodology = "surveillance-investor";

    /// <summary>Stores a registry company and an approved assessment of it (matched by subject name) with <paramref name="tier"/>.</summary>
    public static async Task<(Guid CompanyId, Guid AssessmentId)> SeedCompanyAsync(
        RightscopeFactory app, Organization org, string name, int tier, string? isin = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var methodology = scope.ServiceProvider.GetRequiredService<MethodologyRegistry>().Shipped.Find(Methodology)!;
        var now = DateTime.UtcNow;
        var company = new Company { OrganizationId = org.Id, NameEn = name, Isin = isin, Country = "CH", Ticker = "FICT", Fictional = true, CreatedAt = now, UpdatedAt = now };
        CompanyCommands.SetNormalizedNames(company);
        var assessment = new Assessment
        {
            OrganizationId = org.Id,
            SubjectKind = SubjectKind.Company,
            SubjectName = $"{name} (fictional)",
            MethodologyKey = methodology.Key,
            MethodologyVersion = methodology.Version,
            Status = AssessmentStatus.Approved,
            ApprovedAt = now,
            Tier = tier,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.AddRange(company, assessment);
        await db.SaveChangesAsync();
        return (company.Id, assessment.Id);
    }

    public static Dictionary<string, string> Fields(
        Guid assessmentId, string kind, string rationale = "Fictional rationale.", string mode = "", string divestBy = "", string effectiveOn = "2026-07-01") => new()
        {
            ["Input.AssessmentId"] = assessmentId.ToString(),
            ["Input.Kind"] = kind,
            ["Input.ExclusionMode"] = mode,
            ["Input.DivestBy"] = divestBy,
            ["Input.EffectiveOn"] = effectiveOn,
            ["Input.Rationale"] = rationale,
        };

    public static string NewPage(Organization org, Guid companyId) => $"/o/{org.Slug}/companies/{companyId}/decisions/new";

    public static string DetailPage(Organization org, Guid decisionId) => $"/o/{org.Slug}/decisions/{decisionId}";

    /// <summary>Proposes through the page and returns the new decision's id from the redirect.</summary>
    public static async Task<Guid> ProposeAsync(HttpClient client, Organization org, Guid companyId, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(client, NewPage(org, companyId), fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static async Task<HttpResponseMessage> ReviewAsync(HttpClient client, Organization org, Guid decisionId, string command, Guid version, string? reason = null)
    {
        var fields = new Dictionary<string, string> { ["command"] = command, ["version"] = version.ToString() };
        if (reason is not null)
        {
            fields["reason"] = reason;
        }

        return await Forms.PostAsync(client, DetailPage(org, decisionId), fields, $"{DetailPage(org, decisionId)}/review");
    }

    public static Task<Decision> DecisionAsync(RightscopeFactory app, Guid id) =>
        QueryAsync(app, db => db.Decisions.IgnoreQueryFilters().SingleAsync(d => d.Id == id));

    public static Task<List<Decision>> DecisionsAsync(RightscopeFactory app, Guid organizationId) =>
        QueryAsync(app, db => db.Decisions.IgnoreQueryFilters().Where(d => d.OrganizationId == organizationId).ToListAsync());

    public static Task<List<AuditEntry>> AuditAsync(RightscopeFactory app, Guid organizationId, string action) =>
        QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == organizationId && e.Action == action).ToListAsync());

    public static async Task<T> QueryAsync<T>(RightscopeFactory app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }
}
