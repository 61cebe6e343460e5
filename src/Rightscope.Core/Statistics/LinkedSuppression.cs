namespace Rightscope.Core.Statistics;

/// <summary>A count that two published tables both show, e.g. a stage's total in a breakdown and in the overall table.</summary>
public readonly record struct TableLink(int Table, TablePosition Position, int OtherTable, TablePosition OtherPosition);

/// <summary>
/// Suppression of tables published together: a count one table withholds is withheld wherever another table shows
/// it too, and each table is suppressed again with what it must now withhold, until nothing changes. Without this, a
/// total withheld in one table could be read from another, and a suppressed cell recovered from it.
/// </summary>
public static class LinkedSuppression
{
    public static IReadOnlyList<SuppressedTable> Apply(IReadOnlyList<CountTable> tables, IReadOnlyList<TableLink> links, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(links);
        var forced = tables.Select(_ => new HashSet<TablePosition>()).ToList();
        while (true)
        {
            var results = tables.Select((table, i) => SmallCellSuppression.Apply(table, threshold, forced[i])).ToList();
            var changed = false;
            foreach (var link in links)
            {
                changed |= Carry(results, forced, link.Table, link.Position, link.OtherTable, link.OtherPosition);
                changed |= Carry(results, forced, link.OtherTable, link.OtherPosition, link.Table, link.Position);
            }

            if (!changed)
            {
                return results;
            }
        }
    }

    private static bool Carry(List<SuppressedTable> results, List<HashSet<TablePosition>> forced, int from, TablePosition at, int to, TablePosition onto) =>
        results[from].At(at).IsSuppressed && !results[to].At(onto).IsSuppressed && forced[to].Add(onto);
}
