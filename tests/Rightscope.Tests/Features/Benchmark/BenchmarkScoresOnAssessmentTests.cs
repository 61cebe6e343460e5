using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Features.Companies;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Benchmark;

/// <summary>
/// The published edition's scores of a company appear on its assessment and company pages, in both languages, only
/// once published, and across organizations only through a shared LEI or ISIN — never a name, never a draft.
/// </summary>
public sealed class BenchmarkScoresOnAssessmentTests
{
    private const string Lei = "529900T8BM49AURSDO55";
    private const string Marker = "data-testid=\"published-benchmark-scores\"";

    private const string Csv = """
        company,service,indicator,score
        Fictional Alpha,,g1-policy-commitment,40
        Fictional Beta,,g1-policy-commitment,90
        """;

    private static Task<Company> CompanyAsync(RightscopeFactory app, Guid organizationId, string name) =>
        QueryAsync(app, db => db.Companies.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == organizationId && c.NameEn == name));

    private static Task SetLeiAsync(RightscopeFactory app, Guid companyId) =>
        QueryAsync(app, async db =>
        {
            var company = await db.Companies.IgnoreQueryFilters().SingleAsync(c => c.Id == companyId);
            company.Lei = Lei;
            return await db.SaveChangesAsync();
        });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Published_scores_show_on_the_company_pages_and_drafts_or_namesakes_never_do(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var reviewerClient = await app.SignInAsync(reviewer.Email!);

        // A draft: the assessment page does not show benchmark scores.
        Assert.Equal(HttpStatusCode.OK, (await BenchmarkWorkflowTests.UploadAsync(ownerClient, org.Slug, "Draft benchmark 2024", Csv, level: "indicator")).StatusCode);
        var alpha = await CompanyAsync(app, org.Id, "Fictional Alpha");
        var draftAssessment = await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().Where(a => a.CompanyId == alpha.Id).Select(a => a.Id).SingleAsync());
        Assert.DoesNotContain(Marker, await ownerClient.GetStringAsync($"/o/{org.Slug}/assessments/{draftAssessment}"), StringComparison.Ordinal);

        await SetLeiAsync(app, alpha.Id);
        var slug = await BenchmarkIdentityTests.PublishAsync(app, org.Id, org.Slug, ownerClient, reviewerClient, "Scores benchmark 2025", Csv);
        var assessmentId = await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters()
            .Where(a => a.CompanyId == alpha.Id && a.ApprovedAt != null).Select(a => a.Id).SingleAsync());

        var assessment = WebUtility.HtmlDecode(await ownerClient.GetStringAsync($"/o/{org.Slug}/assessments/{assessmentId}"));
        Assert.Contains(Marker, assessment, StringComparison.Ordinal);
        Assert.Contains("Published benchmark scores", assessment, StringComparison.Ordinal);
        Assert.Contains("As published in Scores benchmark 2025", assessment, StringComparison.Ordinal);
        Assert.Contains("<code>digital-rights-benchmark@1.0.0</code>", assessment, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/benchmark/{org.Slug}/{slug}/fictional-alpha\">Public scorecard of Fictional Alpha</a>", assessment, StringComparison.Ordinal);
        Assert.Contains("<dd data-testid=\"published-total\">40.0</dd>", assessment, StringComparison.Ordinal);
        Assert.Matches("data-indicator=\"g1-policy-commitment\">\\s*<td></td>\\s*<th scope=\"row\">[^<]+</th>\\s*<td>40.0</td>", assessment);
        // The scores are the company's own, not the other company's of the same edition.
        Assert.DoesNotContain("90.0", assessment, StringComparison.Ordinal);

        var company = WebUtility.HtmlDecode(await ownerClient.GetStringAsync($"/o/{org.Slug}/companies/{alpha.Id}"));
        Assert.Contains(Marker, company, StringComparison.Ordinal);
        Assert.Contains($"/benchmark/{org.Slug}/{slug}/fictional-alpha", company, StringComparison.Ordinal);

        var chineseClient = await app.SignInAsync(owner.Email!);
        chineseClient.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await chineseClient.GetStringAsync($"/o/{org.Slug}/assessments/{assessmentId}"));
        Assert.Contains("已发布的基准评分", chinese, StringComparison.Ordinal);
        Assert.Contains("Fictional Alpha的公开评分卡", chinese, StringComparison.Ordinal);

        // Another organization: its company with the same LEI sees the published scores; a namesake without it does not.
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Investor);
        var otherClient = await app.SignInAsync(otherOwner.Email!);
        var (sameLei, namesake) = await QueryAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            var withLei = new Company { OrganizationId = other.Id, NameEn = "Alpha Holdings (fictional)", Lei = Lei, CreatedAt = now, UpdatedAt = now };
            var sameName = new Company { OrganizationId = other.Id, NameEn = "Fictional Beta", CreatedAt = now, UpdatedAt = now };
            CompanyCommands.SetNormalizedNames(withLei);
            CompanyCommands.SetNormalizedNames(sameName);
            db.Companies.AddRange(withLei, sameName);
            await db.SaveChangesAsync();
            return (withLei.Id, sameName.Id);
        });
        var shared = WebUtility.HtmlDecode(await otherClient.GetStringAsync($"/o/{other.Slug}/companies/{sameLei}"));
        Assert.Contains(Marker, shared, StringComparison.Ordinal);
        Assert.Contains("<dd data-testid=\"published-total\">40.0</dd>", shared, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, await otherClient.GetStringAsync($"/o/{other.Slug}/companies/{namesake}"), StringComparison.Ordinal);

        // The other organization's own draft of that company is not shown, even to itself.
        var (civil, civilOwner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var civilClient = await app.SignInAsync(civilOwner.Email!);
        Assert.Equal(HttpStatusCode.OK, (await BenchmarkWorkflowTests.UploadAsync(civilClient, civil.Slug, "Unpublished 2026", "company,service,indicator,score\nFictional Gamma,,g1-policy-commitment,70\n", level: "indicator")).StatusCode);
        var gamma = await CompanyAsync(app, civil.Id, "Fictional Gamma");
        Assert.DoesNotContain(Marker, await civilClient.GetStringAsync($"/o/{civil.Slug}/companies/{gamma.Id}"), StringComparison.Ordinal);
    }
}
