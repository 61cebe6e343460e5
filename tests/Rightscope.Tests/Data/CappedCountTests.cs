using System.Globalization;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Data;

/// <summary>Counts that stop at a cap: exact below it, "more" above it, and sums that keep the "more".</summary>
public sealed class CappedCountTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_database_counts_exactly_up_to_the_cap_and_says_more_beyond_it(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var marker = "capped-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await app.CreateOrganizationAsync(OrganizationKind.Investor, $"{marker}-{i}");
        }

        async Task<CappedCount> CountAsync(int cap) =>
            await QueryAsync(app, db => CappedCount.CountAsync(db.Organizations.Where(o => o.Slug.StartsWith(marker)), CancellationToken.None, cap));

        Assert.Equal(new CappedCount(5, false), await CountAsync(5));
        Assert.Equal(new CappedCount(5, false), await CountAsync(1000));
        Assert.Equal(new CappedCount(4, true), await CountAsync(4));
        Assert.Equal(new CappedCount(1, true), await CountAsync(1));
    }

    [Fact]
    public void Sums_keep_more_and_remainders_never_go_below_zero()
    {
        var exact = new CappedCount(3, false);
        var capped = new CappedCount(1000, true);
        Assert.Equal(new CappedCount(1003, true), exact.Plus(capped));
        Assert.Equal(new CappedCount(6, false), exact.Plus(exact));
        Assert.Equal(new CappedCount(800, true), capped.Minus(200));
        Assert.Equal(new CappedCount(0, false), exact.Minus(200));
        Assert.True(CappedCount.Zero.IsZero);
        Assert.False(new CappedCount(0, true).IsZero);

        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.Equal("1000+", capped.ToString());
            Assert.Equal("3", exact.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
