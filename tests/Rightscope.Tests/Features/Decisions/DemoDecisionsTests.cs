using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Decisions;

/// <summary>The demo investor's decisions: about fictional companies only, consistent with their tiers, with an exclusion to divest.</summary>
public sealed class DemoDecisionsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_decides_only_about_fictional_companies_and_lists_a_divestment(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var org = await db.Organizations.SingleAsync(o => o.Slug == "demo-investor");
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(org.Id);

        var decisions = await db.Decisions.ToListAsync();
        var companies = await db.Companies.ToDictionaryAsync(c => c.Id);
        Assert.NotEmpty(decisions);
        // Never a decision about a real company (DESIGN §7).
        Assert.All(decisions, d => Assert.True(companies[d.CompanyId].Fictional, companies[d.CompanyId].NameEn));
        Assert.All(decisions, d => Assert.Contains("Fictional demo rationale", d.Rationale, StringComparison.Ordinal));

        var current = decisions.Where(d => d.Status == DecisionStatus.Approved).ToList();
        Assert.Equal(3, current.Count);
        Assert.Equal(current.Count, current.Select(d => d.CompanyId).Distinct().Count());
        Assert.Contains(current, d => d is { Kind: DecisionKind.Exclude, ExclusionMode: ExclusionMode.Divest, DivestBy: not null });
        var differing = Assert.Single(current, d => d.DiffersFromRecommendation);
        Assert.Equal((DecisionKind.Exclude, DecisionKind.Engage, 2), (differing.Kind, differing.RecommendedKind, differing.AssessmentTier));
        Assert.All(current.Where(d => !d.DiffersFromRecommendation), d => Assert.Equal(d.RecommendedKind, d.Kind));
        Assert.Single(decisions, d => d.Status == DecisionStatus.Proposed);
        var superseded = Assert.Single(decisions, d => d.Status == DecisionStatus.Superseded);
        Assert.Contains(current, d => d.Id == superseded.SupersededById);

        // The reviewer sees the pending proposal with approve and return, and the exclusion list names the divestment.
        var reviewer = await app.SignInAsync((await app.AddMemberAsync(org, Role.Reviewer)).Email!);
        var pending = decisions.Single(d => d.Status == DecisionStatus.Proposed);
        Assert.Contains("name=\"command\" value=\"approve\"", await (await reviewer.GetAsync($"/o/demo-investor/decisions/{pending.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exclusions = await (await reviewer.GetAsync("/o/demo-investor/exclusions/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Equal(3, exclusions.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",divest,", exclusions, StringComparison.Ordinal);
    }
}
