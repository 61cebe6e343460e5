using Rightscope.Core.Remedy;
using Rightscope.Core.Statistics;

namespace Rightscope.Core.Indicators;

/// <summary>
/// The clear triage metadata of one grievance case that statistics may use: the year received, the violation types
/// (none is "not recorded"), the country, the affected groups, whether it is an incident against a human rights
/// defender, and the coarse victim profile (perpetrator type, sex, age band: the names of <see cref="PerpetratorType"/>,
/// <see cref="VictimSex"/> and <see cref="AgeBand"/>); null is "not recorded". <see cref="Cases"/> is how many cases
/// share exactly these values: the database groups identical cases, so 200,000 cases arrive as a few thousand records.
/// </summary>
public sealed record CaseRecord(
    int Year,
    IReadOnlyList<string> ViolationTypes,
    string? Country,
    IReadOnlyList<string> Groups,
    bool Defender,
    string? Perpetrator = null,
    string? Sex = null,
    string? AgeBand = null,
    int Cases = 1);

/// <summary>A row dimension of the statistics tables; every table has the year as its columns.</summary>
public enum StatisticsDimension
{
    ViolationType,
    Country,
    Group,
    Perpetrator,
    Sex,
    AgeBand,
}

/// <summary>Whose counts a table holds: every case, or only incidents against human rights defenders.</summary>
public enum StatisticsPopulation
{
    Cases,
    DefenderIncidents,
}

/// <summary>
/// A published table: rows (<see cref="Keys"/>, null meaning "not recorded") × <see cref="Years"/>, already suppressed.
/// When <see cref="Overlapping"/> (a case with several groups or violation types counts in each), the table's own
/// margins are not totals of cases and are not published; <see cref="CaseTotals"/> (the cases per year, then all
/// years, each case once) is, suppressed exactly as the margins of the other tables.
/// </summary>
public sealed record StatisticsTable(
    StatisticsPopulation Population,
    StatisticsDimension By,
    IReadOnlyList<string?> Keys,
    IReadOnlyList<int> Years,
    SuppressedTable Table,
    bool Overlapping,
    IReadOnlyList<PublishedCount> CaseTotals);

/// <summary>
/// SDG 16.10.1-style tables of cases and of defender incidents by violation type, country, group, perpetrator type,
/// sex and age band, per year, with small-cell and complementary suppression (<see cref="LinkedSuppression"/>): every
/// table publishes the same yearly totals of cases — the additive ones as their margins, the overlapping ones (groups,
/// violation types) beside their rows — so a total withheld in one is withheld in all.
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

            // The cases per year as a table of one row, published beside the overlapping tables and linked to the
            // margins of the others.
            var totals = new int[1, years.Count];
            foreach (var record in chosen)
            {
                totals[0, IndexOf(years, record.Year)] += record.Cases;
            }

            shapes.Add(([null], CountTable.TwoWay(totals), false));
            var totalsIndex = shapes.Count - 1;
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
            var caseTotals = Enumerable.Range(0, years.Count + 1).Select(c => suppressed[totalsIndex].At(new TablePosition(1, c))).ToList();
            for (var i = 0; i < dimensions.Count; i++)
            {
                result.Add(new StatisticsTable(population, dimensions[i], shapes[i].Keys, years, suppressed[i], shapes[i].Overlapping, caseTotals));
            }
        }

        return result;
    }

    private static (IReadOnlyList<string?> Keys, CountTable Counts, bool Overlapping) Shape(
        List<CaseRecord> records, StatisticsDimension by, IReadOnlyList<int> years, IReadOnlyList<string> violationTypes)
    {
        IEnumerable<string?> KeysOf(CaseRecord record) => by switch
        {
            StatisticsDimension.ViolationType => Several(record.ViolationTypes),
            StatisticsDimension.Country => new[] { record.Country },
            StatisticsDimension.Perpetrator => new[] { record.Perpetrator },
            StatisticsDimension.Sex => new[] { record.Sex },
            StatisticsDimension.AgeBand => new[] { record.AgeBand },
            _ => Several(record.Groups),
        };

        // Fixed code lists keep every row, empty or not, so a table's shape never tells which values occurred.
        IReadOnlyList<string>? fixedKeys = by switch
        {
            StatisticsDimension.ViolationType => violationTypes,
            StatisticsDimension.Perpetrator => Enum.GetNames<PerpetratorType>(),
            StatisticsDimension.Sex => Enum.GetNames<VictimSex>(),
            StatisticsDimension.AgeBand => Enum.GetNames<AgeBand>(),
            _ => null,
        };
        List<string?> keys = fixedKeys is not null
            ? [.. fixedKeys, null]
            : [.. records.SelectMany(KeysOf).Where(k => k is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (fixedKeys is null && (keys.Count == 0 || records.Any(r => KeysOf(r).Contains(null))))
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
                grid[row < 0 ? keys.Count - 1 : row, column] += record.Cases;
            }
        }

        return (keys, CountTable.TwoWay(grid), by is StatisticsDimension.Group or StatisticsDimension.ViolationType);
    }

    private static IEnumerable<string?> Several(IReadOnlyList<string> keys) =>
        keys.Count == 0 ? [null] : keys.Distinct(StringComparer.Ordinal).Select(k => (string?)k);

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
