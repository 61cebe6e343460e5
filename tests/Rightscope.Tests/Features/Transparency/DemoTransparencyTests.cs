using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Transparency;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Features.Transparency;

/// <summary>The demo company's year of government requests, its earlier aggregates and its published report.</summary>
public sealed class DemoTransparencyTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_company_has_a_year_of_requests_earlier_aggregates_and_a_published_report_marked_as_demo_values(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var org = await QueryAsync(app, db => db.Organizations.SingleAsync(o => o.Slug == "demo-company"));
        var requests = await QueryAsync(app, db => db.GovernmentRequests.IgnoreQueryFilters().Where(r => r.OrganizationId == org.Id).ToListAsync());
        Assert.Equal(40, requests.Count);
        Assert.True(requests.Select(r => r.CountryCode).Distinct().Count() >= 5);
        Assert.True(requests.Select(r => r.Type).Distinct().Count() >= 4);
        Assert.True(requests.Select(r => r.Decision).Distinct().Count() >= 3);
        Assert.All(requests, r => Assert.Contains("(fictional)", r.Authority, StringComparison.Ordinal));
        var year = Assert.Single(requests.Select(r => r.ReceivedOn.Year).Distinct());
        Assert.NotEmpty(await QueryAsync(app, db => db.GovernmentRequestAggregates.IgnoreQueryFilters().Where(a => a.OrganizationId == org.Id && a.Period == $"{year - 1}H2").ToListAsync()));
        Assert.Equal(0, await QueryAsync(app, db => db.GovernmentRequests.IgnoreQueryFilters().CountAsync(r => r.OrganizationId != org.Id)));

        var anonymous = app.CreateBrowserlikeClient();
        var page = await anonymous.GetAsync($"/transparency/demo-company/{year}?lang=zh-Hans");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("示例演示数值", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-testid=\"total-requests\">40</dd>", html, StringComparison.Ordinal);
        var json = TransparencyDocument.FromJson(await (await anonymous.GetAsync($"/transparency/demo-company/{year}.json")).Content.ReadAsStringAsync());
        Assert.Equal(40, json.Totals.Requests);
        Assert.Equal(RequestCounts.Sum(json.ByCountry.Select(c => c.Counts.ToCounts())), json.Totals.ToCounts());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/transparency/demo-company/{year - 1}H2")).StatusCode);
    }
}
