using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Statistics;

namespace Rightscope.Tests.Core.Statistics;

public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void Counts_from_one_to_four_are_suppressed_and_zero_and_five_are_shown()
    {
        var result = SmallCellSuppression.Apply(CountTable.OneWay([0, 1, 4, 5, 20, 30]));

        Assert.Equal(new PublishedCount(0, Suppression.None), result.Cell(0, 0));
        Assert.Equal(Suppression.Primary, result.Cell(1, 0).Suppression);
        Assert.Equal(Suppression.Primary, result.Cell(2, 0).Suppression);
        Assert.Null(result.Cell(2, 0).Value);
        Assert.Equal(new PublishedCount(60, Suppression.None), result.GrandTotal);
    }

    [Fact]
    public void A_lone_small_count_gets_the_smallest_other_count_withheld_beside_it()
    {
        // 60 − 5 − 20 − 30 would give the 3 away.
        var result = SmallCellSuppression.Apply(CountTable.OneWay([3, 20, 5, 30]));

        Assert.Equal([Suppression.Primary, Suppression.None, Suppression.Complementary, Suppression.None], result.Counts.Select(c => c.Suppression));
        Assert.Equal(58, result.GrandTotal.Value);
    }

    [Fact]
    public void Two_small_counts_that_add_up_to_two_are_not_enough_on_their_own()
    {
        // Both would have to be 1: the total minus 10 and 12 is 2.
        var result = SmallCellSuppression.Apply(CountTable.OneWay([1, 1, 10, 12]));

        Assert.Equal([Suppression.Primary, Suppression.Primary, Suppression.Complementary, Suppression.None], result.Counts.Select(c => c.Suppression));
    }

    [Fact]
    public void A_withheld_count_of_five_beside_a_one_is_not_enough()
    {
        // 1 + 5 = 6: a reader who knows "<5" is at least 1 and a withheld count at least 5 could tell both.
        var result = SmallCellSuppression.Apply(CountTable.OneWay([1, 5, 9, 30]));

        Assert.Equal([Suppression.Primary, Suppression.Complementary, Suppression.Complementary, Suppression.None], result.Counts.Select(c => c.Suppression));
    }

    [Fact]
    public void When_nothing_else_in_the_line_can_be_withheld_the_total_is()
    {
        var result = SmallCellSuppression.Apply(CountTable.OneWay([2, 0, 0]));

        Assert.Equal(Suppression.Primary, result.Cell(0, 0).Suppression);
        Assert.Equal(new PublishedCount(0, Suppression.None), result.Cell(1, 0));
        Assert.True(result.GrandTotal.IsSuppressed);
    }

    [Fact]
    public void A_two_way_table_is_protected_in_rows_columns_and_margins()
    {
        //        a   b   c
        // x     2  10  12   | 24
        // y     8   9  15   | 32
        // z    20  11  30   | 61
        var result = SmallCellSuppression.Apply(CountTable.TwoWay(new[,] { { 2, 10, 12 }, { 8, 9, 15 }, { 20, 11, 30 } }));

        Assert.Equal(Suppression.Primary, result.Cell(0, 0).Suppression);
        // Row x: the smallest other cell is 10; column a: the smallest other cell is 8.
        Assert.Equal(Suppression.Complementary, result.Cell(0, 1).Suppression);
        Assert.Equal(Suppression.Complementary, result.Cell(1, 0).Suppression);
        // Row y and column b then have one withheld cell each, which 9 (their common cell) closes.
        Assert.Equal(Suppression.Complementary, result.Cell(1, 1).Suppression);
        Assert.Equal(30, result.Cell(2, 2).Value);
        Assert.Equal(24, result.RowTotal(0).Value);
        Assert.Equal(117, result.GrandTotal.Value);
    }

    [Fact]
    public void A_small_total_is_suppressed_like_a_cell()
    {
        var result = SmallCellSuppression.Apply(CountTable.TwoWay(new[,] { { 0, 3 }, { 10, 20 } }));

        Assert.Equal(Suppression.Primary, result.RowTotal(0).Suppression);
        Assert.Equal(Suppression.Primary, result.Cell(0, 1).Suppression);
        Assert.False(result.ColumnTotal(1).IsSuppressed && result.ColumnTotal(0).IsSuppressed && result.GrandTotal.IsSuppressed);
        AssertProtected(CountTable.TwoWay(new[,] { { 0, 3 }, { 10, 20 } }), result);
    }

    [Fact]
    public void The_threshold_is_configurable()
    {
        Assert.Equal(Suppression.None, SmallCellSuppression.Apply(CountTable.OneWay([3, 40]), threshold: 3).Cell(0, 0).Suppression);
        Assert.Equal(Suppression.Primary, SmallCellSuppression.Apply(CountTable.OneWay([9, 40, 40]), threshold: 10).Cell(0, 0).Suppression);
        Assert.Empty(SmallCellSuppression.Apply(CountTable.OneWay([1, 2, 3]), threshold: 1).Suppressed());
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCellSuppression.Apply(CountTable.OneWay([1]), threshold: 0));
    }

    [Fact]
    public void Positions_suppressed_in_a_linked_table_can_be_carried_over()
    {
        var result = SmallCellSuppression.Apply(CountTable.OneWay([10, 20, 30]), alsoSuppress: [new TablePosition(2, 0)]);

        Assert.Equal(Suppression.Complementary, result.Cell(2, 0).Suppression);
        Assert.Equal(Suppression.Complementary, result.Cell(0, 0).Suppression);
        Assert.Equal(60, result.GrandTotal.Value);
    }

    [Fact]
    public void A_total_withheld_for_a_linked_table_is_not_left_as_the_sum_of_shown_cells()
    {
        // Another table withholds the total 60; shown here as 10 + 20 + 30 it would be given away.
        var result = SmallCellSuppression.Apply(CountTable.OneWay([10, 20, 30]), alsoSuppress: [new TablePosition(3, 0)]);

        Assert.Equal([Suppression.Complementary, Suppression.None, Suppression.None], result.Counts.Select(c => c.Suppression));
        Assert.True(result.GrandTotal.IsSuppressed);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Totals_withheld_for_a_linked_table_stay_protected(CountTable table, bool[] forceTotals)
    {
        // As a linked table would force them: totals that count somebody (zeros are never withheld).
        var totals = Enumerable.Range(0, table.IsOneWay ? 1 : table.Columns + 1).Select(c => new TablePosition(table.Rows, c))
            .Where((t, i) => i < forceTotals.Length && forceTotals[i] && table.At(t) > 0).ToList();

        var result = SmallCellSuppression.Apply(table, alsoSuppress: totals);

        SuppressionAudit.AssertPublishedAreTrue(table, result);
        SuppressionAudit.AssertProtected(table, result);
        Assert.All(totals, t => Assert.True(result.At(t).IsSuppressed));
    }

    [Fact]
    public void Negative_counts_and_empty_tables_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CountTable.OneWay([1, -1]));
        Assert.Throws<ArgumentException>(() => CountTable.OneWay([]));
    }

    public static class Generators
    {
        // Mostly small counts, so suppression has work to do, with zeros and some large ones.
        private static readonly Gen<int> Count = Gen.Frequency(
            (3, Gen.Choose(0, 0)), (5, Gen.Choose(1, 4)), (4, Gen.Choose(5, 12)), (1, Gen.Choose(13, 200)));

        public static Arbitrary<CountTable> Tables() => Arb.From(
            from oneWay in Gen.Elements(true, false)
            from rows in Gen.Choose(1, 6)
            from columns in Gen.Choose(1, 5)
            from counts in Count.ArrayOf(rows * columns)
            select oneWay
                ? CountTable.OneWay([.. counts.Take(rows)])
                : CountTable.TwoWay(Grid(counts, rows, columns)));

        private static int[,] Grid(int[] counts, int rows, int columns)
        {
            var grid = new int[rows, columns];
            for (var i = 0; i < rows * columns; i++)
            {
                grid[i / columns, i % columns] = counts[i];
            }

            return grid;
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void Every_count_from_one_below_the_threshold_is_suppressed(CountTable table)
    {
        var result = SmallCellSuppression.Apply(table);

        foreach (var position in Positions(table))
        {
            var value = table.At(position);
            Assert.True(value is 0 or >= SmallCellSuppression.DefaultThreshold || result.At(position).Suppression == Suppression.Primary);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void Published_values_are_the_true_values_and_zeros_are_always_shown(CountTable table)
    {
        var result = SmallCellSuppression.Apply(table);

        foreach (var position in Positions(table))
        {
            var published = result.At(position);
            Assert.Equal(published.IsSuppressed ? null : table.At(position), published.Value);
            Assert.True(table.At(position) != 0 || !published.IsSuppressed);
            Assert.True(published.Suppression != Suppression.Complementary || table.At(position) >= SmallCellSuppression.DefaultThreshold);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void No_suppressed_count_can_be_worked_out_from_a_published_total(CountTable table)
    {
        AssertProtected(table, SmallCellSuppression.Apply(table));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Suppressing_again_changes_nothing(CountTable table)
    {
        var once = SmallCellSuppression.Apply(table);
        var twice = SmallCellSuppression.Apply(table, alsoSuppress: once.Suppressed());

        Assert.Equal(Positions(table).Select(once.At), Positions(table).Select(twice.At));
    }

    private static IEnumerable<TablePosition> Positions(CountTable table) =>
        from r in Enumerable.Range(0, table.Rows + 1)
        from c in Enumerable.Range(0, table.Columns + 1)
        select new TablePosition(r, c);

    /// <summary>
    /// For every line whose total is published: no line has exactly one suppressed entry, and no suppressed entry has a
    /// single value consistent with the total, the shown entries and the public bounds of the other suppressed ones
    /// (counted by trying every value, not by the formula of the implementation).
    /// </summary>
    private static void AssertProtected(CountTable table, SuppressedTable result)
    {
        const int t = SmallCellSuppression.DefaultThreshold;
        foreach (var (members, total) in Lines(table))
        {
            if (result.At(total).IsSuppressed)
            {
                continue;
            }

            var hidden = members.Where(p => result.At(p).IsSuppressed).ToList();
            Assert.NotEqual(1, hidden.Count);
            var rest = result.At(total).Value!.Value - members.Where(p => !result.At(p).IsSuppressed).Sum(p => result.At(p).Value!.Value);
            (int Low, int High) Bounds(TablePosition p) => result.At(p).Suppression == Suppression.Primary ? (1, t - 1) : (t, int.MaxValue / 64);
            foreach (var entry in hidden)
            {
                var others = hidden.Where(p => p != entry).Select(Bounds).ToList();
                var (low, high) = (others.Sum(o => o.Low), others.Sum(o => (long)o.High));
                var (entryLow, entryHigh) = Bounds(entry);
                var possible = Enumerable.Range(entryLow, Math.Max(0, Math.Min(entryHigh, rest) - entryLow + 1))
                    .Count(v => rest - v >= low && rest - v <= high);
                Assert.True(possible >= 2, $"{entry} in the line of {total} has {possible} possible value(s).");
            }
        }
    }

    private static IEnumerable<(List<TablePosition> Members, TablePosition Total)> Lines(CountTable table)
    {
        var (rows, columns) = (table.Rows, table.Columns);
        yield return ([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, 0))], new TablePosition(rows, 0));
        if (table.IsOneWay)
        {
            yield break;
        }

        for (var c = 1; c < columns; c++)
        {
            yield return ([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, c))], new TablePosition(rows, c));
        }

        for (var r = 0; r <= rows; r++)
        {
            yield return ([.. Enumerable.Range(0, columns).Select(c => new TablePosition(r, c))], new TablePosition(r, columns));
        }

        yield return ([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, columns))], new TablePosition(rows, columns));
    }
}
