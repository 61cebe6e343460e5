using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Features.Assessments;
using Rightscope.Features.Companies;
using Rightscope.Features.Portfolios;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Portfolios;

/// <summary>The screening dashboard over HTTP: per-tier figures, changes between snapshots, filters, drill-down, isolation.</summary>
public sealed partial class ScreeningDashboardTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly PreviousAsOf = Today.AddDays(-60);
    private static readonly DateOnly CurrentAsOf = Today.AddDays(-1);

    private sealed record Screened(Guid PortfolioId, Guid EmptyPortfolioId, Company Alpha, Company Beta, Company Gamma, Company Delta);

    [GeneratedRegex("<tr data-tier=\"(?<tier>[A-Za-z0-9]+)\">(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TierRow();

    [GeneratedRegex("<td>(?<value>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<tr data-change=\"(?<kind>\\w+)\">(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex ChangeRow();

    /// <summary>Each tier row of the per-tier table: holdings, weight, base-currency value, other currencies.</summary>
    private static Dictionary<string, string[]> Tiers(string html) =>
        TierRow().Matches(html).ToDictionary(
            m => m.Groups["tier"].Value,
            m => Cell().Matches(m.Groups["cells"].Value).Select(c => WebUtility.HtmlDecode(c.Groups["value"].Value.Trim())).ToArray());

    private static List<(string Kind, string Text)> Changes(string html) =>
        [.. ChangeRow().Matches(html).Select(m => (m.Groups["kind"].Value, Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(m.Groups["cells"].Value, "<[^>]+>", " ")), @"\s+", " ").Trim()))];

    private static Company NewCompany(Guid organizationId, string name, int exposure, string technologies, string country)
    {
        var company = new Company { OrganizationId = organizationId, NameEn = name, ExposureType = exposure, Technologies = technologies, Country = country, Fictional = true };
        CompanyCommands.SetNormalizedNames(company);
        return company;
    }

    private static Assessment Approved(Guid organizationId, Guid author, string subject, int tier, DateOnly approvedOn, AssessmentStatus status = AssessmentStatus.Approved) => new()
    {
        OrganizationId = organizationId,
        SubjectName = subject,
        MethodologyKey = "ungp-hria",
        MethodologyVersion = "1.0.0",
        Status = status,
        AuthorUserId = author,
        ApprovedAt = approvedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
        Tier = tier,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private static HoldingsSnapshot Snapshot(Guid organizationId, Guid portfolioId, DateOnly asOf, int rows) => new()
    {
        OrganizationId = organizationId,
        PortfolioId = portfolioId,
        AsOf = asOf,
        SourceFileName = $"holdings-{asOf:yyyy-MM-dd}.csv",
        Fingerprint = Guid.NewGuid().ToString("N"),
        RowCount = rows,
        ImportedBy = "test",
        ImportedAt = DateTime.UtcNow,
    };

    private static Holding Holding(HoldingsSnapshot snapshot, int line, string name, Company? company, double weight, long minor, string currency, string? isin = null) => new()
    {
        OrganizationId = snapshot.OrganizationId,
        SnapshotId = snapshot.Id,
        CompanyId = company?.Id,
        Line = line,
        Name = name,
        Isin = isin,
        Weight = weight,
        MarketValueMinor = minor,
        Currency = currency,
    };

    /// <summary>
    /// Alpha (type 1, spyware, DE) moved from tier 1 (superseded) to tier 3 after the previous snapshot and grew from
    /// 35 % to 40 %; Beta (type 2) is tier 1, first approved after the previous snapshot; Gamma (type 3, JPY) is new and unassessed; Delta (type 1) is tier 2,
    /// approved two years ago so its review is overdue; an unmatched holding was added and another was sold.
    /// </summary>
    private static async Task<Screened> SeedAsync(RightscopeFactory app, Guid organizationId, Guid author) =>
        await QueryAsync(app, async db =>
        {
            var alpha = NewCompany(organizationId, "Fictional Alpha <b>&</b>", 1, "intrusion-spyware,facial-recognition", "DE");
            var beta = NewCompany(organizationId, "Fictional Beta", 2, "facial-recognition", "US");
            var gamma = NewCompany(organizationId, "Fictional Gamma", 3, "", "JP");
            var delta = NewCompany(organizationId, "Fictional Delta", 1, "intrusion-spyware", "US");
            db.Companies.AddRange(alpha, beta, gamma, delta);
            db.Assessments.AddRange(
                Approved(organizationId, author, "Fictional Alpha <b>&</b> (fictional) · 阿尔法（虚构）", 1, Today.AddDays(-200), AssessmentStatus.Superseded),
                Approved(organizationId, author, "Fictional Alpha <b>&</b>", 3, Today.AddDays(-30)),
                Approved(organizationId, author, "Fictional Beta", 1, Today.AddDays(-10)),
                Approved(organizationId, author, "Fictional Delta", 2, Today.AddYears(-2)));

            var portfolio = new Portfolio { OrganizationId = organizationId, Name = "Screened", BaseCurrency = "EUR", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            var empty = new Portfolio { OrganizationId = organizationId, Name = "Empty", BaseCurrency = "EUR", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Portfolios.AddRange(portfolio, empty);
            var previous = Snapshot(organizationId, portfolio.Id, PreviousAsOf, 4);
            var current = Snapshot(organizationId, portfolio.Id, CurrentAsOf, 5);
            db.HoldingsSnapshots.AddRange(previous, current);
            db.Holdings.AddRange(
                Holding(previous, 2, "Alpha shares", alpha, 35, 350_000_00, "EUR"),
                Holding(previous, 3, "Beta shares", beta, 30, 300_000_00, "EUR"),
                Holding(previous, 4, "Delta shares", delta, 5, 50_000_00, "EUR"),
                Holding(previous, 5, "Sold Sigma", null, 30, 300_000_00, "EUR", "US0378331005"),
                Holding(current, 2, "Alpha shares", alpha, 40, 400_000_00, "EUR"),
                Holding(current, 3, "Beta shares", beta, 30, 300_000_00, "EUR"),
                Holding(current, 4, "Gamma shares", gamma, 20, 20_000_000, "JPY"),
                Holding(current, 5, "Delta shares", delta, 5, 50_000_00, "EUR"),
                Holding(current, 6, "Unknown Omega", null, 5, 50_000_00, "EUR", "DE0007164600"));
            await db.SaveChangesAsync();
            return new Screened(portfolio.Id, empty.Id, alpha, beta, gamma, delta);
        });

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_dashboard_shows_tiers_value_at_risk_overdue_reviews_and_changes_since_the_previous_snapshot(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var seeded = await SeedAsync(app, org.Id, owner.Id);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(viewer.Email!);
        var dashboard = $"/o/{org.Slug}/portfolios/{seeded.PortfolioId}/dashboard";

        var (status, html) = await GetAsync(client, dashboard);
        Assert.Equal(HttpStatusCode.OK, status);
        var tiers = Tiers(html);
        Assert.Equal(["1", "30 %", "300,000.00 EUR", ""], tiers["Tier1"]);
        Assert.Equal(["1", "5 %", "50,000.00 EUR", ""], tiers["Tier2"]);
        Assert.Equal(["1", "40 %", "400,000.00 EUR", ""], tiers["Tier3"]);
        // Unassessed: Gamma (JPY, never converted) and the unmatched holding.
        Assert.Equal(["2", "25 %", "50,000.00 EUR", "20,000,000 JPY"], tiers["Unassessed"]);
        Assert.Equal(["5", "100 %", "800,000.00 EUR", "20,000,000 JPY"], tiers["total"]);
        Assert.Contains("Market values are not converted between currencies", html, StringComparison.Ordinal);

        // Every chart is an accessible image next to its table; hostile company names stay text.
        Assert.Equal(3, Regex.Matches(html, "<svg [^>]*role=\"img\"").Count);
        Assert.DoesNotContain("<b>&</b>", html, StringComparison.Ordinal);
        Assert.Contains("Fictional Alpha &lt;b&gt;&amp;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);

        // Overdue: only Delta, approved two years ago.
        var overdue = Regex.Match(html, "data-testid=\"overdue\".*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("Fictional Delta", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Fictional Beta", overdue, StringComparison.Ordinal);

        // Changes since the previous snapshot, with Alpha's tier as it stood on that date.
        var changes = Changes(html);
        Assert.Equal(["Added", "Added", "Removed", "WeightChanged", "TierChanged", "TierChanged"], changes.Select(c => c.Kind));
        Assert.Contains(changes, c => c.Kind == "Added" && c.Text.Contains("Fictional Gamma", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Kind == "Added" && c.Text.Contains("Unknown Omega", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Kind == "Removed" && c.Text.Contains("Sold Sigma", StringComparison.Ordinal));
        Assert.Matches("Fictional Alpha.*35 %.*40 %", changes.Single(c => c.Kind == "WeightChanged").Text);
        Assert.Matches("Fictional Alpha.*Tier 1.*Tier 3", changes.Where(c => c.Kind == "TierChanged").First().Text);
        // Beta was first approved after the previous snapshot: from not assessed to tier 1.
        Assert.Matches("Fictional Beta.*Not assessed.*Tier 1", changes.Where(c => c.Kind == "TierChanged").Last().Text);

        // Drill-down to the company, and the largest holding first.
        Assert.Contains($"href=\"/o/{org.Slug}/companies/{seeded.Alpha.Id}\"", html, StringComparison.Ordinal);
        var holdings = Regex.Match(html, "data-testid=\"holdings\".*?</table>", RegexOptions.Singleline).Value;
        Assert.True(holdings.IndexOf("Alpha shares", StringComparison.Ordinal) < holdings.IndexOf("Beta shares", StringComparison.Ordinal));
        var byLine = Regex.Match((await GetAsync(client, dashboard + "?sort=weight-asc")).Html, "data-testid=\"holdings\".*?</table>", RegexOptions.Singleline).Value;
        Assert.True(byLine.IndexOf("Delta shares", StringComparison.Ordinal) < byLine.IndexOf("Alpha shares", StringComparison.Ordinal));

        // The earlier snapshot can be chosen; it has nothing to compare with.
        var (_, earlier) = await GetAsync(client, $"{dashboard}?asOf={PreviousAsOf:yyyy-MM-dd}");
        Assert.Equal(["4", "100 %", "1,000,000.00 EUR", ""], Tiers(earlier)["total"]);
        Assert.Contains("There is no earlier snapshot to compare with.", earlier, StringComparison.Ordinal);

        // Linking the unmatched holding (a command) shows at once, though the dashboard was just computed.
        var omega = await QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().SingleAsync(h => h.OrganizationId == org.Id && h.Name == "Unknown Omega"));
        var ownerClient = await app.SignInAsync(owner.Email!);
        var linked = await Forms.PostAsync(ownerClient, $"/o/{org.Slug}/portfolios/{seeded.PortfolioId}/holdings/{omega.Id}", new Dictionary<string, string> { ["CompanyId"] = seeded.Beta.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var relinked = Tiers((await GetAsync(client, dashboard)).Html);
        Assert.Equal(["2", "35 %", "350,000.00 EUR", ""], relinked["Tier1"]);
        Assert.Equal(["1", "20 %", "0.00 EUR", "20,000,000 JPY"], relinked["Unassessed"]);

        // The portfolio page and the list link to the dashboard.
        Assert.Contains($"/o/{org.Slug}/portfolios/{seeded.PortfolioId}/dashboard", (await GetAsync(client, $"/o/{org.Slug}/portfolios/{seeded.PortfolioId}")).Html, StringComparison.Ordinal);
        Assert.Contains($"/o/{org.Slug}/portfolios/{seeded.PortfolioId}/dashboard", (await GetAsync(client, $"/o/{org.Slug}/portfolios")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Filters_narrow_every_figure_and_bad_values_are_named_not_fatal(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var seeded = await SeedAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);
        var dashboard = $"/o/{org.Slug}/portfolios/{seeded.PortfolioId}/dashboard";

        async Task<string[]> Total(string query)
        {
            var (status, html) = await GetAsync(client, dashboard + query);
            Assert.Equal(HttpStatusCode.OK, status);
            return Tiers(html)["total"];
        }

        Assert.Equal(["1", "40 %", "400,000.00 EUR", ""], await Total("?tier=3"));
        Assert.Equal(["2", "45 %", "450,000.00 EUR", ""], await Total("?exposure=1"));
        Assert.Equal(["2", "45 %", "450,000.00 EUR", ""], await Total("?technology=intrusion-spyware"));
        Assert.Equal(["1", "40 %", "400,000.00 EUR", ""], await Total("?country=de"));
        Assert.Equal(["2", "25 %", "50,000.00 EUR", "20,000,000 JPY"], await Total("?unassessed=true"));
        Assert.Equal(["1", "5 %", "50,000.00 EUR", ""], await Total("?overdue=true"));
        Assert.Equal(["1", "5 %", "50,000.00 EUR", ""], await Total("?exposure=1&tier=2"));

        // Changes follow the filters too: with tier 3 only Alpha's changes are listed.
        var (_, tier3) = await GetAsync(client, dashboard + "?tier=3");
        Assert.All(Changes(tier3), c => Assert.Contains("Fictional Alpha", c.Text, StringComparison.Ordinal));

        // Nothing matches: an empty state, not an empty chart.
        var (_, none) = await GetAsync(client, dashboard + "?tier=2&exposure=2");
        Assert.Contains("No holdings match the filters.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", none, StringComparison.Ordinal);

        // A bad value is named and ignored; the page still answers.
        foreach (var (query, field) in new[] { ("?tier=9", "Tier"), ("?exposure=x", "Surveillance exposure type"), ("?technology=<script>", "Surveillance technology category"), ("?country=ZZ", "Country"), ("?overdue=maybe", "Overdue reviews only"), ("?page=-1", "Page"), ("?sort=name", "Sort order") })
        {
            var (status, html) = await GetAsync(client, dashboard + query);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains($"The value of “{field}” is not one of the choices; it was ignored.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.Equal("5", Tiers(html)["total"][0]);
        }

        var (badDate, badDateHtml) = await GetAsync(client, dashboard + "?asOf=2001-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, badDate);
        Assert.Contains("This portfolio has no snapshot of that date", badDateHtml, StringComparison.Ordinal);

        // In Chinese too.
        var chinese = new HttpRequestMessage(HttpMethod.Get, dashboard + "?tier=9");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        var chineseHtml = await (await client.SendAsync(chinese)).Content.ReadAsStringAsync();
        Assert.Contains("筛查仪表板", chineseHtml, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_portfolio_without_snapshots_says_so_and_other_organizations_get_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var seeded = await SeedAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);

        var (status, html) = await GetAsync(client, $"/o/{org.Slug}/portfolios/{seeded.EmptyPortfolioId}/dashboard");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"no-snapshot\"", html, StringComparison.Ordinal);
        Assert.Contains($"/o/{org.Slug}/portfolios/{seeded.EmptyPortfolioId}/import", html, StringComparison.Ordinal);

        var (other, otherOwner) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/portfolios/{seeded.PortfolioId}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{org.Slug}/portfolios/{seeded.PortfolioId}/dashboard")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_investors_dashboard_screens_its_portfolio(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var org = await QueryAsync(app, db => db.Organizations.SingleAsync(o => o.Slug == "demo-investor"));
        var portfolio = await QueryAsync(app, db => db.Portfolios.IgnoreQueryFilters().SingleAsync(p => p.OrganizationId == org.Id));
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(viewer.Email!);

        var (status, html) = await GetAsync(client, $"/o/demo-investor/portfolios/{portfolio.Id}/dashboard");
        Assert.Equal(HttpStatusCode.OK, status);
        var tiers = Tiers(html);
        // The three fictional companies are assessed in tiers 1, 2 and 3; Alphabet, Amazon and the unmatched holding are not.
        Assert.Equal(["1", "1", "1", "3"], new[] { "Tier1", "Tier2", "Tier3", "Unassessed" }.Select(t => tiers[t][0]));
        Assert.Equal("6", tiers["total"][0]);
        Assert.Contains("(fictional)", html, StringComparison.Ordinal);
    }
}
