using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Companies;
using Rightscope.Demo;
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
        Assert.Equal([ScaleSeeder.DefaultSlug], orgs);
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
            var path = first.Out.Split('\n').Single(l => l.StartsWith($"page {purpose} ", StringComparison.Ordinal))[$"page {purpose} ".Length..].Trim();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

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
