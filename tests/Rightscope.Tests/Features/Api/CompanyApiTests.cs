using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Tests.Features.Companies;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Api.AssessmentApiTests;

namespace Rightscope.Tests.Features.Api;

/// <summary>The company registry API: the registry form's validation, filters, paging, permissions and tenancy.</summary>
public sealed class CompanyApiTests
{
    private static object Company(string name, string? isin = null, string? lei = null) => new
    {
        nameEn = name,
        country = "che",
        isin,
        lei,
        ticker = "fict",
        exposureType = "2",
        technologies = new[] { "biometric-identification" },
        fictional = true,
    };

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_token_adds_companies_with_checked_identifiers_and_finds_them_by_identifier_and_name(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var companies = $"/api/v1/orgs/{org.Slug}/companies";

        var created = await api.PostAsJsonAsync(companies, Company("Fictional Optics Co., Ltd.", CompanyRegistryTests.AppleIsin, CompanyRegistryTests.AppleLei.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var company = await JsonAsync(created);
        var id = company.GetProperty("id").GetGuid();
        Assert.Equal($"{companies}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("CH", CompanyRegistryTests.AppleLei, "FICT", 2), (company.GetProperty("country").GetString(), company.GetProperty("lei").GetString(), company.GetProperty("ticker").GetString(), company.GetProperty("exposureType").GetInt32()));
        Assert.Single(await CompanyRegistryTests.QueryAsync(app, db => Task.FromResult(db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id && e.Action == "company.created").ToList())));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(companies, Company("Fictional Lantern Analytics"))).StatusCode);

        var bad = await api.PostAsJsonAsync(companies, Company("Fictional Broken", "US0378331006", "HWUPKR0MPOU8FGXBT395"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.Contains("check digit", errors.GetProperty("isin")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("lei", out _));
        var duplicate = await api.PostAsJsonAsync(companies, Company("Fictional Twin", CompanyRegistryTests.AppleIsin));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await JsonAsync(duplicate)).GetProperty("errors").TryGetProperty("isin", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync(companies, new StringContent("{\"nameEn\": 5}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        async Task<List<string?>> NamesAsync(string query) =>
            [.. (await JsonAsync(await api.GetAsync($"{companies}?{query}"))).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("nameEn").GetString())];
        Assert.Equal(["Fictional Optics Co., Ltd."], await NamesAsync($"isin={CompanyRegistryTests.AppleIsin.ToLowerInvariant()}"));
        Assert.Equal(["Fictional Optics Co., Ltd."], await NamesAsync($"lei={CompanyRegistryTests.AppleLei}"));
        Assert.Equal(["Fictional Lantern Analytics"], await NamesAsync("name=LANTERN"));
        Assert.Equal(2, (await NamesAsync("ticker=FICT")).Count);
        var page = await JsonAsync(await api.GetAsync($"{companies}?pageSize=1&page=2"));
        Assert.Equal((2, 1, 2), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("totalCount").GetInt32()));
        Assert.Equal("Fictional Optics Co., Ltd.", page.GetProperty("items")[0].GetProperty("nameEn").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{companies}?pageSize=500")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{companies}/{id}")).StatusCode);

        var viewer = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(companies, Company("Fictional Viewer Co"))).StatusCode);

        var (other, _) = await app.CreateOrganizationAsync();
        var outsider = app.CreateApiClient(await app.CreateApiTokenAsync(other, Role.Analyst));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/orgs/{other.Slug}/companies/{id}")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await outsider.GetAsync($"/api/v1/orgs/{other.Slug}/companies"))).GetProperty("totalCount").GetInt32());
        Assert.Equal(JsonValueKind.Object, (await JsonAsync(await app.CreateApiClient(null).GetAsync("/openapi/v1.json"))).GetProperty("paths").GetProperty("/api/v1/orgs/{org}/companies").ValueKind);
    }

    [Fact]
    public async Task A_token_merges_a_duplicate_with_both_versions_and_a_stale_version_is_a_409()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var companies = $"/api/v1/orgs/{org.Slug}/companies";
        var survivor = await JsonAsync(await api.PostAsJsonAsync(companies, Company("Fictional Optics")));
        var duplicate = await JsonAsync(await api.PostAsJsonAsync(companies, Company("Fictional Optics Ltd.", CompanyRegistryTests.AppleIsin)));
        var merge = $"{companies}/{survivor.GetProperty("id").GetGuid()}/merge";

        var missingVersion = await api.PostAsJsonAsync(merge, new { duplicate = duplicate.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, missingVersion.StatusCode);
        Assert.True((await JsonAsync(missingVersion)).GetProperty("errors").TryGetProperty("survivorVersion", out _));

        var stale = await api.PostAsJsonAsync(merge, new { duplicate = duplicate.GetProperty("id").GetGuid(), survivorVersion = Guid.NewGuid(), duplicateVersion = duplicate.GetProperty("version").GetGuid() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await CompanyRegistryTests.CompaniesAsync(app, org.Id)).Count);

        var merged = await api.PostAsJsonAsync(merge, new
        {
            duplicate = duplicate.GetProperty("id").GetGuid(),
            survivorVersion = survivor.GetProperty("version").GetGuid(),
            duplicateVersion = duplicate.GetProperty("version").GetGuid(),
        });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(CompanyRegistryTests.AppleIsin, (await JsonAsync(merged)).GetProperty("isin").GetString());
        Assert.Single(await CompanyRegistryTests.CompaniesAsync(app, org.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{companies}/{duplicate.GetProperty("id").GetGuid()}")).StatusCode);

        var reader = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(merge, new { duplicate = Guid.NewGuid() })).StatusCode);
    }
}
