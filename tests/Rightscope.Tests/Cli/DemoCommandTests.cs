using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Companies;
using Rightscope.Core.Remedy;
using Rightscope.Demo;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

/// <summary>
/// <c>rightscope demo --scale</c> on both providers, with the hidden <c>tiny</c> size (the same generator as small and
/// large, with fewer rows): counts, idempotence, determinism across fresh databases, and the largest dashboard over HTTP.
/// </summary>
public sealed class DemoCommandTests
{
    private sealed record CompanyRow(string Isin, string Lei, string? NameEn, string? Country, int? ExposureType, int? Tier, double? Total);

    private static Task<CliResult> SeedAsync(TestDatabase database) => Cli.RunAsync(database, "", "demo", "--scale", "tiny");

    private static Task<List<CompanyRow>> CompaniesAsync(TestDatabase database) =>
        Cli.WithDbAsync(database, async (db, _) =>
        {
            var companies = await db.Companies.IgnoreQueryFilters().AsNoTracking().ToListAsync();
            var assessments = await db.Assessments.IgnoreQueryFilters().AsNoTracking().ToListAsync();
            var byCompany = assessments.ToDictionary(a => a.CompanyId!.Value);
            return companies
                .Select(c => new CompanyRow(c.Isin!, c.Lei!, c.NameEn, c.Country, c.ExposureType, byCompany[c.Id].Tier, byCompany[c.Id].Total))
                .OrderBy(c => c.Isin, StringComparer.Ordinal)
                .ToList();
        });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Scale_data_is_counted_approved_and_written_once_and_its_largest_dashboard_renders(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var size = ScaleSize.Tiny;

        var first = (await SeedAsync(database)).AssertSucceeded();
        Assert.Contains("Scale data created", first.Out, StringComparison.Ordinal);

        var (companies, assessments, answers, portfolios, holdings, matched, orgs) = await Cli.WithDbAsync(database, async (db, _) => (
            await db.Companies.IgnoreQueryFilters().CountAsync(),
            await db.Assessments.IgnoreQueryFilters().Where(a => a.Status == AssessmentStatus.Approved && a.Tier != null && a.ApprovedByUserId != a.AuthorUserId).CountAsync(),
            await db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(),
            await db.Portfolios.IgnoreQueryFilters().CountAsync(),
            await db.Holdings.IgnoreQueryFilters().CountAsync(),
            await db.Holdings.IgnoreQueryFilters().CountAsync(h => h.CompanyId != null),
            await db.Organizations.Select(o => o.Slug).ToListAsync()));
        Assert.Equal([ScaleSeeder.DefaultSlug, ScaleCompanySeeder.SlugOf(ScaleSeeder.DefaultSlug)], orgs.Order(StringComparer.Ordinal));
        Assert.Equal(size.Companies, companies);
        Assert.Equal(size.Assessments, assessments);
        Assert.True(answers >= size.Assessments * 20, $"{answers} answers for {size.Assessments} assessments");
        Assert.Equal(size.Portfolios + 1, portfolios);
        Assert.Equal(size.LargestHoldings + size.Portfolios * size.PortfolioHoldings, holdings);
        Assert.InRange(matched, holdings * 9 / 10, holdings - 1);

        var rows = await CompaniesAsync(database);
        Assert.All(rows, r => Assert.True(Isin.TryParse(r.Isin, out _) && Lei.TryParse(r.Lei, out _), $"{r.Isin} {r.Lei}"));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Tier!.Value).Distinct().Order());
        Assert.Equal([1, 2, 3], rows.Select(r => r.ExposureType!.Value).Distinct().Order());
        Assert.All(await Cli.WithDbAsync(database, (db, _) => db.Companies.IgnoreQueryFilters().ToListAsync()), c => Assert.True(c.Fictional));

        // A second run says so and writes nothing.
        var second = (await SeedAsync(database)).AssertSucceeded();
        Assert.Contains("The scale data exists already in organization 'scale-investor'; nothing was written.", second.Out, StringComparison.Ordinal);
        Assert.Equal(size.Companies, await Cli.WithDbAsync(database, (db, _) => db.Companies.IgnoreQueryFilters().CountAsync()));

        // The owner signs in with the printed password (no second factor) and opens the largest portfolio's dashboard.
        var ownerLine = first.Out.Split('\n').Single(l => l.Contains(ScaleSeeder.EmailOf(ScaleSeeder.DefaultSlug, Role.Owner), StringComparison.Ordinal));
        var password = ownerLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var dashboard = first.Out.Split('\n').Single(l => l.StartsWith("page largest-dashboard ", StringComparison.Ordinal))["page largest-dashboard ".Length..].Trim();
        Assert.Equal(dashboard, second.Out.Split('\n').Single(l => l.StartsWith("page largest-dashboard ", StringComparison.Ordinal))["page largest-dashboard ".Length..].Trim());
        await using var app = new RightscopeFactory(database, ownsDatabase: false);
        var client = await app.SignInAsync(ScaleSeeder.EmailOf(ScaleSeeder.DefaultSlug, Role.Owner), password);
        var response = await client.GetAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(size.LargestName, page, StringComparison.Ordinal);
        Assert.Contains("(fictional)", page, StringComparison.Ordinal);
        foreach (var purpose in new[] { "dashboard", "assessment", "company" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PageOf(first.Out, purpose))).StatusCode);
        }

        // The registry is paged: the second page lists other companies than the first.
        var registry = $"/o/{ScaleSeeder.DefaultSlug}/companies";
        var onFirst = CompanyLinks(await client.GetStringAsync(registry));
        var onSecond = CompanyLinks(await client.GetStringAsync($"{registry}?page=2"));
        Assert.NotEmpty(onFirst);
        Assert.NotEmpty(onSecond);
        Assert.Empty(onFirst.Intersect(onSecond));

        // The company organization's pages, as its owner and its case handler.
        var companySlug = ScaleCompanySeeder.SlugOf(ScaleSeeder.DefaultSlug);
        var companyOwner = await app.SignInAsync(ScaleSeeder.EmailOf(companySlug, Role.Owner), PasswordOf(first.Out, ScaleSeeder.EmailOf(companySlug, Role.Owner)));
        foreach (var purpose in new[] { "government-requests", "transparency-report", "country", "statistics" })
        {
            Assert.Equal(HttpStatusCode.OK, (await companyOwner.GetAsync(PageOf(first.Out, purpose))).StatusCode);
        }

        var handler = await app.SignInAsync(ScaleSeeder.EmailOf(companySlug, Role.CaseHandler), PasswordOf(first.Out, ScaleSeeder.EmailOf(companySlug, Role.CaseHandler)));
        var cases = await handler.GetStringAsync(PageOf(first.Out, "case-list"));
        Assert.Contains($">Case {size.Cases}</a>", cases, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(PageOf(first.Out, "public-submission"))).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_company_half_holds_encrypted_cases_its_handler_can_open_government_requests_and_indicator_data(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var size = ScaleSize.Tiny;
        var output = (await SeedAsync(database)).AssertSucceeded().Out;
        var companySlug = ScaleCompanySeeder.SlugOf(ScaleSeeder.DefaultSlug);

        var (cases, numbers, envelopes, channels, requests, years, countries) = await Cli.WithDbAsync(database, async (db, _) => (
            await db.Cases.IgnoreQueryFilters().CountAsync(),
            await db.Cases.IgnoreQueryFilters().Select(c => c.Number).Distinct().CountAsync(),
            await db.CaseRecipientEnvelopes.IgnoreQueryFilters().CountAsync(),
            await db.Channels.IgnoreQueryFilters().Select(c => new { c.Slug, c.ReceiptCost, c.Questionnaire }).ToListAsync(),
            await db.GovernmentRequests.IgnoreQueryFilters().CountAsync(),
            await db.GovernmentRequests.IgnoreQueryFilters().Select(r => r.ReceivedOn.Year).Distinct().OrderBy(y => y).ToListAsync(),
            await db.IndicatorValues.IgnoreQueryFilters().Select(v => v.Country).Distinct().CountAsync()));
        Assert.Equal(size.Cases, cases);
        Assert.Equal(size.Cases, numbers);
        Assert.Equal(size.Cases, envelopes);
        Assert.Equal([companySlug, ScaleCompanySeeder.DefenderChannelSlugOf(companySlug)], channels.Select(c => c.Slug).Order(StringComparer.Ordinal));
        Assert.All(channels, c => Assert.EndsWith(";reduced", c.ReceiptCost, StringComparison.Ordinal));
        Assert.Equal(size.GovernmentRequests, requests);
        Assert.Equal(ScaleCompanySeeder.RequestYears, years);
        Assert.Equal(size.IndicatorCountries, countries);

        // The handler unlocks their key with the printed password and reads a case: the content really is encrypted to them.
        await using var app = new RightscopeFactory(database, ownsDatabase: false);
        var handlerEmail = ScaleSeeder.EmailOf(companySlug, Role.CaseHandler);
        var password = PasswordOf(output, handlerEmail);
        var handler = await app.SignInAsync(handlerEmail, password);
        var caseId = await Cli.WithDbAsync(database, (db, _) => db.Cases.IgnoreQueryFilters().Where(c => c.Number == 1).Select(c => c.Id).SingleAsync());
        var unlock = await Forms.PostAsync(handler, "/account/case-keys/unlock", new Dictionary<string, string> { ["Password"] = password, ["ReturnUrl"] = "/orgs" });
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var detail = await handler.GetStringAsync($"/o/{companySlug}/cases/{caseId}");
        Assert.Matches("Scale case 1:|规模测试案件 1：", detail);

        // The case list is paged, newest first, filters kept in the links; the counts cover every page.
        var list = $"/o/{companySlug}/cases";
        var firstPage = await handler.GetStringAsync(list);
        Assert.Equal(CaseListModel.PageSize, Regex.Count(firstPage, "data-testid=\"case-row\""));
        Assert.Contains($"Page 1 of 3 ({size.Cases} cases)", firstPage, StringComparison.Ordinal);
        Assert.Contains($">Case {size.Cases}</a>", firstPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}?page=2\" rel=\"next\"", firstPage, StringComparison.Ordinal);
        var lastPage = await handler.GetStringAsync($"{list}?page=3");
        Assert.Contains(">Case 1</a>", lastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", lastPage, StringComparison.Ordinal);
        var defenders = await Cli.WithDbAsync(database, (db, _) => db.Cases.IgnoreQueryFilters().CountAsync(c => c.Defender));
        Assert.Contains($"({defenders} cases)", await handler.GetStringAsync($"{list}?defender=true"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"{list}?page=4")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await handler.GetAsync($"{list}?page=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await handler.GetAsync($"{list}?page=0")).StatusCode);

        // The transparency report of the last year counts that year's requests.
        var owner = await app.SignInAsync(ScaleSeeder.EmailOf(companySlug, Role.Owner), PasswordOf(output, ScaleSeeder.EmailOf(companySlug, Role.Owner)));
        var lastYearNumber = ScaleCompanySeeder.RequestYears[^1];
        var lastYear = await Cli.WithDbAsync(database, (db, _) => db.GovernmentRequests.IgnoreQueryFilters().CountAsync(r => r.ReceivedOn.Year == lastYearNumber));
        var report = await owner.GetStringAsync(PageOf(output, "transparency-report"));
        Assert.Contains($"data-testid=\"total-requests\">{lastYear}<", report, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bulk_written_cases_open_for_their_handler_and_the_statistics_count_their_violation_types(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var output = (await SeedAsync(database)).AssertSucceeded().Out;
        var companySlug = ScaleCompanySeeder.SlugOf(ScaleSeeder.DefaultSlug);
        var cases = await Cli.WithDbAsync(database, (db, _) => db.Cases.IgnoreQueryFilters().AsNoTracking().ToListAsync());

        // Triaged cases carry violation types: each defender incident its answered one, some of the others a digital harm.
        var triagedDefenders = cases.Where(c => c.Defender && c.Category is not null).ToList();
        Assert.NotEmpty(triagedDefenders);
        Assert.All(triagedDefenders, c => Assert.Single(c.ViolationTypes));
        Assert.Contains(cases, c => !c.Defender && c.ViolationTypes.Count == 1);
        Assert.All(cases.Where(c => c.Category is null), c => Assert.Equal("[]", c.ViolationTypeKeys));

        // The handler opens a defender incident and an ordinary case, each written by the bulk path with its envelope.
        await using var app = new RightscopeFactory(database, ownsDatabase: false);
        var handlerEmail = ScaleSeeder.EmailOf(companySlug, Role.CaseHandler);
        var password = PasswordOf(output, handlerEmail);
        var handler = await app.SignInAsync(handlerEmail, password);
        var unlock = await Forms.PostAsync(handler, "/account/case-keys/unlock", new Dictionary<string, string> { ["Password"] = password, ["ReturnUrl"] = "/orgs" });
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        foreach (var opened in new[] { triagedDefenders[^1], cases.Where(c => !c.Defender).MaxBy(c => c.Number)! })
        {
            var detail = WebUtility.HtmlDecode(await handler.GetStringAsync($"/o/{companySlug}/cases/{opened.Id}"));
            Assert.Matches($"Scale case {opened.Number}:|规模测试案件 {opened.Number}：", detail);
        }

        // The statistics by violation type count what was written: every total shown equals the count in the database.
        var owner = await app.SignInAsync(ScaleSeeder.EmailOf(companySlug, Role.Owner), PasswordOf(output, ScaleSeeder.EmailOf(companySlug, Role.Owner)));
        var csv = await owner.GetStringAsync($"/o/{companySlug}/statistics?handler=csv&population=Cases&by=ViolationType");
        var totals = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(l => l.Split(','))
            .Where(l => Enum.TryParse<ViolationType>(l[1], out _))
            .ToDictionary(l => Enum.Parse<ViolationType>(l[1]), l => l[^1]);
        Assert.Equal(Enum.GetValues<ViolationType>(), totals.Keys.Order());
        var shown = totals.Where(t => int.TryParse(t.Value, out _)).ToList();
        Assert.Contains(shown, t => int.Parse(t.Value, CultureInfo.InvariantCulture) > 0);
        Assert.All(shown, t => Assert.Equal(cases.Count(c => c.ViolationTypes.Contains(t.Key)), int.Parse(t.Value, CultureInfo.InvariantCulture)));
    }

    private static HashSet<string> CompanyLinks(string html) =>
        [.. Regex.Matches(html, "/companies/([0-9a-f-]{36})").Select(m => m.Groups[1].Value)];

    private static string PageOf(string output, string purpose) =>
        output.Split('\n').Single(l => l.StartsWith($"page {purpose} ", StringComparison.Ordinal))[$"page {purpose} ".Length..].Trim();

    private static string PasswordOf(string output, string email) =>
        output.Split('\n').Single(l => l.Contains($" {email} ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Two_fresh_databases_get_the_same_companies_identifiers_and_tiers(string provider)
    {
        await using var one = await TestDatabase.CreateAsync(provider);
        await using var two = await TestDatabase.CreateAsync(provider);
        (await SeedAsync(one)).AssertSucceeded();
        (await Cli.RunAsync(two, "", "demo", "--scale", "tiny", "--org", "other-scale")).AssertSucceeded();

        var first = await CompaniesAsync(one);
        Assert.Equal(ScaleSize.Tiny.Companies, first.Count);
        Assert.Equal(first, await CompaniesAsync(two));
    }

    [Fact]
    public async Task An_unknown_size_or_a_bad_slug_is_refused_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(ProviderData.Sqlite);
        (await Cli.RunAsync(database, "", "demo", "--scale", "huge")).AssertFailedWith("--scale: 'huge' is not a size; give small or large.");
        (await Cli.RunAsync(database, "", "demo", "--scale", "small", "--org", "Bad Slug")).AssertFailedWith("--org: 'Bad Slug' is not a valid organization slug");
        Assert.False(File.Exists(database.SqliteFile));
    }
}
