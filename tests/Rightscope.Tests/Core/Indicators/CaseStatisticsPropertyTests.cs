using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Indicators;
using Rightscope.Core.Remedy;
using Rightscope.Core.Statistics;
using Rightscope.Tests.Core.Statistics;

namespace Rightscope.Tests.Core.Indicators;

/// <summary>
/// The published statistics tables against counts made directly from the records: every shown count is the true
/// count, and no suppressed count can be worked out from the totals published beside it, in any of the tables.
/// </summary>
public sealed class CaseStatisticsPropertyTests
{
    private static readonly int[] Years = [2024, 2025, 2026];

    private static readonly string[] ViolationTypes = ["Spyware", "OnlineHarassment", "ArbitraryDetention"];

    private static readonly StatisticsDimension[] All = Enum.GetValues<StatisticsDimension>();

    public static class Generators
    {
        private static Gen<string?> OneOf(IEnumerable<string> values) =>
            Gen.Elements([.. values.Select(v => (string?)v).Append(null)]);

        // Few distinct values per field, so many cells are small and suppression has work to do.
        private static readonly Gen<CaseRecord> Record =
            from year in Gen.Elements(Years)
            from violations in Gen.SubListOf(ViolationTypes)
            from country in OneOf(["KE", "BR"])
            from groups in Gen.SubListOf(new[] { "women", "journalists-and-media-workers" })
            from defender in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
            from perpetrator in OneOf(Enum.GetNames<PerpetratorType>())
            from sex in OneOf(Enum.GetNames<VictimSex>())
            from age in OneOf(Enum.GetNames<AgeBand>())
            select new CaseRecord(year, [.. violations], country, [.. groups], defender, perpetrator, sex, age);

        public static Arbitrary<CaseRecord[]> Records() => Arb.From(
            from count in Gen.Choose(0, 60)
            from records in Record.ArrayOf(count)
            select records);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void Every_table_shows_true_counts_and_hides_suppressed_ones_from_its_totals(CaseRecord[] records)
    {
        var tables = CaseStatistics.Build(records, Years, ViolationTypes, All);

        Assert.Equal(2 * All.Length, tables.Count);
        foreach (var table in tables)
        {
            var truth = TrueCounts(records, table);
            SuppressionAudit.AssertPublishedAreTrue(truth, table.Table);
            if (!table.Overlapping)
            {
                SuppressionAudit.AssertProtected(truth, table.Table);
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void Identical_cases_given_once_with_their_number_make_the_same_tables_as_one_record_each(CaseRecord[] records)
    {
        // As the database gives them: one record per combination of values, with how many cases share it.
        var grouped = records
            .GroupBy(r => string.Join('|', r.Year, string.Join(',', r.ViolationTypes), r.Country, string.Join(',', r.Groups), r.Defender, r.Perpetrator, r.Sex, r.AgeBand))
            .Select(g => g.First() with { Cases = g.Count() })
            .Reverse()
            .ToArray();

        var expected = CaseStatistics.Build(records, Years, ViolationTypes, All);
        var actual = CaseStatistics.Build(grouped, Years, ViolationTypes, All);

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (one, other) in expected.Zip(actual))
        {
            Assert.Equal((one.Population, one.By, one.Overlapping), (other.Population, other.By, other.Overlapping));
            Assert.Equal(one.Keys, other.Keys);
            Assert.Equal(one.CaseTotals, other.CaseTotals);
            for (var row = 0; row <= one.Table.Rows; row++)
            {
                for (var column = 0; column <= one.Table.Columns; column++)
                {
                    Assert.Equal(one.Table.At(new TablePosition(row, column)), other.Table.At(new TablePosition(row, column)));
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void A_yearly_total_withheld_in_one_table_is_withheld_in_every_table_of_its_population(CaseRecord[] records)
    {
        var tables = CaseStatistics.Build(records, Years, ViolationTypes, All);

        foreach (var population in tables.Where(t => !t.Overlapping).GroupBy(t => t.Population))
        {
            for (var c = 0; c <= Years.Length; c++)
            {
                var column = c;
                var states = population.Select(t => t.Table.At(new TablePosition(t.Table.Rows, column))).Distinct().ToList();
                Assert.Single(states);
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void The_case_totals_beside_overlapping_rows_count_each_case_once_and_are_suppressed_like_the_margins(CaseRecord[] records)
    {
        var tables = CaseStatistics.Build(records, Years, ViolationTypes, All);

        foreach (var population in tables.GroupBy(t => t.Population))
        {
            var chosen = records.Where(r => population.Key == StatisticsPopulation.Cases || r.Defender).ToList();
            var byViolation = population.Single(t => t.By == StatisticsDimension.ViolationType);
            Assert.True(byViolation.Overlapping);
            for (var c = 0; c <= Years.Length; c++)
            {
                var truth = c == Years.Length ? chosen.Count : chosen.Count(r => r.Year == Years[c]);
                var total = byViolation.CaseTotals[c];
                Assert.Equal(total.IsSuppressed ? null : truth, total.Value);
                foreach (var additive in population.Where(t => !t.Overlapping))
                {
                    Assert.Equal(additive.Table.At(new TablePosition(additive.Table.Rows, c)), total);
                }
            }
        }
    }

    [Fact]
    public void A_case_with_several_violation_types_counts_in_each_row_but_once_in_the_total()
    {
        var records = Enumerable.Repeat(new CaseRecord(2025, ["Spyware", "OnlineHarassment"], "KE", [], true), 6)
            .Concat(Enumerable.Repeat(new CaseRecord(2025, ["Spyware"], "KE", [], true), 5))
            .ToList();

        var tables = CaseStatistics.Build(records, [2025], ViolationTypes, All);

        var byViolation = tables.Single(t => t is { Population: StatisticsPopulation.DefenderIncidents, By: StatisticsDimension.ViolationType });
        Assert.Equal(["Spyware", "OnlineHarassment", "ArbitraryDetention", null], byViolation.Keys);
        Assert.Equal(11, byViolation.Table.Cell(0, 0).Value);
        Assert.Equal(6, byViolation.Table.Cell(1, 0).Value);
        Assert.Equal(0, byViolation.Table.Cell(3, 0).Value);
        Assert.Equal([11, 11], byViolation.CaseTotals.Select(t => t.Value));
    }

    [Fact]
    public void Fixed_code_lists_keep_every_row_and_count_unrecorded_values_apart()
    {
        var records = Enumerable.Repeat(new CaseRecord(2025, ["Spyware"], "KE", [], true, "State", "Female", "From18To29"), 6)
            .Append(new CaseRecord(2025, ["Spyware"], "KE", [], true))
            .ToList();

        var tables = CaseStatistics.Build(records, [2025], ViolationTypes, All);

        var perpetrators = tables.Single(t => t is { Population: StatisticsPopulation.DefenderIncidents, By: StatisticsDimension.Perpetrator });
        Assert.Equal(["State", "NonState", "Unknown", null], perpetrators.Keys);
        var sexes = tables.Single(t => t is { Population: StatisticsPopulation.Cases, By: StatisticsDimension.Sex });
        Assert.Equal(["Female", "Male", "Other", null], sexes.Keys);
        var ages = tables.Single(t => t is { Population: StatisticsPopulation.Cases, By: StatisticsDimension.AgeBand });
        Assert.Equal(["Under18", "From18To29", "From30To44", "From45To59", "SixtyOrOlder", null], ages.Keys);
        // 6 and a lone "not recorded" 1: the 1 is "<5" and the 6 must be withheld beside it, in every profile table.
        foreach (var table in new[] { perpetrators, sexes })
        {
            Assert.Equal(Suppression.Primary, table.Table.Cell(table.Keys.Count - 1, 0).Suppression);
            Assert.Equal(Suppression.Complementary, table.Table.Cell(0, 0).Suppression);
            Assert.Equal(new PublishedCount(0, Suppression.None), table.Table.Cell(1, 0));
            Assert.Equal(new PublishedCount(7, Suppression.None), table.Table.GrandTotal);
        }
    }

    private static CountTable TrueCounts(IReadOnlyList<CaseRecord> records, StatisticsTable table)
    {
        var grid = new int[table.Keys.Count, Years.Length];
        foreach (var record in records.Where(r => table.Population == StatisticsPopulation.Cases || r.Defender))
        {
            var keys = table.By switch
            {
                StatisticsDimension.ViolationType => record.ViolationTypes.Count == 0 ? [null] : record.ViolationTypes.Distinct().Select(v => (string?)v).ToList(),
                StatisticsDimension.Country => [record.Country],
                StatisticsDimension.Perpetrator => [record.Perpetrator],
                StatisticsDimension.Sex => [record.Sex],
                StatisticsDimension.AgeBand => [record.AgeBand],
                _ => record.Groups.Count == 0 ? [null] : record.Groups.Distinct().Select(g => (string?)g).ToList(),
            };
            foreach (var key in keys)
            {
                grid[IndexOf(table.Keys, key), Array.IndexOf(Years, record.Year)]++;
            }
        }

        return CountTable.TwoWay(grid);
    }

    private static int IndexOf(IReadOnlyList<string?> keys, string? key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{key ?? "(not recorded)"} is not a row of the table.");
    }
}
