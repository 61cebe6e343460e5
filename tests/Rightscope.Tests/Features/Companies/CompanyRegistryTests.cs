using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Companies;

/// <summary>The company registry pages: validation with field messages, unique identifiers, concurrency, tenancy.</summary>
public sealed class CompanyRegistryTests
{
    public const string AppleIsin = "US0378331005";
    public const string AppleLei = "HWUPKR0MPOU8FGXBT394";

    public static Dictionary<string, string> Fields(string nameEn, string? isin = null, string? lei = null, string? website = null) => new()
    {
        ["Input.NameEn"] = nameEn,
        ["Input.NameZhHans"] = "",
        ["Input.Country"] = "US",
        ["Input.Isin"] = isin ?? "",
        ["Input.Lei"] = lei ?? "",
        ["Input.Ticker"] = "",
        ["Input.Sector"] = "Technology",
        ["Input.ExposureType"] = "2",
        ["Input.Technologies"] = "biometric-identification",
        ["Input.Products"] = "",
        ["Input.Website"] = website ?? "",
        ["Input.Fictional"] = "true",
    };

    public static Task<List<Company>> CompaniesAsync(RightscopeFactory app, Guid organizationId) =>
        QueryAsync(app, db => db.Companies.IgnoreQueryFilters().Where(c => c.OrganizationId == organizationId).ToListAsync());

    public static async Task<T> QueryAsync<T>(RightscopeFactory app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_bad_isin_check_digit_is_a_field_message_in_both_languages_and_nothing_is_saved(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/companies/new";

        var refused = await Forms.PostAsync(client, page, Fields("Fictional Optics", "US0378331006", website: "ftp://example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The check digit of ISIN &quot;US0378331006&quot; is wrong", html, StringComparison.Ordinal);
        Assert.Contains("Enter a full web address", html, StringComparison.Ordinal);
        Assert.Empty(await CompaniesAsync(app, org.Id));

        var chineseClient = await app.SignInAsync(owner.Email!);
        chineseClient.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var chinese = await Forms.PostAsync(chineseClient, page, Fields("Fictional Optics", "US0378331006"));
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        Assert.Contains("的校验位错误", await chinese.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noName = await Forms.PostAsync(client, page, Fields(" "));
        Assert.Contains("Enter the company&#x27;s name in English or in Chinese.", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CompaniesAsync(app, org.Id));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_company_is_created_normalized_and_audited_and_a_duplicate_isin_is_refused(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/companies/new";

        var created = await Forms.PostAsync(client, page, Fields("Fictional Optics Co., Ltd.", " us0378331005 ", AppleLei.ToLowerInvariant(), "https://example.org"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var company = Assert.Single(await CompaniesAsync(app, org.Id));
        Assert.Equal(AppleIsin, company.Isin);
        Assert.Equal(AppleLei, company.Lei);
        Assert.Equal("fictional optics", company.NormalizedName);
        Assert.Equal(2, company.ExposureType);
        Assert.Equal(["biometric-identification"], company.TechnologyKeys);
        Assert.True(company.Fictional);
        Assert.Equal($"/o/{org.Slug}/companies/{company.Id}", created.Headers.Location!.OriginalString);
        var detail = await (await client.GetAsync(created.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("(fictional)", detail, StringComparison.Ordinal);
        Assert.Contains("Biometric identification", detail, StringComparison.Ordinal);

        var duplicate = await Forms.PostAsync(client, page, Fields("Another Name", AppleIsin));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains($"Another company in the registry has ISIN {AppleIsin}.", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await CompaniesAsync(app, org.Id));

        var audit = await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id && e.Action == "company.created").ToListAsync());
        Assert.Contains(AppleIsin, Assert.Single(audit).Summary, StringComparison.Ordinal);

        var search = await (await client.GetAsync($"/o/{org.Slug}/companies?q=FICTIONAL+optics")).Content.ReadAsStringAsync();
        Assert.Contains("Fictional Optics Co., Ltd.", search, StringComparison.Ordinal);
        var none = await (await client.GetAsync($"/o/{org.Slug}/companies?q=nothing-like-it")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Fictional Optics Co., Ltd.", none, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_edit_over_a_newer_save_conflicts_and_other_organizations_and_viewers_are_refused(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(owner.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, $"/o/{org.Slug}/companies/new", Fields("Fictional Optics"))).StatusCode);
        var company = Assert.Single(await CompaniesAsync(app, org.Id));
        var edit = $"/o/{org.Slug}/companies/{company.Id}/edit";

        var first = Fields("Fictional Optics Renamed");
        first["Input.Version"] = company.ConcurrencyToken.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, edit, first)).StatusCode);
        var stale = Fields("Fictional Optics Stale");
        stale["Input.Version"] = company.ConcurrencyToken.ToString();
        var conflict = await Forms.PostAsync(client, edit, stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Fictional Optics Renamed", Assert.Single(await CompaniesAsync(app, org.Id)).NameEn);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"/o/{org.Slug}/companies/{company.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync(edit)).StatusCode);

        var (other, otherOwner) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/companies/{company.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/companies/{company.Id}/edit")).StatusCode);
    }
}
