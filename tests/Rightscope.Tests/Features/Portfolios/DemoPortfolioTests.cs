using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Features.Portfolios;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Portfolios;

/// <summary>The demo investor's registry and portfolio: real companies only as seed 001 classifies them, fictional ones marked.</summary>
public sealed class DemoPortfolioTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_investor_has_a_screened_portfolio_of_marked_fictional_and_seed_classified_real_companies(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var org = await db.Organizations.SingleAsync(o => o.Slug == "demo-investor");
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(org.Id);

        var companies = await db.Companies.ToListAsync();
        var real = companies.Where(c => !c.Fictional).ToDictionary(c => c.NameEn!, c => c.ExposureType);
        Assert.Equal(
            new Dictionary<string, int?> { ["NSO Group"] = 1, ["Gamma Group"] = 1, ["Alphabet Inc."] = 2, ["Amazon.com, Inc."] = 2, ["Sandvine"] = 3 },
            real);
        Assert.All(companies.Where(c => !c.Fictional), c => Assert.Empty(c.TechnologyKeys));
        Assert.Equal(3, companies.Count(c => c.Fictional));
        // Other demo organizations keep registries of their own (the civil society's benchmark): fictional companies only.
        Assert.All(await db.Companies.Where(c => c.OrganizationId != org.Id).IgnoreQueryFilters().ToListAsync(), c => Assert.True(c.Fictional, c.NameEn));

        var portfolio = await db.Portfolios.SingleAsync();
        var document = await scope.ServiceProvider.GetRequiredService<PortfolioExport>().LoadAsync(portfolio, null, CancellationToken.None);
        Assert.NotNull(document);
        Assert.Equal(DemoPortfolio.AsOf, document.AsOf);
        Assert.Equal(100, document.Holdings.Sum(h => h.Weight!.Value), 6);
        Assert.Single(document.Holdings, h => h.CompanyId is null);
        // The fictional companies carry their approved demo assessments: tiers 1, 2 and 3 recommend invest, engage, exclude;
        // the recorded decisions follow, except tier 2's, which the demo excludes against the recommendation.
        var screened = document.Holdings.Where(h => h.Fictional == true).OrderBy(h => h.Tier).Select(h => (h.Tier, h.Decision, h.RecommendedDecision)).ToList();
        Assert.Equal([(1, "invest", "invest"), (2, "exclude", "engage"), (3, "exclude", "exclude")], screened);
        Assert.All(document.Holdings.Where(h => h.Fictional == false), h => Assert.Null(h.Tier));
        Assert.All(document.Holdings.Where(h => h.Fictional == false), h => Assert.Null(h.Decision));

        // The portfolio page shows the same screening, with the methodology's decision titles.
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(viewer.Email!);
        var page = await (await client.GetAsync($"/o/demo-investor/portfolios/{portfolio.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("Invest, or hold and monitor", page, StringComparison.Ordinal);
        Assert.Contains("Not assessed", page, StringComparison.Ordinal);
        Assert.Contains("(fictional)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Create a company from it", page, StringComparison.Ordinal);
    }
}
