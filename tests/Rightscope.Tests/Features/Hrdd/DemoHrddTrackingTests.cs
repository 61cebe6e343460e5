using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>The demo company's action plans, indicators and engagement log: fictional, complete, one overdue action, one fatigued organization.</summary>
public sealed class DemoHrddTrackingTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_company_has_plans_indicators_and_an_engagement_log_with_one_fatigued_organization(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var org = await db.Organizations.SingleAsync(o => o.Slug == "demo-company");
        var investor = await db.Organizations.SingleAsync(o => o.Slug == "demo-investor");
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(org.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var actions = await db.DueDiligenceActions.ToListAsync();
        Assert.Equal(6, actions.Count);
        Assert.Single(actions, a => a.IsOverdue(today));
        Assert.Single(actions, a => a.Kind == ActionKind.Leverage && a.RelationshipName!.Contains("虚构", StringComparison.Ordinal));
        Assert.Equal(6, await db.DueDiligenceActionIssues.CountAsync());
        Assert.NotEmpty(await db.SalientIssues.ToListAsync());

        var indicators = await db.TrackingIndicators.ToListAsync();
        Assert.Equal(3, indicators.Count);
        foreach (var indicator in indicators)
        {
            var dates = await db.TrackingMeasurements.Where(m => m.IndicatorId == indicator.Id).Select(m => m.MeasuredOn).ToListAsync();
            Assert.InRange(dates.Count, 4, 6);
            Assert.True(dates.Max().DayNumber - dates.Min().DayNumber >= 240, indicator.Name);
        }

        var engagements = await db.StakeholderEngagements.ToListAsync();
        Assert.Equal(8, engagements.Count);
        Assert.All(engagements, e => Assert.Contains("fictional demo data · 虚构示例数据", e.Topics, StringComparison.Ordinal));
        var parties = await db.StakeholderEngagementParties.ToListAsync();
        Assert.True(parties.Select(p => p.NormalizedName).Distinct().Count() >= 5);
        var report = EngagementFatigue.Compute(
            engagements.Select(e => new EngagementOccasion(e.HeldOn, [.. parties.Where(p => p.EngagementId == e.Id).Select(p => p.NormalizedName)], e.GlobalSouth)), today, EngagementFatigue.DefaultThreshold);
        var flagged = Assert.Single(report.Organizations, o => o.Flagged);
        Assert.Equal(5, flagged.Count);

        Assert.Equal(0, await db.DueDiligenceActions.IgnoreQueryFilters().CountAsync(a => a.OrganizationId == investor.Id));
        Assert.Equal(0, await db.StakeholderEngagements.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == investor.Id));
    }
}
