using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.Companies;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Features.Api;
using Rightscope.Tests.Features.Assessments;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Api.AssessmentApiTests;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Companies;

/// <summary>Assessments name their registry company by id: started from the company, given through the API, or matched by name.</summary>
public sealed class CompanyAssessmentLinkTests
{
    private static async Task<Guid> AddCompanyAsync(RightscopeFactory app, Organization org, string nameEn, string? nameZh = null)
    {
        var company = new Company { OrganizationId = org.Id, NameEn = nameEn, NameZhHans = nameZh, Fictional = true };
        CompanyCommands.SetNormalizedNames(company);
        await QueryAsync(app, db =>
        {
            db.Companies.Add(company);
            return db.SaveChangesAsync();
        });
        return company.Id;
    }

    private static Task<HttpResponseMessage> CreateForAsync(HttpClient api, Organization org, Guid? companyId, string? name = null, string kind = "company") =>
        api.PostAsJsonAsync(AssessmentApiTests.Assessments(org), new
        {
            methodology = "surveillance-investor@1.0.0",
            subjectKind = kind,
            subjectName = name,
            companyId,
            attributes = new Dictionary<string, string> { ["exposure-type"] = "1", ["targeted-intrusion"] = "no" },
        });

    /// <summary>Answers everything, submits through the API, and has a reviewer approve in the web interface.</summary>
    private static async Task ApproveAsync(RightscopeFactory app, Organization org, HttpClient api, Guid id)
    {
        var url = $"{AssessmentApiTests.Assessments(org)}/{id}";
        await Completion.CompleteViaApiAsync(api, url, AllItems(app));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{url}/submit", null)).StatusCode);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var client = await app.SignInAsync(reviewer.Email!);
        var overview = $"/o/{org.Slug}/assessments/{id}";
        var approved = await Forms.PostAsync(client, overview, new Dictionary<string, string> { ["decision"] = "approve" }, $"{overview}/review");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_assessment_given_a_company_id_takes_its_name_and_its_approval_shows_on_the_company(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var companyId = await AddCompanyAsync(app, org, "Fictional Lantern Analytics", "虚构灯笼分析");
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst, createdBy: owner.Id));

        var created = await CreateForAsync(api, org, companyId);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await JsonAsync(created);
        var subject = draft.GetProperty("subject");
        Assert.Equal(companyId, subject.GetProperty("companyId").GetGuid());
        Assert.Equal("Fictional Lantern Analytics · 虚构灯笼分析", subject.GetProperty("name").GetString());
        var id = draft.GetProperty("id").GetGuid();

        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/companies/{companyId}";
        var before = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("No approved assessment of this company yet.", before, StringComparison.Ordinal);
        Assert.Contains($"/o/{org.Slug}/assessments/{id}", before, StringComparison.Ordinal); // the draft is in the history

        await ApproveAsync(app, org, api, id);
        var after = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.DoesNotContain("No approved assessment of this company yet.", after, StringComparison.Ordinal);
        Assert.Contains($"approved {DateTime.UtcNow:yyyy-MM-dd}", after, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_subject_name_that_names_exactly_one_company_links_it_and_an_ambiguous_one_links_none(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var lantern = await AddCompanyAsync(app, org, "Fictional Lantern Analytics Ltd", "虚构灯笼分析");
        await AddCompanyAsync(app, org, "Fictional Twin");
        await AddCompanyAsync(app, org, "Fictional Twin Inc");
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));

        var byChineseName = await JsonAsync(await CreateForAsync(api, org, null, "虚构灯笼分析"));
        Assert.Equal(lantern, byChineseName.GetProperty("subject").GetProperty("companyId").GetGuid());
        var ambiguous = await JsonAsync(await CreateForAsync(api, org, null, "Fictional Twin"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ambiguous.GetProperty("subject").GetProperty("companyId").ValueKind);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_unknown_or_foreign_company_id_is_a_field_error_and_nothing_is_created(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var (other, _) = await app.CreateOrganizationAsync(slug: "other-org");
        var foreign = await AddCompanyAsync(app, other, "Fictional Elsewhere");
        var own = await AddCompanyAsync(app, org, "Fictional Here");
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));

        foreach (var response in new[] { await CreateForAsync(api, org, foreign), await CreateForAsync(api, org, Guid.NewGuid()), await CreateForAsync(api, org, own, "A product", kind: "product") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("companyId", out _));
        }

        Assert.Equal(0, await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().CountAsync()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Starting_from_the_company_page_links_the_new_assessment_and_another_organizations_company_is_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var companyId = await AddCompanyAsync(app, org, "Fictional Lantern Analytics");
        var client = await app.SignInAsync(owner.Email!);

        var detail = await client.GetStringAsync($"/o/{org.Slug}/companies/{companyId}");
        var start = $"/o/{org.Slug}/assessments/new?company={companyId}";
        Assert.Contains(start, System.Net.WebUtility.HtmlDecode(detail), StringComparison.Ordinal);
        var form = await client.GetStringAsync($"{start}&methodology=surveillance-investor");
        Assert.Contains($"name=\"Input.CompanyId\" value=\"{companyId}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Fictional Lantern Analytics\"", form, StringComparison.Ordinal);

        var created = await Forms.PostAsync(client, $"{start}&methodology=surveillance-investor", new Dictionary<string, string>
        {
            ["Input.Methodology"] = "surveillance-investor@1.0.0",
            ["Input.SubjectKind"] = "Company",
            ["Input.SubjectName"] = "Lantern (renamed in the form)",
            ["Input.CompanyId"] = companyId.ToString(),
            ["Input.Attributes[exposure-type]"] = "2",
            ["Input.Attributes[targeted-intrusion]"] = "no",
        }, $"/o/{org.Slug}/assessments/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(companyId, (await AssessmentsTests.AssessmentAsync(app, id)).CompanyId);

        var (other, _) = await app.CreateOrganizationAsync(slug: "other-org");
        var foreign = await AddCompanyAsync(app, other, "Fictional Elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{org.Slug}/assessments/new?company={foreign}")).StatusCode);
    }
}
