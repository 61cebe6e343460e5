using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.Companies;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Cli.HoldingsCommandTests;
using static Rightscope.Tests.Features.Api.AssessmentApiTests;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;

namespace Rightscope.Tests.Features.Api;

/// <summary>Portfolios and holdings imports through the API: the same report, all-or-nothing rule, idempotence and audit as the pages and the CLI.</summary>
public sealed class PortfolioApiTests
{
    private static string Portfolios(Organization org) => $"/api/v1/orgs/{org.Slug}/portfolios";

    private static async Task<(RightscopeFactory App, Organization Org, HttpClient Api, Guid Portfolio)> StartAsync(string provider, Role role = Role.Analyst)
    {
        var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        await QueryAsync(app, async db =>
        {
            var alpha = new Company { OrganizationId = org.Id, NameEn = "Fictional Alpha", Isin = IsinA, Fictional = true };
            var beta = new Company { OrganizationId = org.Id, NameEn = "Fictional Beta Holdings Ltd", Fictional = true };
            CompanyCommands.SetNormalizedNames(alpha);
            CompanyCommands.SetNormalizedNames(beta);
            db.AddRange(alpha, beta);
            return await db.SaveChangesAsync();
        });
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, role));
        var writer = role == Role.Analyst ? api : app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var created = await writer.PostAsJsonAsync(Portfolios(org), new { name = "Global Equity", baseCurrency = "eur" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (app, org, api, (await JsonAsync(created)).GetProperty("id").GetGuid());
    }

    private static MultipartFormDataContent Form(string csv, string? asOf = "2026-06-30", string fileName = "holdings.csv", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        if (asOf is not null)
        {
            form.Add(new StringContent(asOf), "asOf");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static string BadCsv() => string.Join('\n',
        "name,isin,weight,market_value,currency",
        $"Fictional Alpha,{IsinA},50,100,USD",
        $"Bad Check,{BadIsin},25,100,USD",
        "Fictional Beta Holdings,,twenty-five,100,USD") + "\n";

    private static Task<int> HoldingsCountAsync(RightscopeFactory app, Guid organizationId) =>
        QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().CountAsync(h => h.OrganizationId == organizationId));

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_token_imports_a_csv_once_lists_the_snapshot_and_pages_the_matched_holdings(string provider)
    {
        var (app, org, api, id) = await StartAsync(provider);
        await using var running = app;

        var imported = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(GoodCsv()));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var report = await JsonAsync(imported);
        Assert.Equal("imported", report.GetProperty("status").GetString());
        Assert.Equal(3, report.GetProperty("rowsAccepted").GetInt32());
        Assert.Equal((2, 1), (report.GetProperty("matched").GetInt32(), report.GetProperty("unmatched").GetInt32()));
        Assert.Equal("csv", report.GetProperty("format").GetString());
        Assert.Equal($"{Portfolios(org)}/{id}/holdings?asOf=2026-06-30", imported.Headers.Location?.OriginalString);

        // The same file for the same date is recognized and not stored twice.
        var again = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(GoodCsv()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("already-imported", (await JsonAsync(again)).GetProperty("status").GetString());
        Assert.Equal(3, await HoldingsCountAsync(app, org.Id));
        var entry = Assert.Single(await AuditAsync(app, org.Id, "holdings.imported"));
        Assert.StartsWith("api-token:rs_", entry.Actor, StringComparison.Ordinal);

        var list = await JsonAsync(await api.GetAsync(Portfolios(org)));
        var summary = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("EUR", summary.GetProperty("baseCurrency").GetString());
        Assert.Equal("2026-06-30", summary.GetProperty("latestSnapshot").GetProperty("asOf").GetString());
        Assert.Equal(2, summary.GetProperty("latestSnapshot").GetProperty("matched").GetInt32());

        var page = await JsonAsync(await api.GetAsync($"{Portfolios(org)}/{id}/holdings?pageSize=2&page=2"));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var last = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Unknown Gamma", last.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("companyId").ValueKind);
        var first = (await JsonAsync(await api.GetAsync($"{Portfolios(org)}/{id}/holdings?asOf=2026-06-30"))).GetProperty("items")[0];
        Assert.Equal("Fictional Alpha", first.GetProperty("company").GetString());
        Assert.Equal(1234567.89m, first.GetProperty("marketValue").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Portfolios(org)}/{id}/holdings?asOf=2020-01-01")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_file_with_bad_rows_is_rejected_with_line_column_and_reason_and_nothing_is_written_unless_bad_rows_are_skipped(string provider)
    {
        var (app, org, api, id) = await StartAsync(provider);
        await using var running = app;

        var rejected = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(BadCsv()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var report = await JsonAsync(rejected);
        Assert.Equal("rejected", report.GetProperty("status").GetString());
        Assert.Equal(2, report.GetProperty("badRows").GetInt32());
        var issues = report.GetProperty("issues").EnumerateArray().ToList();
        var isin = Assert.Single(issues, i => i.GetProperty("line").GetInt32() == 3);
        Assert.Equal(("isin", "error"), (isin.GetProperty("column").GetString(), isin.GetProperty("severity").GetString()));
        Assert.Contains("check digit", isin.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(issues, i => i.GetProperty("line").GetInt32() == 4 && i.GetProperty("column").GetString() == "weight");
        Assert.Equal(0, await HoldingsCountAsync(app, org.Id));

        var preview = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(BadCsv(), fields: [("skipBadRows", "true"), ("dryRun", "true")]));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("preview", (await JsonAsync(preview)).GetProperty("status").GetString());
        Assert.Equal(0, await HoldingsCountAsync(app, org.Id));
        Assert.Empty(await AuditAsync(app, org.Id, "holdings.imported"));

        var skipped = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(BadCsv(), fields: ("skipBadRows", "true")));
        Assert.Equal(HttpStatusCode.Created, skipped.StatusCode);
        Assert.Equal(1, (await JsonAsync(skipped)).GetProperty("rowsAccepted").GetInt32());
        Assert.Equal(1, await HoldingsCountAsync(app, org.Id));

        // The report speaks the caller's language.
        var chinese = new HttpRequestMessage(HttpMethod.Post, $"{Portfolios(org)}/{id}/holdings") { Content = Form(BadCsv(), asOf: "2026-07-31") };
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var zh = await JsonAsync(await api.SendAsync(chinese));
        Assert.Contains(zh.GetProperty("issues").EnumerateArray(), i => i.GetProperty("message").GetString()!.Any(c => c >= '\u4e00' && c <= '\u9fff'));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_mapping_is_applied_and_saved_and_a_taken_date_needs_replace(string provider)
    {
        var (app, org, api, id) = await StartAsync(provider);
        await using var running = app;
        var custom = string.Join('\n', "Security,Code,Pct", $"Fictional Alpha,{IsinA},60", "Fictional Beta Holdings,,40") + "\n";

        var mapped = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(custom, fields: [("map", "Security=name"), ("map", "Code=isin"), ("map", "Pct=weight")]));
        Assert.Equal(HttpStatusCode.Created, mapped.StatusCode);
        Assert.Equal(2, (await JsonAsync(mapped)).GetProperty("matched").GetInt32());
        var portfolio = await JsonAsync(await api.GetAsync($"{Portfolios(org)}/{id}"));
        Assert.Equal(["Security=name", "Code=isin", "Pct=weight"], portfolio.GetProperty("columnMapping").EnumerateArray().Select(e => e.GetString()));

        // The next file with the same layout is read with the saved mapping; another snapshot of the same date is refused without replace.
        var changed = custom.Replace(",60", ",55", StringComparison.Ordinal).Replace(",40", ",45", StringComparison.Ordinal);
        var taken = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(changed));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("date-taken", (await JsonAsync(taken)).GetProperty("status").GetString());
        var replaced = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(changed, fields: ("replace", "true")));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("replaced", (await JsonAsync(replaced)).GetProperty("status").GetString());
        var weights = await QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().Where(h => h.OrganizationId == org.Id).OrderBy(h => h.Line).Select(h => h.Weight).ToListAsync());
        Assert.Equal([55.0, 45.0], weights);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_requests_name_the_field_and_write_nothing(string provider)
    {
        var (app, org, api, id) = await StartAsync(provider);
        await using var running = app;

        var invalid = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(GoodCsv(), asOf: "30/06/2026", fields: [("replace", "yes"), ("map", "Security=nonsense")]));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("asOf", out _));
        Assert.True(errors.TryGetProperty("replace", out _));
        Assert.True(errors.TryGetProperty("map", out _));

        using var noFile = new MultipartFormDataContent { { new StringContent("2026-06-30"), "asOf" } };
        var missing = await api.PostAsync($"{Portfolios(org)}/{id}/holdings", noFile);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await JsonAsync(missing)).GetProperty("errors").TryGetProperty("file", out _));

        var json = await api.PostAsJsonAsync($"{Portfolios(org)}/{id}/holdings", new { asOf = "2026-06-30" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(0, await HoldingsCountAsync(app, org.Id));

        var duplicate = await api.PostAsJsonAsync(Portfolios(org), new { name = "Global Equity", baseCurrency = "XYZ" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var fields = (await JsonAsync(duplicate)).GetProperty("errors");
        Assert.True(fields.TryGetProperty("name", out _));
        Assert.True(fields.TryGetProperty("baseCurrency", out _));
        Assert.Single((await JsonAsync(await api.GetAsync(Portfolios(org)))).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{Portfolios(org)}/{id}/holdings?asOf=June")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Another_organizations_portfolio_is_not_found_and_a_viewer_cannot_import(string provider)
    {
        var (app, org, api, id) = await StartAsync(provider);
        await using var running = app;
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(GoodCsv()))).StatusCode);
        var (other, _) = await app.CreateOrganizationAsync(slug: "other-org");
        var stranger = app.CreateApiClient(await app.CreateApiTokenAsync(other, Role.Owner));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Portfolios(other)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Portfolios(other)}/{id}/holdings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Portfolios(other)}/{id}/holdings", Form(GoodCsv(), asOf: "2026-07-31"))).StatusCode);
        Assert.Empty((await JsonAsync(await stranger.GetAsync(Portfolios(other)))).GetProperty("items").EnumerateArray());

        var viewer = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Portfolios(org)}/{id}/holdings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{Portfolios(org)}/{id}/holdings", Form(GoodCsv(), asOf: "2026-07-31"))).StatusCode);
        Assert.Equal(3, await HoldingsCountAsync(app, org.Id));
    }
}
