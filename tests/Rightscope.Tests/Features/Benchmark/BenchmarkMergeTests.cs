using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Features.Benchmark;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Benchmark;

/// <summary>
/// Merging a duplicate registry company moves its benchmark entries, so the company keeps its year-over-year change
/// when the last year's edition scored it under the company that was absorbed.
/// </summary>
public sealed partial class BenchmarkMergeTests
{
    private const string Csv2025 = """
        company,service,indicator,score
        Fictional Alpha,,g1-policy-commitment,40
        Fictional Beta,,g1-policy-commitment,90
        """;

    // Last year's "Fictional Alpha" appears as "Alpha Group (fictional)", which the import adds as a new company.
    private const string Csv2026 = """
        company,service,indicator,score
        Alpha Group (fictional),,g1-policy-commitment,55
        Fictional Beta,,g1-policy-commitment,80
        """;

    [GeneratedRegex("name=\"(survivorVersion|duplicateVersion)\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionPattern();

    private static async Task MergeAsync(HttpClient client, string slug, Guid survivor, Guid duplicate)
    {
        var page = $"/o/{slug}/companies/{survivor}/merge";
        var preview = WebUtility.HtmlDecode(await client.GetStringAsync($"{page}?duplicate={duplicate}"));
        Assert.Contains("<th scope=\"row\">Benchmark edition entries</th><td>1</td>", preview, StringComparison.Ordinal);
        var fields = VersionPattern().Matches(preview).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        fields["duplicate"] = duplicate.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, $"{page}?duplicate={duplicate}", fields, page)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_merged_company_keeps_its_year_over_year_change(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var reviewerClient = await app.SignInAsync(reviewer.Email!);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        await BenchmarkIdentityTests.PublishAsync(app, org.Id, org.Slug, ownerClient, reviewerClient, "Merge benchmark 2025", Csv2025);
        Assert.Equal(HttpStatusCode.OK, (await BenchmarkWorkflowTests.UploadAsync(ownerClient, org.Slug, "Merge benchmark 2026", Csv2026, level: "indicator")).StatusCode);
        var companies = await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().Where(c => c.OrganizationId == org.Id).ToDictionaryAsync(c => c.NameEn!, c => c.Id));
        var (absorbed, survivor) = (companies["Fictional Alpha"], companies["Alpha Group (fictional)"]);

        await MergeAsync(ownerClient, org.Slug, survivor, absorbed);
        Assert.Equal(2, await QueryAsync(app, db => db.BenchmarkEntries.IgnoreQueryFilters().CountAsync(e => e.CompanyId == survivor)));
        Assert.Equal(0, await QueryAsync(app, db => db.BenchmarkEntries.IgnoreQueryFilters().CountAsync(e => e.CompanyId == absorbed)));

        var edition = await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().SingleAsync(e => e.OrganizationId == org.Id && e.Name == "Merge benchmark 2026"));
        var detail = $"/o/{org.Slug}/benchmark/{edition.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(reviewerClient, detail, new Dictionary<string, string>(), $"{detail}/approve")).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var window = new Dictionary<string, string> { ["opens"] = $"{today.AddDays(-20):yyyy-MM-dd}", ["closes"] = $"{today.AddDays(-1):yyyy-MM-dd}" };
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(ownerClient, detail, window, $"{detail}/publication?handler=open")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["licence"] = "CC-BY-4.0" }, $"{detail}/publication?handler=publish")).StatusCode);

        var ranking = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/benchmark/{org.Slug}/{edition.Slug}"));
        Assert.Contains("<td>+15.0</td>", ranking, StringComparison.Ordinal);
        var scorecard = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/benchmark/{org.Slug}/{edition.Slug}/alpha-group-fictional"));
        Assert.Contains("+15.0", scorecard, StringComparison.Ordinal);
        var snapshot = PublishedEdition.FromJson(await QueryAsync(app, db =>
            db.BenchmarkEditions.IgnoreQueryFilters().Where(e => e.Id == edition.Id).Select(e => e.Snapshot!).SingleAsync()));
        Assert.Equal((40d, 15d), (snapshot.Company("alpha-group-fictional")!.PreviousTotal, snapshot.Company("alpha-group-fictional")!.Change));

        // The survivor's company page shows its latest published scores.
        var page = WebUtility.HtmlDecode(await ownerClient.GetStringAsync($"/o/{org.Slug}/companies/{survivor}"));
        Assert.Contains($"/benchmark/{org.Slug}/{edition.Slug}/alpha-group-fictional", page, StringComparison.Ordinal);
    }
}
