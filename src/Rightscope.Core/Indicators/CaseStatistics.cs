using Rightscope.Core.Statistics;

namespace Rightscope.Core.Indicators;

/// <summary>
/// The clear triage metadata of one grievance case that statistics may use: the year received, the violation type,
/// the country, the affected groups and whether it is an incident against a human rights defender.
/// </summary>
public sealed record CaseRecord(int Year, string? ViolationType, string? Country, IReadOnlyList<string> Groups, bool Defender);

/// <summary>A row dimension of the statistics tables; every table has the year as its columns.</summary>
public enum StatisticsDimension
{
    ViolationType,
    Country,
    Group,
}

/// <summary>Whose counts a table holds: every case, or only incidents against human rights defenders.</summary>
public enum StatisticsPopulation
{
    Cases,
    DefenderIncidents,
}

/// <summary>
/// A published table: rows (<see cref="Keys"/>, null meaning "not recorded") × <see cref="Years"/>, already suppressed.
/// When <see cref="Overlapping"/> (a case with several groups counts in each), the margins are not totals of cases
/// and are not published.
/// </summary>
public sealed record StatisticsTable(
    StatisticsPopulation Population,
    StatisticsDimension By,
    IReadOnlyList<string?> Keys,
    IReadOnlyList<int> Years,
    SuppressedTable Table,
    bool Overlapping);

/// <summary>
/// SDG 16.10.1-style tables of cases and of defender incidents by violation type, country and group, per year, with
/// small-cell and complementary suppression (<see cref="LinkedSuppression"/>): the violation-type and country tables
/// of a population publish the same yearly totals, so a total withheld in one is withheld in the other.
/// </summary>
public static class CaseStatistics
{
    public static IReadOnlyList<StatisticsTable> Build(
        IReadOnlyList<CaseRecord> records,
        IReadOnlyList<int> years,
        IReadOnlyList<string> violationTypes,
        IReadOnlyList<StatisticsDimension> dimensions,
        int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(violationTypes);
        ArgumentNullException.ThrowIfNull(dimensions);
        if (years.Count == 0)
        {
            throw new ArgumentException("A table has at least one year.", nameof(years));
        }

        var result = new List<StatisticsTable>();
        foreach (var population in new[] { StatisticsPopulation.Cases, StatisticsPopulation.DefenderIncidents })
        {
            var chosen = records.Where(r => population == StatisticsPopulation.Cases || r.Defender).Where(r => years.Contains(r.Year)).ToList();
            var shapes = dimensions.Select(by => Shape(chosen, by, years, violationTypes)).ToList();
            var additive = shapes.Select((s, i) => (s, i)).Where(p => !p.s.Overlapping).Select(p => p.i).ToList();
            var links = new List<TableLink>();
            for (var a = 0; a < additive.Count; a++)
            {
                for (var b = a + 1; b < additive.Count; b++)
                {
                    var (x, y) = (shapes[additive[a]], shapes[additive[b]]);
                    for (var c = 0; c <= years.Count; c++)
                    {
                        links.Add(new TableLink(additive[a], new TablePosition(x.Keys.Count, c), additive[b], new TablePosition(y.Keys.Count, c)));
                    }
                }
            }

            var suppressed = LinkedSuppression.Apply([.. shapes.Select(s => s.Counts)], links, threshold);
            for (var i = 0; i < shapes.Count; i++)
            {
                result.Add(new StatisticsTable(population, dimensions[i], shapes[i].Keys, years, suppressed[i], shapes[i].Overlapping));
            }
        }

        return result;
    }

    private static (IReadOnlyList<string?> Keys, CountTable Counts, bool Overlapping) Shape(
        List<CaseRecord> records, StatisticsDimension by, IReadOnlyList<int> years, IReadOnlyList<string> violationTypes)
    {
        IEnumerable<string?> KeysOf(CaseRecord record) => by switch
        {
            StatisticsDimension.ViolationType => new[] { record.ViolationType },
            StatisticsDimension.Country => new[] { record.Country },
            _ => record.Groups.Count == 0 ? new string?[] { null } : record.Groups.Distinct(StringComparer.Ordinal).Select(g => (string?)g),
        };

        List<string?> keys = by switch
        {
            StatisticsDimension.ViolationType => [.. violationTypes, null],
            _ => [.. records.SelectMany(KeysOf).Where(k => k is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
        if (by != StatisticsDimension.ViolationType && (keys.Count == 0 || records.Any(r => KeysOf(r).Contains(null))))
        {
            keys.Add(null);
        }

        var grid = new int[keys.Count, years.Count];
        foreach (var record in records)
        {
            var column = IndexOf(years, record.Year);
            foreach (var key in KeysOf(record))
            {
                var row = keys.IndexOf(key);
                grid[row < 0 ? keys.Count - 1 : row, column]++;
            }
        }

        return (keys, CountTable.TwoWay(grid), by == StatisticsDimension.Group);
    }

    private static int IndexOf(IReadOnlyList<int> years, int year)
    {
        for (var i = 0; i < years.Count; i++)
        {
            if (years[i] == year)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(year));
    }
}
