using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Features.Benchmark;
using Rightscope.Features.Companies;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Benchmark;

/// <summary>
/// Year-over-year change follows the registry company, not its name: a company renamed between two editions keeps
/// its change, and a new company that takes an old name does not inherit the old company's total.
/// </summary>
public sealed class BenchmarkIdentityTests
{
    private const string Csv2025 = """
        company,service,indicator,score
        Fictional Alpha,,g1-policy-commitment,40
        Fictional Beta,,g1-policy-commitment,90
        """;

    // Alpha now trades under a new name; "Fictional Beta" is a different, new company that took the old name.
    private const string Csv2026 = """
        company,service,indicator,score
        Fictional Alpha Renamed,,g1-policy-commitment,55
        Fictional Beta,,g1-policy-commitment,20
        """;

    /// <summary>Uploads, approves (reviewer), opens an already closed reply window and publishes; returns the edition slug.</summary>
    public static async Task<string> PublishAsync(RightscopeFactory app, Guid organizationId, string slug, HttpClient owner, HttpClient reviewer, string name, string csv)
    {
        Assert.Equal(HttpStatusCode.OK, (await BenchmarkWorkflowTests.UploadAsync(owner, slug, name, csv, level: "indicator")).StatusCode);
        var edition = await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().SingleAsync(e => e.OrganizationId == organizationId && e.Name == name));
        var detail = $"/o/{slug}/benchmark/{edition.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(reviewer, detail, new Dictionary<string, string>(), $"{detail}/approve")).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var window = new Dictionary<string, string> { ["opens"] = $"{today.AddDays(-20):yyyy-MM-dd}", ["closes"] = $"{today.AddDays(-1):yyyy-MM-dd}" };
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(owner, detail, window, $"{detail}/publication?handler=open")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(owner, detail, new Dictionary<string, string> { ["licence"] = "CC-BY-4.0" }, $"{detail}/publication?handler=publish")).StatusCode);
        return edition.Slug;
    }

    private static Task RenameAsync(RightscopeFactory app, Guid organizationId, string from, string to) =>
        QueryAsync(app, async db =>
        {
            var company = await db.Companies.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == organizationId && c.NameEn == from);
            company.NameEn = to;
            CompanyCommands.SetNormalizedNames(company);
            return await db.SaveChangesAsync();
        });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_renamed_company_keeps_its_change_and_a_namesake_gets_none(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var reviewerClient = await app.SignInAsync(reviewer.Email!);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var first = await PublishAsync(app, org.Id, org.Slug, ownerClient, reviewerClient, "Identity benchmark 2025", Csv2025);
        await RenameAsync(app, org.Id, "Fictional Alpha", "Fictional Alpha Renamed");
        await RenameAsync(app, org.Id, "Fictional Beta", "Fictional Beta Holdings");
        var second = await PublishAsync(app, org.Id, org.Slug, ownerClient, reviewerClient, "Identity benchmark 2026", Csv2026);

        // The ranking and the scorecards: +15.0 for the renamed company, no change for the new namesake.
        var ranking = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/benchmark/{org.Slug}/{second}"));
        Assert.Contains("<td>+15.0</td>", ranking, StringComparison.Ordinal);
        Assert.DoesNotContain("−70.0", ranking, StringComparison.Ordinal);
        var renamed = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/benchmark/{org.Slug}/{second}/fictional-alpha-renamed"));
        Assert.Contains("+15.0", renamed, StringComparison.Ordinal);
        var namesake = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/benchmark/{org.Slug}/{second}/fictional-beta"));
        Assert.DoesNotContain("−70.0", namesake, StringComparison.Ordinal);

        // The open data carries the registry id: the same for Alpha under both names, different for the two Betas.
        var companies = await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().Where(c => c.OrganizationId == org.Id).ToListAsync());
        string IdOf(string name) => companies.Single(c => c.NameEn == name).Id.ToString("N");
        static Dictionary<string, string> Ids(JsonElement json) => json.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "total")
            .ToDictionary(r => r.GetProperty("company").GetString()!, r => r.GetProperty("company_id").GetString()!);
        var ids2025 = Ids(JsonDocument.Parse(await anonymous.GetStringAsync($"/open-data/{org.Slug}/{first}.json")).RootElement);
        var json2026 = JsonDocument.Parse(await anonymous.GetStringAsync($"/open-data/{org.Slug}/{second}.json")).RootElement;
        var ids2026 = Ids(json2026);
        Assert.Equal("rightscope/benchmark-open-data@2", json2026.GetProperty("schema").GetString());
        Assert.Equal(IdOf("Fictional Alpha Renamed"), ids2025["Fictional Alpha"]);
        Assert.Equal(IdOf("Fictional Alpha Renamed"), ids2026["Fictional Alpha Renamed"]);
        Assert.Equal(IdOf("Fictional Beta Holdings"), ids2025["Fictional Beta"]);
        Assert.Equal(IdOf("Fictional Beta"), ids2026["Fictional Beta"]);
        Assert.NotEqual(ids2025["Fictional Beta"], ids2026["Fictional Beta"]);

        var csv = await anonymous.GetStringAsync($"/open-data/{org.Slug}/{second}.csv");
        var header = csv[..csv.IndexOf('\n', StringComparison.Ordinal)].Split(',').ToList();
        Assert.Equal(header.IndexOf("company_slug") + 1, header.IndexOf("company_id"));
        var alphaRow = csv.Split('\n').First(l => l.Contains("fictional-alpha-renamed,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(IdOf("Fictional Alpha Renamed"), alphaRow[header.IndexOf("company_id")]);

        var snapshot = PublishedEdition.FromJson(await QueryAsync(app, db =>
            db.BenchmarkEditions.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id && e.Slug == second).Select(e => e.Snapshot!).SingleAsync()));
        Assert.Equal((40d, 15d), (snapshot.Company("fictional-alpha-renamed")!.PreviousTotal, snapshot.Company("fictional-alpha-renamed")!.Change));
        Assert.Equal((null, null), (snapshot.Company("fictional-beta")!.PreviousTotal, snapshot.Company("fictional-beta")!.Change));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_name_matching_two_registry_companies_is_refused_rather_than_guessed(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        await QueryAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            foreach (var (name, lei) in new[] { ("Fictional Beta", "529900T8BM49AURSDO55"), ("Fictional Beta Inc.", (string?)null) })
            {
                var company = new Company { OrganizationId = org.Id, NameEn = name, Lei = lei, CreatedAt = now, UpdatedAt = now };
                CompanyCommands.SetNormalizedNames(company);
                db.Companies.Add(company);
            }

            return await db.SaveChangesAsync();
        });

        var upload = await BenchmarkWorkflowTests.UploadAsync(await app.SignInAsync(owner.Email!), org.Slug, "Ambiguous benchmark 2026", Csv2025, level: "indicator", fileName: "twins.csv");
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("twins.csv: company: \"Fictional Beta\" matches 2 companies in the registry; merge or rename them",
            WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var file = Cli.HoldingsCommandTests.Write(Csv2025 + "\n");
        (await Cli.Cli.RunAsync(app.Database, "", "import", "benchmark", "--org", org.Slug, "--edition", "Ambiguous benchmark 2026",
            "--methodology", "digital-rights-benchmark@1.0.0", "--file", file, "--level", "indicator", "--as", owner.Email!))
            .AssertFailedWith("company: \"Fictional Beta\" matches 2 companies in the registry of " + org.Slug, "nothing was written");

        Assert.Equal(0, await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == org.Id)));
        Assert.Equal(0, await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().CountAsync(a => a.OrganizationId == org.Id)));
        Assert.Equal(2, await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().CountAsync(c => c.OrganizationId == org.Id)));
    }
}
