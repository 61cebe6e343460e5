using Rightscope.Core.Statistics;

namespace Rightscope.Tests.Core.Statistics;

/// <summary>
/// Checks a published table against its true counts the way a reader would attack it: line by line (each row, each
/// column, the row of column totals and the column of row totals), trying every value a suppressed entry could have.
/// Written apart from the implementation so a shared mistake does not hide.
/// </summary>
public static class SuppressionAudit
{
    private const int Threshold = SmallCellSuppression.DefaultThreshold;

    // Large enough to stand for "no upper bound" in these small tables, small enough to enumerate sums.
    private const int Open = 100_000;

    public static IEnumerable<TablePosition> Positions(CountTable table) =>
        from r in Enumerable.Range(0, table.Rows + 1)
        from c in Enumerable.Range(0, table.Columns + 1)
        select new TablePosition(r, c);

    /// <summary>Shown values are the true values; zeros are shown; "&lt;5" is true and a withheld count is at least 5.</summary>
    public static void AssertPublishedAreTrue(CountTable truth, SuppressedTable published)
    {
        foreach (var position in Positions(truth))
        {
            var count = published.At(position);
            var value = truth.At(position);
            Assert.Equal(count.IsSuppressed ? null : value, count.Value);
            Assert.True(value != 0 || !count.IsSuppressed, $"{position}: zero withheld");
            Assert.True(count.Suppression != Suppression.Primary || value is > 0 and < Threshold, $"{position}: \"<5\" is untrue");
            Assert.True(count.Suppression != Suppression.Complementary || value >= Threshold, $"{position}: withheld below the threshold");
            Assert.True(value is 0 or >= Threshold || count.Suppression == Suppression.Primary, $"{position}: a small count is shown");
        }
    }

    /// <summary>
    /// No suppressed entry of any line, nor a withheld total, has a single value consistent with what the line shows
    /// and the public bounds of its suppressed entries.
    /// </summary>
    public static void AssertProtected(CountTable truth, SuppressedTable published)
    {
        foreach (var (members, total) in Lines(truth))
        {
            var hidden = members.Where(p => published.At(p).IsSuppressed).ToList();
            var shown = members.Where(p => !published.At(p).IsSuppressed).Sum(p => published.At(p).Value!.Value);
            var totalHidden = published.At(total).IsSuppressed;
            if (!totalHidden && hidden.Count == 0)
            {
                continue;
            }

            // The known limit of showing zeros (SmallCellSuppression): under a total of "<5" every non-zero entry is
            // "<5" already and nothing is left to withhold, so four "<5" under a "<5" total are each 1.
            if (published.At(total).Suppression == Suppression.Primary)
            {
                continue;
            }

            // The possible totals: the published one, or every value within the total's bounds.
            var (totalLow, totalHigh) = totalHidden ? Bounds(published.At(total)) : (published.At(total).Value!.Value, published.At(total).Value!.Value);
            if (totalHidden && hidden.Count == 0)
            {
                Assert.True(truth.At(total) == 0 || totalLow > shown || totalHigh < shown, $"The withheld total {total} is the sum of its shown entries.");
                continue;
            }

            if (totalHidden)
            {
                var (sumLow, sumHigh) = (hidden.Sum(p => Bounds(published.At(p)).Low), hidden.Sum(p => (long)Bounds(published.At(p)).High));
                var possibleTotals = Count(Math.Max(totalLow, shown + sumLow), Math.Min(totalHigh, shown + sumHigh));
                Assert.True(possibleTotals >= 2, $"The withheld total {total} has {possibleTotals} possible value(s).");
            }

            foreach (var entry in hidden)
            {
                var others = hidden.Where(p => p != entry).Select(p => Bounds(published.At(p))).ToList();
                var (othersLow, othersHigh) = (others.Sum(o => o.Low), others.Sum(o => (long)o.High));
                var (low, high) = Bounds(published.At(entry));
                // v is possible when some total and some values of the others add up: total − shown − v within the others' bounds.
                var possible = Count(Math.Max(low, totalLow - shown - othersHigh), Math.Min(high, totalHigh - shown - othersLow));
                Assert.True(possible >= 2, $"{entry} in the line of {total} has {possible} possible value(s).");
            }
        }
    }

    /// <summary>How many whole numbers lie from <paramref name="low"/> to <paramref name="high"/>.</summary>
    private static long Count(long low, long high) => Math.Max(0, high - low + 1);

    private static (int Low, int High) Bounds(PublishedCount count) =>
        count.Suppression == Suppression.Primary ? (1, Threshold - 1) : (Threshold, Open);

    private static IEnumerable<(List<TablePosition> Members, TablePosition Total)> Lines(CountTable table)
    {
        var (rows, columns) = (table.Rows, table.Columns);
        for (var c = 0; c < (table.IsOneWay ? 1 : columns); c++)
        {
            yield return ([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, c))], new TablePosition(rows, c));
        }

        if (table.IsOneWay)
        {
            yield break;
        }

        for (var r = 0; r <= rows; r++)
        {
            yield return ([.. Enumerable.Range(0, columns).Select(c => new TablePosition(r, c))], new TablePosition(r, columns));
        }

        yield return ([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, columns))], new TablePosition(rows, columns));
    }
}
