namespace Rightscope.Core.Transparency;

/// <summary>One cell of a transparency report: the country (alpha-2 or <see cref="CountryCodes.None"/>), the request type and the legal process.</summary>
public readonly record struct CellKey(string Country, RequestType Type, LegalProcess Process);

/// <summary>
/// How many requests a cell, a breakdown or a whole report counts, how many accounts they specified and what was
/// decided; requests not yet decided are <see cref="Pending"/>.
/// </summary>
public sealed record RequestCounts(int Requests, int AccountsSpecified, int CompliedFully, int CompliedPartially, int Rejected, int ChallengedInCourt)
{
    public static RequestCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public int Decided => CompliedFully + CompliedPartially + Rejected + ChallengedInCourt;

    public int Pending => Requests - Decided;

    /// <summary>Requests where some data was produced or some content acted on: complied with fully or partially.</summary>
    public int SomeDataProduced => CompliedFully + CompliedPartially;

    /// <summary>The share of requests with some data produced, 0–1; null when there were no requests.</summary>
    public double? ShareSomeDataProduced => Requests == 0 ? null : (double)SomeDataProduced / Requests;

    /// <summary>Counts are never negative and the outcomes never exceed the requests.</summary>
    public bool IsConsistent =>
        Requests >= 0 && AccountsSpecified >= 0 && CompliedFully >= 0 && CompliedPartially >= 0 && Rejected >= 0 && ChallengedInCourt >= 0
        && (long)CompliedFully + CompliedPartially + Rejected + ChallengedInCourt <= Requests;

    /// <summary>The counts of one recorded request.</summary>
    public static RequestCounts Of(RequestDecision decision, int accountsSpecified) => new(
        1,
        accountsSpecified,
        decision == RequestDecision.CompliedFully ? 1 : 0,
        decision == RequestDecision.CompliedPartially ? 1 : 0,
        decision == RequestDecision.Rejected ? 1 : 0,
        decision == RequestDecision.ChallengedInCourt ? 1 : 0);

    public static RequestCounts operator +(RequestCounts a, RequestCounts b) => new(
        checked(a.Requests + b.Requests),
        checked(a.AccountsSpecified + b.AccountsSpecified),
        checked(a.CompliedFully + b.CompliedFully),
        checked(a.CompliedPartially + b.CompliedPartially),
        checked(a.Rejected + b.Rejected),
        checked(a.ChallengedInCourt + b.ChallengedInCourt));

    public static RequestCounts Sum(IEnumerable<RequestCounts> counts) => counts.Aggregate(Zero, (sum, c) => sum + c);
}

/// <summary>A government request of the register, as the report counts it.</summary>
public sealed record CountedRequest(DateOnly ReceivedOn, CellKey Key, int AccountsSpecified, RequestDecision Decision);

/// <summary>Counts loaded from a report the company published before (or any aggregate source), for one period and cell.</summary>
public sealed record AggregateCount(TransparencyPeriod Period, CellKey Key, RequestCounts Counts);

/// <summary>Where a cell's numbers come from.</summary>
public enum CellSource
{
    /// <summary>Counted from the register's requests.</summary>
    Requests,

    /// <summary>Taken from imported aggregate counts.</summary>
    Aggregate,

    /// <summary>A year whose halves come from different sources (one half aggregated, the other counted).</summary>
    Mixed,
}

/// <summary>One cell of a report, with the number of register requests left out because an aggregate already counts them.</summary>
public sealed record ReportCell(CellKey Key, RequestCounts Counts, CellSource Source, int SupersededRequests);

/// <summary>
/// The numbers of a transparency report for one period, combining the register's individual requests and imported
/// aggregate counts without counting anything twice. The rule, per cell (country × request type × legal process):
/// <list type="number">
/// <item>In a year report, an aggregate for the whole year and the cell is the cell's number; requests and half-year
/// aggregates of that year and cell are not added to it.</item>
/// <item>Otherwise each half-year of the period is counted on its own: an aggregate for that half and cell is the
/// number; if there is none, the register's requests received in that half and cell are counted.</item>
/// <item>A year aggregate cannot be split, so a half-year report does not use it (see <see cref="UnusedYearAggregates"/>).</item>
/// </list>
/// An aggregate is what the company published, which already includes the requests it was made from; the requests it
/// covers stay in the register and are reported as <see cref="ReportCell.SupersededRequests"/>.
/// </summary>
public sealed class TransparencyFigures
{
    private TransparencyFigures(TransparencyPeriod period, IReadOnlyList<ReportCell> cells, int unusedYearAggregates)
    {
        Period = period;
        Cells = cells;
        UnusedYearAggregates = unusedYearAggregates;
        Totals = RequestCounts.Sum(cells.Select(c => c.Counts));
    }

    public TransparencyPeriod Period { get; }

    /// <summary>The cells with at least one request or aggregate, by country, request type and legal process.</summary>
    public IReadOnlyList<ReportCell> Cells { get; }

    public RequestCounts Totals { get; }

    /// <summary>Register requests of the period not counted because an aggregate covers their cell.</summary>
    public int SupersededRequests => Cells.Sum(c => c.SupersededRequests);

    /// <summary>Year aggregates of the period's year left out of a half-year report.</summary>
    public int UnusedYearAggregates { get; }

    public IReadOnlyList<(string Country, RequestCounts Counts)> ByCountry =>
        [.. Cells.GroupBy(c => c.Key.Country, StringComparer.Ordinal)
            .Select(g => (g.Key, RequestCounts.Sum(g.Select(c => c.Counts))))
            .OrderByDescending(g => g.Item2.Requests).ThenBy(g => g.Key == CountryCodes.None).ThenBy(g => g.Key, StringComparer.Ordinal)];

    public IReadOnlyList<(RequestType Type, RequestCounts Counts)> ByType =>
        [.. Enum.GetValues<RequestType>().Select(t => (t, RequestCounts.Sum(Cells.Where(c => c.Key.Type == t).Select(c => c.Counts)))).Where(t => t.Item2.Requests > 0)];

    public IReadOnlyList<(LegalProcess Process, RequestCounts Counts)> ByProcess =>
        [.. Enum.GetValues<LegalProcess>().Select(p => (p, RequestCounts.Sum(Cells.Where(c => c.Key.Process == p).Select(c => c.Counts)))).Where(p => p.Item2.Requests > 0)];

    /// <summary>Builds the figures of <paramref name="period"/>; requests and aggregates of other periods are ignored.</summary>
    /// <exception cref="ArgumentException">Two aggregates have the same period and cell.</exception>
    public static TransparencyFigures Build(TransparencyPeriod period, IEnumerable<CountedRequest> requests, IEnumerable<AggregateCount> aggregates)
    {
        var byPeriodAndKey = new Dictionary<(TransparencyPeriod, CellKey), RequestCounts>();
        var unused = 0;
        foreach (var aggregate in aggregates)
        {
            if (!byPeriodAndKey.TryAdd((aggregate.Period, aggregate.Key), aggregate.Counts))
            {
                throw new ArgumentException($"Two aggregates for {aggregate.Period} and {aggregate.Key}.", nameof(aggregates));
            }

            if (!period.IsYear && aggregate.Period.IsYear && aggregate.Period.Year == period.Year)
            {
                unused++;
            }
        }

        var counted = requests.Where(r => period.Contains(r.ReceivedOn)).ToList();
        var keys = counted.Select(r => r.Key)
            .Concat(byPeriodAndKey.Keys.Where(k => period.Covers(k.Item1)).Select(k => k.Item2))
            .Distinct()
            .OrderBy(k => k.Country == CountryCodes.None).ThenBy(k => k.Country, StringComparer.Ordinal).ThenBy(k => k.Type).ThenBy(k => k.Process);
        var cells = new List<ReportCell>();
        foreach (var key in keys)
        {
            var inCell = counted.Where(r => r.Key == key).ToList();
            if (period.IsYear && byPeriodAndKey.TryGetValue((period, key), out var whole))
            {
                cells.Add(new ReportCell(key, whole, CellSource.Aggregate, inCell.Count));
                continue;
            }

            var sum = RequestCounts.Zero;
            var superseded = 0;
            var sources = new HashSet<CellSource>();
            foreach (var half in period.Halves)
            {
                var inHalf = inCell.Where(r => half.Contains(r.ReceivedOn)).ToList();
                if (byPeriodAndKey.TryGetValue((half, key), out var aggregate))
                {
                    sum += aggregate;
                    superseded += inHalf.Count;
                    sources.Add(CellSource.Aggregate);
                }
                else if (inHalf.Count > 0)
                {
                    sum += RequestCounts.Sum(inHalf.Select(r => RequestCounts.Of(r.Decision, r.AccountsSpecified)));
                    sources.Add(CellSource.Requests);
                }
            }

            if (sources.Count == 0)
            {
                // Only a year aggregate in a half-year report: nothing of it can be counted here.
                continue;
            }

            cells.Add(new ReportCell(key, sum, sources.Count > 1 ? CellSource.Mixed : sources.Single(), superseded));
        }

        return new TransparencyFigures(period, cells, unused);
    }
}
