using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Engagements;
using Rightscope.Features.Methodologies;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Engagements;

/// <summary>A registry company with an approved assessment whose answers cover every kind of answer, and the keys of its items by answer.</summary>
internal sealed record AssessedCompany(Company Company, Guid AssessmentId, IReadOnlyDictionary<string, string> ItemByAnswer)
{
    /// <summary>The items that are gaps: answered partial, no, no disclosure, and "yes" on a reversed question.</summary>
    public IReadOnlyList<string> Gaps => [ItemByAnswer["partial"], ItemByAnswer["no"], ItemByAnswer["no-disclosure"], ItemByAnswer["reversed-yes"]];

    /// <summary>The items that are not: answered yes, not applicable, and "no" on a reversed question.</summary>
    public IReadOnlyList<string> NotGaps => [ItemByAnswer["yes"], ItemByAnswer["not-applicable"], ItemByAnswer["reversed-no"]];
}

/// <summary>Steps shared by the engagement page and API tests.</summary>
internal static class EngagementSteps
{
    public const string Methodology = "surveillance-investor";

    public static Methodology ShippedMethodology(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<MethodologyRegistry>().Shipped.Find(Methodology)!;

    /// <summary>
    /// Stores a fictional company and an approved assessment of it directly (the assessment workflow has its own
    /// tests): seven answers, one of each kind, on questions of the shipped investor methodology.
    /// </summary>
    public static async Task<AssessedCompany> AssessedCompanyAsync(WebApplicationFactory<Program> app, Guid organizationId, Guid authorId, string name = "Fictional Lens Works")
    {
        var methodology = ShippedMethodology(app);
        var plain = methodology.Items.Where(i => !i.Reversed).Take(5).ToList();
        var reversed = methodology.Items.Where(i => i.Reversed).Take(2).ToList();
        var byAnswer = new Dictionary<string, string>
        {
            ["yes"] = plain[0].Key,
            ["partial"] = plain[1].Key,
            ["no"] = plain[2].Key,
            ["no-disclosure"] = plain[3].Key,
            ["not-applicable"] = plain[4].Key,
            ["reversed-no"] = reversed[0].Key,
            ["reversed-yes"] = reversed[1].Key,
        };

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var now = DateTime.UtcNow;
        var company = new Company { OrganizationId = organizationId, NameEn = name, Fictional = true, CreatedAt = now, UpdatedAt = now };
        CompanyCommands.SetNormalizedNames(company);
        var assessment = new Assessment
        {
            OrganizationId = organizationId,
            SubjectKind = SubjectKind.Company,
            SubjectName = $"{name} (fictional)",
            Attributes = JsonSerializer.Serialize(new Dictionary<string, string> { ["exposure-type"] = "2" }),
            MethodologyKey = methodology.Key,
            MethodologyVersion = methodology.Version,
            Status = AssessmentStatus.Approved,
            AuthorUserId = authorId,
            ApprovedByUserId = authorId,
            SubmittedAt = now,
            ApprovedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Tier = 2,
        };
        db.Companies.Add(company);
        db.Assessments.Add(assessment);
        foreach (var (answer, item) in byAnswer)
        {
            db.AssessmentAnswers.Add(new AssessmentAnswer
            {
                OrganizationId = organizationId,
                AssessmentId = assessment.Id,
                ItemKey = item,
                Component = "company",
                OptionKey = answer.StartsWith("reversed-", StringComparison.Ordinal) ? answer["reversed-".Length..] : answer,
                AnsweredByUserId = authorId,
                AnsweredAt = now,
            });
        }

        await db.SaveChangesAsync();
        return new AssessedCompany(company, assessment.Id, byAnswer);
    }

    public static Dictionary<string, string> NewFields(AssessedCompany company, Guid leadId, string title = "Customer due diligence")
    {
        return new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.AssessmentId"] = company.AssessmentId.ToString(),
            ["Input.LeadUserId"] = leadId.ToString(),
            ["Input.StartedOn"] = "2026-01-05",
            ["Input.Objectives"] = "Publish the customer screening procedure\nName a board member responsible for human rights",
        };
    }

    /// <summary>Posts the new engagement form with the ticked gaps (a repeated field) and returns the response.</summary>
    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string slug, AssessedCompany company, IDictionary<string, string> fields, IEnumerable<string> gaps)
    {
        var page = $"/o/{slug}/companies/{company.Company.Id}/engagements/new";
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var pairs = fields.Concat(gaps.Select(g => new KeyValuePair<string, string>("Input.Gaps", g)))
            .Append(new KeyValuePair<string, string>("__rs_af", Forms.AntiforgeryToken(html)));
        return await client.PostAsync(page, new FormUrlEncodedContent(pairs));
    }

    public static async Task<Guid> CreatedIdAsync(HttpClient client, string slug, AssessedCompany company, Guid leadId, params string[] gaps)
    {
        var response = await CreateAsync(client, slug, company, NewFields(company, leadId), gaps);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/o/{slug}/engagements/", location, StringComparison.Ordinal);
        return Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Posts one of the detail page's forms (<paramref name="command"/> is its <c>do</c> field).</summary>
    public static Task<HttpResponseMessage> CommandAsync(HttpClient client, string slug, Guid id, string command, IDictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields) { ["do"] = command };
        return Forms.PostAsync(client, $"/o/{slug}/engagements/{id}", all);
    }

    public static async Task<T> QueryAsync<T>(WebApplicationFactory<Program> app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    public static Task<Engagement?> EngagementAsync(WebApplicationFactory<Program> app, Guid id) =>
        QueryAsync(app, db => db.Engagements.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id));

    public static Task<int> CountAsync<T>(WebApplicationFactory<Program> app, Guid organizationId)
        where T : class, ITenantOwned =>
        QueryAsync(app, db => db.Set<T>().IgnoreQueryFilters().CountAsync(e => e.OrganizationId == organizationId));

    public static Task<List<AuditEntry>> AuditAsync(WebApplicationFactory<Program> app, Guid organizationId, string prefix) =>
        QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && e.Action.StartsWith(prefix))
            .OrderBy(e => e.Sequence)
            .ToListAsync());

    /// <summary>The application with a clock the test moves, and a way to sign in to it.</summary>
    public static (WebApplicationFactory<Program> App, FakeTimeProvider Clock) Timed(RightscopeFactory app, DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        var timed = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        return (timed, clock);
    }

    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
