using Rightscope.Core.Indicators;
using Rightscope.Core.Statistics;

namespace Rightscope.Tests.Core.Indicators;

public sealed class CaseStatisticsTests
{
    private static readonly StatisticsDimension[] All = [StatisticsDimension.Perpetrator, StatisticsDimension.Country, StatisticsDimension.Group];

    [Fact]
    public void Small_counts_are_suppressed_and_a_yearly_total_withheld_in_one_table_is_withheld_in_the_other()
    {
        var records = new List<CaseRecord>();
        records.AddRange(Enumerable.Repeat(new CaseRecord(2025, [], "KE", ["journalists-and-media-workers"], false, "State"), 9));
        records.AddRange(Enumerable.Repeat(new CaseRecord(2025, [], "DE", [], true, "NonState"), 2));
        records.Add(new CaseRecord(2024, [], null, ["women", "journalists-and-media-workers"], true, "Unknown"));

        var tables = CaseStatistics.Build(records, [2024, 2025], ["Spyware"], All);

        var byType = tables.Single(t => t is { Population: StatisticsPopulation.Cases, By: StatisticsDimension.Perpetrator });
        Assert.Equal(["State", "NonState", "Unknown", null], byType.Keys);
        // 2025: 9 and 2 with a published total of 11 — the 2 is "<5" and the 9 must be withheld beside it.
        Assert.Equal(Suppression.Primary, byType.Table.Cell(1, 1).Suppression);
        Assert.Equal(Suppression.Complementary, byType.Table.Cell(0, 1).Suppression);
        Assert.Equal(new PublishedCount(0, Suppression.None), byType.Table.Cell(0, 0));
        var byCountry = tables.Single(t => t is { Population: StatisticsPopulation.Cases, By: StatisticsDimension.Country });
        Assert.Equal(["DE", "KE", null], byCountry.Keys);
        for (var c = 0; c <= 2; c++)
        {
            Assert.Equal(byType.Table.At(new TablePosition(4, c)).IsSuppressed, byCountry.Table.At(new TablePosition(3, c)).IsSuppressed);
        }

        var groups = tables.Single(t => t is { Population: StatisticsPopulation.Cases, By: StatisticsDimension.Group });
        Assert.True(groups.Overlapping);
        Assert.Equal(["journalists-and-media-workers", "women", null], groups.Keys);

        var defenders = tables.Single(t => t is { Population: StatisticsPopulation.DefenderIncidents, By: StatisticsDimension.Perpetrator });
        Assert.True(defenders.Table.GrandTotal.IsSuppressed);
        Assert.DoesNotContain(Enumerable.Range(0, defenders.Table.Rows).Select(r => defenders.Table.Cell(r, 1)), c => c.Value is > 0 and < 5);
    }
}
