using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;
using Rightscope.Features.Companies;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Indicators.IndicatorSteps;

namespace Rightscope.Tests.Features.Indicators;

/// <summary>Indicator datasets, indices, the country context page and the remedy statistics, through HTTP.</summary>
public sealed class IndicatorPagesTests
{
    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_bad_file_is_a_400_naming_line_and_field_and_writes_nothing_then_a_good_one_is_imported_and_audited(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var client = await app.SignInAsync(owner.Email!);

        var bad = await UploadAsync(client, org.Slug, "ITU", """
            indicator,country,year,value,sex
            internet-use,XX,2024,40,
            internet-use,KE,2024,forty,
            no-such-thing,KE,2024,1,
            internet-use,DE,2024,90,female
            internet-use,DEU,2024,91,f
            """);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await HtmlAsync(bad);
        Assert.Matches(@"<td>2</td>\s*<td>country</td>\s*<td>'XX' is not an ISO 3166-1 alpha-2 or alpha-3 country code.</td>", html);
        Assert.Matches(@"<td>3</td>\s*<td>value</td>\s*<td>'forty' is not a number", html);
        Assert.Matches(@"<td>4</td>\s*<td>indicator</td>\s*<td>'no-such-thing' is not an indicator of the catalog.</td>", html);
        Assert.Matches(@"<td>6</td>\s*<td>indicator</td>\s*<td>This indicator, country, year and breakdown is already on line 5.</td>", html);
        Assert.Contains("File: the file has errors; nothing was written.", html, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(app, db => db.IndicatorValues.IgnoreQueryFilters().CountAsync(v => v.OrganizationId == org.Id)));
        Assert.Equal(0, await QueryAsync(app, db => db.IndicatorDatasets.IgnoreQueryFilters().CountAsync(d => d.OrganizationId == org.Id)));

        var noName = await UploadAsync(client, org.Slug, "", GoodCsv);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("Dataset name: give a name of 1 to 100 characters.", await HtmlAsync(noName), StringComparison.Ordinal);

        var badMapping = await UploadAsync(client, org.Slug, "ITU", GoodCsv, mapping: "iso3=nation");
        Assert.Equal(HttpStatusCode.BadRequest, badMapping.StatusCode);
        Assert.Contains("'iso3=nation' is not a mapping", await HtmlAsync(badMapping), StringComparison.Ordinal);

        var good = await UploadAsync(client, org.Slug, "ITU", GoodCsv.Replace("indicator,country,", "kpi,iso,", StringComparison.Ordinal), mapping: "kpi=indicator\niso=country");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var list = await HtmlAsync(await client.GetAsync(good.Headers.Location!.OriginalString));
        Assert.Contains("Dataset \"ITU\" imported: 17 values.", list, StringComparison.Ordinal);
        Assert.Equal(17, await QueryAsync(app, db => db.IndicatorValues.IgnoreQueryFilters().CountAsync(v => v.OrganizationId == org.Id)));
        var audit = await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id && e.Action == "indicators.imported").ToListAsync());
        Assert.Contains("17 values, 3 countries", Assert.Single(audit).Summary, StringComparison.Ordinal);

        // The same name again replaces the dataset's values, with its own audit entry.
        var again = await UploadAsync(client, org.Slug, "ITU", "indicator,country,year,value\ninternet-use,BR,2024,81\n");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["BR"], await QueryAsync(app, db => db.IndicatorValues.IgnoreQueryFilters().Where(v => v.OrganizationId == org.Id).Select(v => v.Country).ToListAsync()));
        Assert.Equal(1, await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == org.Id && e.Action == "indicators.replaced")));

        // A viewer reads but may not import.
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"/o/{org.Slug}/indicators")).StatusCode);
    }

    [Fact]
    public async Task The_indicator_index_and_country_pages_show_gaps_ranks_and_the_same_data_as_csv()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var client = await app.SignInAsync(owner.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, org.Slug, "Test data", GoodCsv)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(app, client, org.Slug, "Test data")).StatusCode);

        var indicator = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/indicators/internet-use"));
        Assert.Contains("<svg", indicator, StringComparison.Ordinal);
        Assert.Matches(@"<tr data-country=""KE"">\s*<th scope=""row""><a href=""/o/[^/]+/countries/KE"">Kenya</a></th>\s*<td>40</td>\s*<td>35</td>\s*<td>45</td>\s*<td>-10</td>\s*<td>60</td>\s*<td>30</td>\s*<td>30</td>", indicator);
        var csv = await (await client.GetAsync($"/o/{org.Slug}/indicators/internet-use?handler=csv&year=2024")).Content.ReadAsStringAsync();
        Assert.Contains("internet-use,percent,2024,KE,Kenya,40,35,45,-10,60,30,30,false", csv, StringComparison.Ordinal);
        Assert.Equal(4, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var older = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/indicators/internet-use?year=2023"));
        Assert.Matches(@"<tr data-country=""KE"">\s*<th scope=""row""><a href=""[^""]+"">Kenya</a></th>\s*<td>37</td>", older);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/o/{org.Slug}/indicators/internet-use?year=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{org.Slug}/indicators/no-such-indicator")).StatusCode);

        var index = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/indices/e-government"));
        Assert.Matches(@"<tr data-country=""DE"">\s*<td>1</td>", index);
        Assert.Matches(@"<tr data-country=""KE"">\s*<td>3</td>\s*<th scope=""row""><a href=""[^""]+"">Kenya</a></th>\s*<td>0.000</td>", index);
        var indexCsv = await (await client.GetAsync($"/o/{org.Slug}/indices/e-government?handler=csv")).Content.ReadAsStringAsync();
        Assert.Contains("e-government,2024,1,DE,Germany,1.000000,", indexCsv, StringComparison.Ordinal);
        Assert.Contains("e-government,2024,3,KE,Kenya,0.000000,", indexCsv, StringComparison.Ordinal);

        var country = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/countries/KE"));
        Assert.Contains("Country context: Kenya", country, StringComparison.Ordinal);
        Assert.Matches(@"<tr data-indicator=""internet-use"">[\s\S]*?<td>2024</td>\s*<td>40</td>\s*<td>35</td>\s*<td>45</td>\s*<td>-10</td>", country);
        Assert.Matches(@"<tr data-index=""e-government"">[\s\S]*?<td>3 of 3</td>", country);
        Assert.DoesNotContain("data-testid=\"illustrative-notice\"", country, StringComparison.Ordinal);
        var countryCsv = await (await client.GetAsync($"/o/{org.Slug}/countries/KE?handler=csv")).Content.ReadAsStringAsync();
        Assert.Contains("KE,internet-use,percent,2024,40,35,45,-10,60,30,30,false", countryCsv, StringComparison.Ordinal);

        // In Chinese too.
        var chinese = new HttpRequestMessage(HttpMethod.Get, $"/o/{org.Slug}/countries/KE");
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        Assert.Contains("国家背景：肯尼亚", await HtmlAsync(await client.SendAsync(chinese)), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_imported_dataset_is_a_draft_until_a_publisher_publishes_it_and_leaves_the_pages_when_withdrawn(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var client = await app.SignInAsync(owner.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, org.Slug, "Survey", GoodCsv)).StatusCode);
        var id = await QueryAsync(app, db => db.IndicatorDatasets.IgnoreQueryFilters().Where(d => d.OrganizationId == org.Id).Select(d => d.Id).SingleAsync());
        var datasetUrl = $"/o/{org.Slug}/indicators/datasets/{id}";

        // A draft: listed as such, but no page shows its values and no index is computed from them.
        var list = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/indicators"));
        Assert.Matches(@"<td data-testid=""dataset-state"">Draft</td>", list);
        Assert.Contains("Draft: not shown on the indicator, index and country pages", await HtmlAsync(await client.GetAsync(datasetUrl)), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-indicators\"", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/countries/KE")), StringComparison.Ordinal);
        Assert.DoesNotContain("data-country=\"KE\"", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/indices/e-government")), StringComparison.Ordinal);

        // An analyst may import but not publish; a bad value names the field; neither changes anything.
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var analystClient = await app.SignInAsync(analyst.Email!);
        Assert.Contains("data-testid=\"publish-needs-role\"", await HtmlAsync(await analystClient.GetAsync(datasetUrl)), StringComparison.Ordinal);
        var html = await (await analystClient.GetAsync(datasetUrl)).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostWithTokenAsync(analystClient, datasetUrl, Forms.AntiforgeryToken(html), new Dictionary<string, string> { ["publish"] = "true" })).StatusCode);
        var bad = await Forms.PostAsync(client, datasetUrl, new Dictionary<string, string> { ["publish"] = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("publish:", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await QueryAsync(app, db => db.IndicatorDatasets.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => d.PublishedAt).SingleAsync()));

        // Another organization can neither see nor publish it.
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var otherClient = await app.SignInAsync(otherOwner.Email!);
        var otherUrl = $"/o/{other.Slug}/indicators/datasets/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(otherUrl)).StatusCode);
        var otherHtml = await (await otherClient.GetAsync($"/o/{other.Slug}/indicators")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostWithTokenAsync(otherClient, otherUrl, Forms.AntiforgeryToken(otherHtml), new Dictionary<string, string> { ["publish"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(datasetUrl)).StatusCode);

        // Published by the owner: audited, and the pages and the index show it.
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(app, client, org.Slug, "Survey")).StatusCode);
        Assert.Contains("Published on", await HtmlAsync(await client.GetAsync(datasetUrl)), StringComparison.Ordinal);
        Assert.Matches(@"<tr data-indicator=""internet-use"">[\s\S]*?<td>2024</td>\s*<td>40</td>", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/countries/KE")));
        Assert.Contains("data-country=\"KE\"", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/indices/e-government")), StringComparison.Ordinal);
        var published = await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id && e.Action == "indicators.published").Select(e => e.Summary).ToListAsync());
        Assert.Contains("Survey: 17 values, 3 countries", Assert.Single(published), StringComparison.Ordinal);

        // Withdrawn: audited, gone from the pages again.
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(app, client, org.Slug, "Survey", publish: false)).StatusCode);
        Assert.Equal(1, await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == org.Id && e.Action == "indicators.unpublished")));
        Assert.Contains("data-testid=\"no-indicators\"", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/countries/KE")), StringComparison.Ordinal);

        // Published again, then replaced by a new import: a draft again until checked and published.
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(app, client, org.Slug, "Survey")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, org.Slug, "Survey", GoodCsv)).StatusCode);
        Assert.Contains("data-testid=\"no-indicators\"", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/countries/KE")), StringComparison.Ordinal);
        var replaced = await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id && e.Action == "indicators.replaced").Select(e => e.Summary).SingleAsync());
        Assert.Contains("withdrawn until published again", replaced, StringComparison.Ordinal);

        // In Chinese too.
        var chinese = new HttpRequestMessage(HttpMethod.Get, datasetUrl);
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        var chinesePage = await HtmlAsync(await client.SendAsync(chinese));
        Assert.Contains("草稿：在有发布权限的成员发布之前", chinesePage, StringComparison.Ordinal);
        Assert.Contains(">发布</button>", chinesePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_country_page_takes_alpha_3_shows_salient_issues_and_assessed_companies_and_refuses_unknown_codes()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var company = await QueryAsync(app, async db =>
        {
            var c = new Company { OrganizationId = org.Id, NameEn = "Fictional Kenyan Telecom", Country = "KE", Fictional = true };
            CompanyCommands.SetNormalizedNames(c);
            db.Companies.Add(c);
            db.SalientIssues.Add(new SalientIssue
            {
                OrganizationId = org.Id,
                Title = "Location data of mobile money users",
                RightKey = "privacy",
                CountryCode = "KE",
                CreatedByUserId = owner.Id,
            });
            db.SalientIssues.Add(new SalientIssue { OrganizationId = org.Id, Title = "Elsewhere", RightKey = "privacy", CountryCode = "DE", CreatedByUserId = owner.Id });
            await db.SaveChangesAsync();
            return c;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{org.Slug}/countries/XX")).StatusCode);
        var redirect = await client.GetAsync($"/o/{org.Slug}/countries/KEN");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/o/{org.Slug}/countries/KE", redirect.Headers.Location!.OriginalString);

        var html = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/countries/KE"));
        Assert.Contains("Location data of mobile money users", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-indicators\"", html, StringComparison.Ordinal);

        var companyPage = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/companies/{company.Id}"));
        Assert.Contains($"<a href=\"/o/{org.Slug}/countries/KE\" data-testid=\"country-link\">Kenya (KE)</a>", companyPage, StringComparison.Ordinal);

        // Another organization's salient issues stay with it.
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var otherClient = await app.SignInAsync(otherOwner.Email!);
        Assert.DoesNotContain("Location data of mobile money users", await HtmlAsync(await otherClient.GetAsync($"/o/{other.Slug}/countries/KE")), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Statistics_suppress_small_counts_on_the_page_and_in_every_csv(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var year = DateTime.UtcNow.Year;
        var cases = new List<TestCase>();
        cases.AddRange(Enumerable.Repeat(new TestCase(CaseCategory.Surveillance, "KE", false, ["journalists-and-media-workers"], year, PerpetratorType.NonState, VictimSex.Female, AgeBand.From30To44, [ViolationType.TargetedSurveillance]), 8));
        cases.AddRange(Enumerable.Repeat(new TestCase(CaseCategory.ThreatToDefender, "KE", true, ["human-rights-defenders"], year, PerpetratorType.State, VictimSex.Male, AgeBand.From30To44, [ViolationType.ArbitraryDetention, ViolationType.OnlineHarassment]), 3));
        cases.Add(new TestCase(null, null, false, [], year));
        cases.AddRange(Enumerable.Repeat(new TestCase(CaseCategory.Surveillance, "DE", false, [], year, Violations: [ViolationType.TargetedSurveillance, ViolationType.Spyware]), 6));
        await AddCasesAsync(app, org.Id, cases);

        // By violation type: a case with two types counts in both rows, and once in the last row, which counts cases.
        var html = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/statistics"));
        var byType = Regex.Match(html, @"data-testid=""statistics-Cases-ViolationType"">[\s\S]*?</table>").Value;
        Assert.Matches(@"<tr data-key=""TargetedSurveillance"">\s*<th scope=""row"">Targeted surveillance</th>(\s*<td>0</td>){4}\s*<td>14</td>\s*<td>14</td>", byType);
        Assert.Matches(@"<tr data-key=""Spyware"">\s*<th scope=""row"">[^<]+</th>(\s*<td>0</td>){4}\s*<td>6</td>\s*<td>6</td>", byType);
        Assert.Matches(@"<tr data-key=""ArbitraryDetention"">\s*<th scope=""row"">[^<]+</th>(\s*<td>0</td>){4}\s*<td><5</td>", byType);
        Assert.Matches(@"<tr data-key=""total"">\s*<th scope=""row"">Cases \(each counted once\)</th>(\s*<td>0</td>){4}\s*<td>18</td>\s*<td>18</td>", byType);
        Assert.Contains("counts once per type, so the rows overlap", html, StringComparison.Ordinal);
        Assert.Matches(@"data-testid=""statistics-DefenderIncidents-ViolationType"">[\s\S]*?<tr data-key=""total"">\s*<th scope=""row"">Cases \(each counted once\)</th>(\s*<td>0</td>){4}\s*<td><5</td>", html);

        var csv = await (await client.GetAsync($"/o/{org.Slug}/statistics?handler=csv&population=Cases&by=ViolationType")).Content.ReadAsStringAsync();
        Assert.Contains($"population,violation_type,{year - 4},{year - 3},{year - 2},{year - 1},{year},total", csv, StringComparison.Ordinal);
        Assert.Contains("cases,TargetedSurveillance,0,0,0,0,14,14", csv, StringComparison.Ordinal);
        Assert.Contains("cases,ArbitraryDetention,0,0,0,0,<5,<5", csv, StringComparison.Ordinal);
        Assert.Contains("cases,cases_total,0,0,0,0,18,18", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",3,", csv, StringComparison.Ordinal);
        var defenders = await (await client.GetAsync($"/o/{org.Slug}/statistics?handler=csv&population=DefenderIncidents&by=Country")).Content.ReadAsStringAsync();
        Assert.Contains("defender_incidents,KE,0,0,0,0,<5,<5", defenders, StringComparison.Ordinal);
        Assert.DoesNotContain(",3", defenders, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/o/{org.Slug}/statistics?handler=csv&population=Everyone&by=Country")).StatusCode);

        // The country page shows the country's own cases by violation type, perpetrator type, sex, age band and group,
        // suppressed the same way; each table as CSV too.
        var kenya = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/countries/KE"));
        Assert.Matches(@"data-testid=""country-Cases-ViolationType"">[\s\S]*?<tr data-key=""total"">\s*<th scope=""row"">Cases \(each counted once\)</th>(\s*<td>0</td>){4}\s*<td>11</td>", kenya);
        var byPerpetrator = Regex.Match(kenya, @"data-testid=""country-Cases-Perpetrator"">[\s\S]*?</table>").Value;
        Assert.Contains("<caption>", byPerpetrator, StringComparison.Ordinal);
        Assert.Matches(@"<tr data-key=""State"">\s*<th scope=""row"">State</th>(\s*<td>0</td>){4}\s*<td><5</td>", byPerpetrator);
        // The 8 beside a lone "<5" under a shown total of 11 would give the 3 away: withheld.
        Assert.Matches(@"<tr data-key=""NonState"">\s*<th scope=""row"">[^<]+</th>(\s*<td>0</td>){4}\s*<td>withheld</td>", byPerpetrator);
        Assert.Matches(@"<tr data-key=""total"">\s*<th scope=""row"">Total</th>(\s*<td>0</td>){4}\s*<td>11</td>", byPerpetrator);
        Assert.Matches(@"data-testid=""country-Cases-Sex"">[\s\S]*?<tr data-key=""Male"">\s*<th scope=""row"">[^<]+</th>(\s*<td>0</td>){4}\s*<td><5</td>", kenya);
        Assert.Matches(@"data-testid=""country-DefenderIncidents-AgeBand"">[\s\S]*?<tr data-key=""From30To44"">\s*<th scope=""row"">[^<]+</th>(\s*<td>0</td>){4}\s*<td><5</td>", kenya);
        var perpetratorCsv = await client.GetAsync($"/o/{org.Slug}/countries/KE?handler=statistics&population=Cases&by=Perpetrator");
        Assert.Equal(HttpStatusCode.OK, perpetratorCsv.StatusCode);
        Assert.Equal("country-KE-perpetrator_type-cases.csv", perpetratorCsv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var perpetratorLines = await perpetratorCsv.Content.ReadAsStringAsync();
        Assert.Contains("cases,State,0,0,0,0,<5,<5", perpetratorLines, StringComparison.Ordinal);
        Assert.Contains("cases,NonState,0,0,0,0,withheld,withheld", perpetratorLines, StringComparison.Ordinal);
        Assert.Contains("cases,total,0,0,0,0,11,11", perpetratorLines, StringComparison.Ordinal);
        Assert.DoesNotContain(",8", perpetratorLines, StringComparison.Ordinal);
        var ageCsv = await (await client.GetAsync($"/o/{org.Slug}/countries/KE?handler=statistics&population=DefenderIncidents&by=AgeBand")).Content.ReadAsStringAsync();
        Assert.Contains("defender_incidents,From30To44,0,0,0,0,<5,<5", ageCsv, StringComparison.Ordinal);
        var kenyaCsv = await (await client.GetAsync($"/o/{org.Slug}/countries/KE?handler=statistics&population=DefenderIncidents&by=Group")).Content.ReadAsStringAsync();
        Assert.Contains("defender_incidents,human-rights-defenders,0,0,0,0,<5", kenyaCsv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/o/{org.Slug}/countries/KE?handler=statistics&population=Cases&by=Year")).StatusCode);

        // The note on overlapping rows comes in Chinese too.
        var chinese = new HttpRequestMessage(HttpMethod.Get, $"/o/{org.Slug}/countries/KE");
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        var chinesePage = await HtmlAsync(await client.SendAsync(chinese));
        Assert.Contains("一个案件可能记录多种侵害类型", chinesePage, StringComparison.Ordinal);
        Assert.Contains("案件数（每件只计一次）", chinesePage, StringComparison.Ordinal);

        // A viewer may read the country page but sees no case statistics there, and may not open the statistics.
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.DoesNotContain("country-grievances", await HtmlAsync(await viewerClient.GetAsync($"/o/{org.Slug}/countries/KE")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/o/{org.Slug}/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/o/{org.Slug}/countries/KE?handler=statistics&population=Cases&by=Group")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Statistics_by_perpetrator_sex_and_age_band_over_a_chosen_year_range_with_complementary_suppression(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var client = await app.SignInAsync(owner.Email!);
        var year = DateTime.UtcNow.Year;
        var last = year - 1;
        TestCase Incident(PerpetratorType perpetrator, int inYear) =>
            new(CaseCategory.ThreatToDefender, "KE", true, [], inYear, perpetrator, VictimSex.Female, AgeBand.From30To44);
        var cases = new List<TestCase>();
        cases.AddRange(Enumerable.Repeat(Incident(PerpetratorType.State, last), 8));
        cases.AddRange(Enumerable.Repeat(Incident(PerpetratorType.NonState, last), 6));
        cases.AddRange(Enumerable.Repeat(Incident(PerpetratorType.Unknown, last), 2));
        // Received before the default five years: counted only when the range reaches back to them.
        cases.AddRange(Enumerable.Repeat(Incident(PerpetratorType.State, year - 7), 5));
        await AddCasesAsync(app, org.Id, cases);

        var html = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/statistics"));
        // Last year: the 2 is "<5"; the next smallest count (6) is withheld beside it, and so is its row total.
        Assert.Matches(@"data-testid=""statistics-DefenderIncidents-Perpetrator"">[\s\S]*?<tr data-key=""State"">\s*<th scope=""row"">State</th>(\s*<td>0</td>){3}\s*<td>8</td>\s*<td>0</td>\s*<td>8</td>", html);
        Assert.Matches(@"data-testid=""statistics-DefenderIncidents-Perpetrator"">[\s\S]*?<tr data-key=""NonState"">\s*<th scope=""row"">Non-State</th>(\s*<td>0</td>){3}\s*<td>withheld</td>\s*<td>0</td>\s*<td>withheld</td>", html);
        Assert.Matches(@"data-testid=""statistics-DefenderIncidents-Perpetrator"">[\s\S]*?<tr data-key=""Unknown"">\s*<th scope=""row"">Unknown</th>(\s*<td>0</td>){3}\s*<td><5</td>\s*<td>0</td>\s*<td><5</td>", html);
        Assert.Matches(@"data-testid=""statistics-DefenderIncidents-Sex"">[\s\S]*?<tr data-key=""Female"">\s*<th scope=""row"">Female</th>(\s*<td>0</td>){3}\s*<td>16</td>\s*<td>0</td>\s*<td>16</td>", html);
        Assert.Matches(@"data-testid=""statistics-DefenderIncidents-AgeBand"">[\s\S]*?<tr data-key=""From30To44"">\s*<th scope=""row"">30–44</th>(\s*<td>0</td>){3}\s*<td>16</td>", html);

        var csv = await (await client.GetAsync($"/o/{org.Slug}/statistics?handler=csv&population=DefenderIncidents&by=Perpetrator")).Content.ReadAsStringAsync();
        Assert.Contains($"population,perpetrator_type,{year - 4},{year - 3},{year - 2},{year - 1},{year},total", csv, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,State,0,0,0,8,0,8", csv, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,NonState,0,0,0,withheld,0,withheld", csv, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,Unknown,0,0,0,<5,0,<5", csv, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,total,0,0,0,16,0,16", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",2,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",6,", csv, StringComparison.Ordinal);

        // A range reaching back seven years counts the older incidents, on the page and in the CSV it links to.
        var range = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/statistics?from={year - 7}&to={last}"));
        Assert.Contains($"?handler=csv&population=DefenderIncidents&by=Sex&from={year - 7}&to={last}", range, StringComparison.Ordinal);
        var sexCsv = await (await client.GetAsync($"/o/{org.Slug}/statistics?handler=csv&population=DefenderIncidents&by=Sex&from={year - 7}&to={last}")).Content.ReadAsStringAsync();
        Assert.Contains($"population,sex,{string.Join(",", Enumerable.Range(year - 7, 7))},total", sexCsv, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,Female,5,0,0,0,0,0,16,21", sexCsv, StringComparison.Ordinal);

        // Bad years: 400 naming the field, on the page and for the CSV, in both languages.
        var bad = await client.GetAsync($"/o/{org.Slug}/statistics?from=20x4&to={year + 1}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await HtmlAsync(bad);
        Assert.Contains($"From: give a four-digit year from 1990 to {year}.", badHtml, StringComparison.Ordinal);
        Assert.Contains($"To: give a four-digit year from 1990 to {year}.", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"from-error\"", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"statistics-Cases-ViolationType\"", badHtml, StringComparison.Ordinal);
        var reversed = await client.GetAsync($"/o/{org.Slug}/statistics?handler=csv&population=Cases&by=Sex&from={year}&to={year - 2}");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("From: the first year must not be after the last year.", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await client.GetAsync($"/o/{org.Slug}/statistics?from=1990&to={year}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("To: show at most 30 years at once.", await HtmlAsync(tooLong), StringComparison.Ordinal);
        var chinese = new HttpRequestMessage(HttpMethod.Get, $"/o/{org.Slug}/statistics?from=abcd");
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        var chineseResponse = await client.SendAsync(chinese);
        Assert.Equal(HttpStatusCode.BadRequest, chineseResponse.StatusCode);
        Assert.Contains("起始年份：请填写 1990 至", await HtmlAsync(chineseResponse), StringComparison.Ordinal);

        // Another organization sees none of these incidents.
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var otherClient = await app.SignInAsync(otherOwner.Email!);
        var otherCsv = await (await otherClient.GetAsync($"/o/{other.Slug}/statistics?handler=csv&population=DefenderIncidents&by=Perpetrator")).Content.ReadAsStringAsync();
        Assert.Contains("defender_incidents,total,0,0,0,0,0,0", otherCsv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/o/{org.Slug}/statistics?handler=csv&population=DefenderIncidents&by=Perpetrator")).StatusCode);
    }
}
