using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Hrdd;

namespace Rightscope.Tests.Core.Hrdd;

public sealed class EngagementFatigueTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void The_window_is_the_twelve_months_up_to_today_and_excludes_the_same_date_a_year_ago()
    {
        var occasions = new[]
        {
            new EngagementOccasion(new DateOnly(2025, 3, 15), ["a"], false),
            new EngagementOccasion(new DateOnly(2025, 3, 16), ["a"], true),
            new EngagementOccasion(Today, ["a", "b"], false),
            new EngagementOccasion(Today.AddDays(1), ["a"], false),
        };

        var report = EngagementFatigue.Compute(occasions, Today, 2);

        Assert.Equal((new DateOnly(2025, 3, 16), Today), (report.From, report.To));
        Assert.Equal(2, report.Engagements);
        Assert.Equal(50, report.GlobalSouthPercent);
        Assert.Equal([("a", 2, true), ("b", 1, false)], report.Organizations.Select(o => (o.Organization, o.Count, o.Flagged)));
    }

    [Fact]
    public void An_organization_is_flagged_when_its_count_reaches_the_threshold_and_listed_highest_first()
    {
        var occasions = Enumerable.Range(0, 5).Select(i => new EngagementOccasion(Today.AddDays(-i * 30), i < 4 ? ["often", "sometimes"] : ["often"], false))
            .Append(new EngagementOccasion(Today.AddDays(-3), ["once"], true));

        var report = EngagementFatigue.Compute(occasions, Today, EngagementFatigue.DefaultThreshold);

        Assert.Equal([("often", 5, true), ("sometimes", 4, true), ("once", 1, false)], report.Organizations.Select(o => (o.Organization, o.Count, o.Flagged)));
        Assert.Equal(Today, report.Organizations[0].LastEngagedOn);
    }

    [Fact]
    public void No_engagements_has_no_global_south_share() =>
        Assert.Null(EngagementFatigue.Compute([], Today, 4).GlobalSouthPercent);

    [Theory]
    [InlineData("Digital Rights Watch", "digital rights watch")]
    [InlineData("  digital   rights\tWATCH ", "digital rights watch")]
    [InlineData("ＤＩＧＩＴＡＬ Rights Watch", "digital rights watch")]
    [InlineData("数字权利观察", "数字权利观察")]
    public void Names_are_counted_by_a_normalized_key(string name, string key) =>
        Assert.Equal(key, StakeholderNames.Normalize(name));

    [Fact]
    public void A_list_keeps_the_first_spelling_of_each_organization() =>
        Assert.Equal(["Digital Rights Watch", "Tenants' Union"], StakeholderNames.Split("Digital Rights Watch\n digital rights  watch ;Tenants' Union\n\n"));

    [Property(MaxTest = 300)]
    public Property Every_engagement_in_the_window_counts_once_per_organization() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(-500, 30).Zip(Gen.SubListOf(new[] { "a", "b", "c" }))).ToArbitrary(),
            entries =>
            {
                var occasions = entries.Select(e => new EngagementOccasion(Today.AddDays(e.Item1), [.. e.Item2], false)).ToList();
                var report = EngagementFatigue.Compute(occasions, Today, 3);
                var from = EngagementFatigue.WindowStart(Today);
                return report.Organizations.All(o =>
                    o.Count == occasions.Count(x => x.HeldOn >= from && x.HeldOn <= Today && x.Organizations.Contains(o.Organization))
                    && o.Flagged == (o.Count >= 3))
                    && report.Organizations.Zip(report.Organizations.Skip(1)).All(p => p.First.Count >= p.Second.Count);
            });

    [Theory]
    [InlineData(StakeholderRegion.SubSaharanAfrica, null, true)]
    [InlineData(StakeholderRegion.WesternEurope, null, false)]
    [InlineData(StakeholderRegion.Global, null, false)]
    [InlineData(StakeholderRegion.EasternAsia, "JP", false)]
    [InlineData(StakeholderRegion.EasternAsia, "MN", true)]
    [InlineData(StakeholderRegion.Global, "BR", true)]
    [InlineData(StakeholderRegion.AustraliaAndNewZealand, null, false)]
    [InlineData(StakeholderRegion.PacificIslands, "FJ", true)]
    public void The_global_south_flag_follows_the_country_then_the_region(StakeholderRegion region, string? country, bool south) =>
        Assert.Equal(south, StakeholderRegions.IsGlobalSouth(region, country));
}
