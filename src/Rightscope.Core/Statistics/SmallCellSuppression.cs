namespace Rightscope.Core.Statistics;

/// <summary>
/// Small-cell suppression of a table of counts (issue 5, effectiveness dashboard; issue 7, public statistics), so that
/// nobody can be singled out from published numbers.
/// <para>
/// Primary suppression: every count — cell or total — from 1 to <c>threshold − 1</c> is suppressed and shown as
/// "&lt;5". Zero is shown: a zero describes nobody, and hiding zeros would make every other "&lt;5" easier to guess,
/// since readers would learn that suppressed cells include the empty ones. Zeros are never chosen to be withheld either.
/// </para>
/// <para>
/// Complementary suppression, repeated until nothing changes: a row, a column, the row of column totals or the column
/// of row totals must not let a reader work out any one of its suppressed entries, nor a withheld total (say, one
/// withheld because a linked table withholds it) as the sum of its shown entries. Readers
/// know a primary entry lies in 1…threshold − 1 and a withheld one is at least the threshold, and they know the total
/// minus the shown entries. When those bounds pin an entry to a single value — always the case for a lone suppressed
/// entry, and also for, say, two suppressed ones adding up to 2 — the smallest shown non-zero entry of that line is
/// withheld too; if the line has none left, its total is withheld. The check is per line (as statistical offices do
/// for tabular data), not a full linear-programming audit across lines. Its known limit comes from showing zeros:
/// under a total of "&lt;5" every non-zero entry is "&lt;5" already and nothing is left to withhold, so, say, four
/// "&lt;5" under a "&lt;5" total can only be ones.
/// </para>
/// </summary>
public static class SmallCellSuppression
{
    public const int DefaultThreshold = 5;

    private const long Unbounded = long.MaxValue / 4;

    /// <param name="alsoSuppress">
    /// Positions to withhold in any case, e.g. those suppressed in a linked table that shares margins with this one.
    /// </param>
    public static SuppressedTable Apply(CountTable table, int threshold = DefaultThreshold, IEnumerable<TablePosition>? alsoSuppress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var states = new Suppression[table.Rows + 1, table.Columns + 1];
        var lows = new long[table.Rows + 1, table.Columns + 1];
        for (var r = 0; r <= table.Rows; r++)
        {
            for (var c = 0; c <= table.Columns; c++)
            {
                var value = table.At(new TablePosition(r, c));
                if (value > 0 && value < threshold)
                {
                    states[r, c] = Suppression.Primary;
                    lows[r, c] = 1;
                }
            }
        }

        foreach (var position in alsoSuppress ?? [])
        {
            if (states[position.Row, position.Column] == Suppression.None)
            {
                states[position.Row, position.Column] = Suppression.Complementary;
                lows[position.Row, position.Column] = table.At(position) == 0 ? 0 : threshold;
            }
        }

        var lines = LinesOf(table);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (Protects(table, line, states, lows, threshold))
                {
                    continue;
                }

                var candidate = line.Members
                    .Where(p => states[p.Row, p.Column] == Suppression.None && table.At(p) > 0)
                    .OrderBy(table.At)
                    .Cast<TablePosition?>()
                    .FirstOrDefault();
                if (candidate is null && states[line.Total.Row, line.Total.Column] != Suppression.None)
                {
                    continue;
                }

                var chosen = candidate ?? line.Total;
                states[chosen.Row, chosen.Column] = Suppression.Complementary;
                lows[chosen.Row, chosen.Column] = table.At(chosen) == 0 ? 0 : threshold;
                changed = true;
            }
        }

        if (table.IsOneWay)
        {
            // The row totals of a one-column table repeat its cells, and its two grand totals are one number.
            for (var r = 0; r <= table.Rows; r++)
            {
                states[r, 1] = states[r, 0];
            }
        }

        return new SuppressedTable(table, states, threshold);
    }

    /// <summary>
    /// The lines whose totals are published: each row, each column, the row of column totals and the column of row
    /// totals (both adding up to the grand total). A one-way table has only its column.
    /// </summary>
    internal static IReadOnlyList<Line> LinesOf(CountTable table)
    {
        var (rows, columns) = (table.Rows, table.Columns);
        if (table.IsOneWay)
        {
            return [new Line([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, 0))], new TablePosition(rows, 0))];
        }

        var lines = new List<Line>();
        for (var r = 0; r < rows; r++)
        {
            lines.Add(new Line([.. Enumerable.Range(0, columns).Select(c => new TablePosition(r, c))], new TablePosition(r, columns)));
        }

        for (var c = 0; c < columns; c++)
        {
            lines.Add(new Line([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, c))], new TablePosition(rows, c)));
        }

        lines.Add(new Line([.. Enumerable.Range(0, columns).Select(c => new TablePosition(rows, c))], new TablePosition(rows, columns)));
        lines.Add(new Line([.. Enumerable.Range(0, rows).Select(r => new TablePosition(r, columns))], new TablePosition(rows, columns)));
        return lines;
    }

    /// <summary>
    /// Whether every suppressed entry of a line keeps more than one possible value, given what a reader knows: the
    /// shown entries, the total when it is shown, and the bounds of each kind of suppression. A withheld total counts
    /// as one more unknown of the line: withheld because a linked table withholds it, it must not be the plain sum of
    /// shown entries, or the other table's suppressed cells could be recovered from it.
    /// </summary>
    private static bool Protects(CountTable table, Line line, Suppression[,] states, long[,] lows, int threshold)
    {
        var hidden = line.Members.Where(p => states[p.Row, p.Column] != Suppression.None).ToList();
        var totalHidden = states[line.Total.Row, line.Total.Column] != Suppression.None;
        if (hidden.Count == 0 && (!totalHidden || table.At(line.Total) == 0))
        {
            return true;
        }

        var cap = Unbounded / (hidden.Count + 2);
        long Low(TablePosition p) => lows[p.Row, p.Column];
        long High(TablePosition p) => Math.Min(states[p.Row, p.Column] == Suppression.Primary ? threshold - 1 : Unbounded, cap);
        long shown = line.Members.Where(p => states[p.Row, p.Column] == Suppression.None).Sum(p => (long)table.At(p));

        // What the hidden entries add up to: the total minus the shown entries, within the bounds of both.
        var lowSum = hidden.Sum(Low);
        var highSum = hidden.Sum(High);
        var (sumLow, sumHigh) = totalHidden
            ? (Low(line.Total) - shown, High(line.Total) - shown)
            : (table.At(line.Total) - shown, table.At(line.Total) - shown);
        var hiddenLow = Math.Max(sumLow, lowSum);
        var hiddenHigh = Math.Min(sumHigh, highSum);
        if (totalHidden && hiddenLow >= hiddenHigh)
        {
            return false;
        }

        foreach (var entry in hidden)
        {
            var low = Math.Max(Low(entry), hiddenLow - (highSum - High(entry)));
            var high = Math.Min(High(entry), hiddenHigh - (lowSum - Low(entry)));
            if (low >= high)
            {
                return false;
            }
        }

        return true;
    }

    internal sealed record Line(IReadOnlyList<TablePosition> Members, TablePosition Total);
}
