using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Benchmark;
using Rightscope.Core.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Benchmark;

/// <summary>
/// The benchmark through HTTP: upload, four-eyes approval, right of reply, the publication refusal list, the public
/// pages (404 before publication) and the open data with its hash.
/// </summary>
public sealed class BenchmarkWorkflowTests
{
    public const string GoodCsv = """
        company,service,indicator,element,answer
        Fictional Alpha,,g1-policy-commitment,g1-expression,yes
        Fictional Alpha,,g1-policy-commitment,g1-privacy,partial
        Fictional Alpha,Alpha Chat,f1-access-to-policies,f1-easy-to-find,yes
        Fictional Alpha,Alpha Chat,p1-access-to-privacy-policies,p1-easy-to-find,no
        Fictional Beta,,g1-policy-commitment,g1-expression,no
        Fictional Beta,Beta Mail,f1-access-to-policies,f1-easy-to-find,partial
        """;

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string slug, string name, string content, string level = "element", string fileName = "results.csv")
    {
        var page = $"/o/{slug}/benchmark/import";
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.AntiforgeryToken(html)), "__rs_af" },
            { new StringContent(name), "Name" },
            { new StringContent("digital-rights-benchmark@1.0.0"), "Methodology" },
            { new StringContent(level), "Level" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync(page, form);
    }

    private static Task<Rightscope.Features.Benchmark.BenchmarkEdition> EditionAsync(RightscopeFactory app, Guid organizationId) =>
        QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().SingleAsync(e => e.OrganizationId == organizationId));

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_edition_goes_from_upload_through_four_eyes_and_replies_to_public_pages_and_open_data(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var reviewerClient = await app.SignInAsync(reviewer.Email!);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var uploaded = await UploadAsync(ownerClient, org.Slug, "Test benchmark 2026", GoodCsv);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var summary = await uploaded.Content.ReadAsStringAsync();
        Assert.Contains("Draft edition created with 2 companies", summary, StringComparison.Ordinal);
        Assert.Contains("Not in the company registry, added: Fictional Alpha, Fictional Beta", summary, StringComparison.Ordinal);
        var edition = await EditionAsync(app, org.Id);
        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.Equal(2026, edition.Year);
        var detail = $"/o/{org.Slug}/benchmark/{edition.Id}";
        var publicPage = $"/benchmark/{org.Slug}/{edition.Slug}";

        // Nothing is public before publication.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{publicPage}/fictional-alpha")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/open-data/{org.Slug}/{edition.Slug}.csv")).StatusCode);
        Assert.DoesNotContain(edition.Slug, await anonymous.GetStringAsync("/open-data/index.json"), StringComparison.Ordinal);

        // Four eyes: the importer may not approve; a reviewer may.
        var selfApproval = await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string>(), $"{detail}/approve");
        Assert.Equal(HttpStatusCode.BadRequest, selfApproval.StatusCode);
        Assert.Contains("another reviewer must approve it (four eyes)", await selfApproval.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(reviewerClient, detail, new Dictionary<string, string>(), $"{detail}/approve")).StatusCode);
        Assert.Equal(EditionStatus.Approved, (await EditionAsync(app, org.Id)).Status);
        var statuses = await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().Where(a => a.OrganizationId == org.Id).Select(a => a.Status).ToListAsync());
        Assert.Equal([AssessmentStatus.Approved, AssessmentStatus.Approved], statuses);

        // The reviewer cannot publish (Permission.Publish); a reversed window is refused with the field named.
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(reviewerClient, detail, new Dictionary<string, string>(), $"{detail}/publication?handler=publish")).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var reversed = await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["opens"] = $"{today:yyyy-MM-dd}", ["closes"] = $"{today.AddDays(-1):yyyy-MM-dd}" }, $"{detail}/publication?handler=open");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("Closes on: the right of reply cannot close before it opens", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["opens"] = $"{today:yyyy-MM-dd}", ["closes"] = $"{today.AddDays(14):yyyy-MM-dd}" }, $"{detail}/publication?handler=open")).StatusCode);

        // Publication is refused with the list of what is missing.
        var refused = await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["licence"] = "CC-BY-4.0" }, $"{detail}/publication?handler=publish");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("The edition cannot be published yet", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Fictional Alpha: no reply decision recorded and the right of reply is still open", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Fictional Beta: no reply decision recorded", refusedHtml, StringComparison.Ordinal);

        var entries = await QueryAsync(app, db => db.BenchmarkEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).OrderBy(e => e.CompanyName).ToListAsync());
        var badReply = await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["entry"] = $"{entries[0].Id}", ["decision"] = "replied", ["reply"] = "", ["receivedOn"] = $"{today:yyyy-MM-dd}" }, $"{detail}/publication?handler=reply");
        Assert.Equal(HttpStatusCode.BadRequest, badReply.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["entry"] = $"{entries[0].Id}", ["decision"] = "replied", ["reply"] = "We publish a <b>new</b> policy next month.", ["receivedOn"] = $"{today:yyyy-MM-dd}" }, $"{detail}/publication?handler=reply")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["entry"] = $"{entries[1].Id}", ["decision"] = "declined" }, $"{detail}/publication?handler=reply")).StatusCode);
        var published = await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["licence"] = "CC-BY-4.0" }, $"{detail}/publication?handler=publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(publicPage, published.Headers.Location!.OriginalString);

        // Public pages without sign-in.
        var ranking = await anonymous.GetAsync(publicPage);
        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        var rankingHtml = await ranking.Content.ReadAsStringAsync();
        Assert.Contains("Fictional Alpha", rankingHtml, StringComparison.Ordinal);
        Assert.Contains("<svg", rankingHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", rankingHtml, StringComparison.Ordinal);
        var scorecard = await (await anonymous.GetAsync($"{publicPage}/fictional-alpha")).Content.ReadAsStringAsync();
        Assert.Contains("We publish a &lt;b&gt;new&lt;/b&gt; policy next month.", scorecard, StringComparison.Ordinal);
        Assert.Contains("Alpha Chat", scorecard, StringComparison.Ordinal);
        Assert.Contains("declined to reply", await anonymous.GetStringAsync($"{publicPage}/fictional-beta"), StringComparison.Ordinal);
        Assert.Contains(edition.Slug, await anonymous.GetStringAsync("/benchmark"), StringComparison.Ordinal);

        // Open data: the hash recomputes from the CSV rows, and the categories and total from the indicator rows.
        var csv = await anonymous.GetStringAsync($"/open-data/{org.Slug}/{edition.Slug}.csv");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var header = csv[..csv.IndexOf('\n', StringComparison.Ordinal)].Split(',').ToList();
        int Col(string name) => header.IndexOf(name);
        var canonical = rows.Select(r => $"{r[Col("company_slug")]}\t{r[Col("kind")]}\t{r[Col("key")]}\t{r[Col("score")]}\n").OrderBy(l => l, StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(canonical))));
        Assert.All(rows, r => Assert.Equal(hash, r[Col("content_sha256")]));
        Assert.All(rows, r => Assert.Equal("CC-BY-4.0", r[Col("licence")]));
        Assert.All(rows, r => Assert.Equal("digital-rights-benchmark@1.0.0", r[Col("methodology")]));
        foreach (var company in rows.GroupBy(r => r[Col("company_slug")]))
        {
            static double? Parse(string s) => s == "NA" ? null : double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
            var categories = company.Where(r => r[Col("kind")] == "category").Select(r => r[Col("key")]).ToList();
            var recomputed = categories.Select(k => company.Where(r => r[Col("kind")] == "indicator" && r[Col("category")] == k)
                .Select(r => Parse(r[Col("score")])).Where(s => s is not null).Select(s => s!.Value).DefaultIfEmpty(double.NaN).Average()).Where(double.IsFinite).ToList();
            var total = Parse(company.Single(r => r[Col("kind")] == "total")[Col("score")]);
            Assert.Equal(total!.Value, recomputed.Average(), 9);
        }

        var json = JsonDocument.Parse(await anonymous.GetStringAsync($"/open-data/{org.Slug}/{edition.Slug}.json")).RootElement;
        Assert.Equal(hash, json.GetProperty("content_sha256").GetString());
        Assert.Equal("CC-BY-4.0", json.GetProperty("licence").GetString());
        Assert.Contains(hash, await anonymous.GetStringAsync("/open-data/index.json"), StringComparison.Ordinal);

        // Frozen: no reply can be recorded after publication; the audit trail has every step.
        var late = await Forms.PostAsync(ownerClient, detail, new Dictionary<string, string> { ["entry"] = $"{entries[1].Id}", ["decision"] = "declined" }, $"{detail}/publication?handler=reply");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("published and can no longer change", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var actions = await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id && e.Action.StartsWith("benchmark.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["benchmark.approved", "benchmark.imported", "benchmark.published", "benchmark.reply-opened", "benchmark.reply-recorded", "benchmark.reply-recorded"], actions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_bad_upload_names_line_and_field_and_writes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var client = await app.SignInAsync(owner.Email!);

        var response = await UploadAsync(client, org.Slug, "Bad benchmark 2026", GoodCsv.Replace("g1-privacy,partial", "g1-privacy,maybe", StringComparison.Ordinal) + "\nFictional Beta,,g1-policy-commitment,g1-expression,yes\n", fileName: "bad.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("bad.csv:3: answer: \"maybe\" is not an answer option", html, StringComparison.Ordinal);
        Assert.Contains("bad.csv:8: element: duplicate of line 6", html, StringComparison.Ordinal);
        Assert.Contains("2 of 7 rows have errors; nothing was written", html, StringComparison.Ordinal);

        var scores = await UploadAsync(client, org.Slug, "Scores 2026", "company,service,indicator,score\nFictional Alpha,,g1-policy-commitment,150\n", level: "indicator", fileName: "scores.csv");
        Assert.Equal(HttpStatusCode.BadRequest, scores.StatusCode);
        Assert.Contains("scores.csv:2: score: 150 is outside 0–100", WebUtility.HtmlDecode(await scores.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Empty(await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).ToListAsync()));
        Assert.Empty(await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).ToListAsync()));
        Assert.Empty(await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).ToListAsync()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Another_organization_cannot_see_or_approve_an_edition(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(await app.SignInAsync(owner.Email!), org.Slug, "Private 2026", GoodCsv)).StatusCode);
        var edition = await EditionAsync(app, org.Id);
        var outsider = await app.SignInAsync(otherOwner.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/benchmark/{edition.Id}")).StatusCode);
        var html = await (await outsider.GetAsync($"/o/{other.Slug}/benchmark")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Private 2026", html, StringComparison.Ordinal);
        var approve = await Forms.PostWithTokenAsync(outsider, $"/o/{other.Slug}/benchmark/{edition.Id}/approve", Forms.AntiforgeryToken(html), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(EditionStatus.Draft, (await EditionAsync(app, org.Id)).Status);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_publishes_two_editions_of_eight_fictional_companies_with_change_and_replies(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var index = JsonDocument.Parse(await anonymous.GetStringAsync("/open-data/index.json")).RootElement.GetProperty("editions");
        Assert.Equal([2025, 2026], index.EnumerateArray().Select(e => e.GetProperty("year").GetInt32()).Order());
        Assert.All(index.EnumerateArray(), e => Assert.Equal(8, e.GetProperty("companies").GetInt32()));

        var ranking = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/benchmark/demo-civil-society/digital-rights-benchmark-2026-fictional-demo"));
        Assert.Contains("Digital rights benchmark 2025 (fictional demo)", ranking, StringComparison.Ordinal);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(ranking, "data-company=").Count);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(ranking, @"<a href=""/benchmark/demo-civil-society/digital-rights-benchmark-2026-fictional-demo/[^""]+"">[^<]*\(fictional\) · [^<]*（虚构）</a>").Count);
        Assert.Matches(@"<td>[+−]\d+\.\d</td>", ranking);

        var scorecard = await anonymous.GetStringAsync("/benchmark/demo-civil-society/digital-rights-benchmark-2026-fictional-demo/northwind-social-fictional");
        Assert.Contains("our appeals data now covers every service", scorecard, StringComparison.Ordinal);
        Assert.Contains("https://example.org/fictional/northwind-social/human-rights-policy", scorecard, StringComparison.Ordinal);
    }
}
