using FsCheck.Xunit;
using Rightscope.Core.Transparency;

namespace Rightscope.Tests.Core.Transparency;

/// <summary>How the report combines the register's requests and imported aggregates (the rule on <see cref="TransparencyFigures"/>).</summary>
public sealed class TransparencyFiguresTests
{
    private static readonly string[] Countries = ["DE", "BR", "IN", CountryCodes.None];

    private static readonly TransparencyPeriod Year = TransparencyPeriod.OfYear(2024);

    private static readonly TransparencyPeriod H1 = TransparencyPeriod.OfHalf(2024, 1);

    private static readonly TransparencyPeriod H2 = TransparencyPeriod.OfHalf(2024, 2);

    private static CellKey Key(int seed) =>
        new(Countries[seed % Countries.Length], (RequestType)(seed / 4 % 2), (LegalProcess)(seed / 8 % 2));

    private static List<CountedRequest> Requests(int[] seeds) =>
        [.. seeds.Select(s => Math.Abs(s % 100_000)).Select(s => new CountedRequest(
            new DateOnly(2023, 12, 1).AddDays(s % 430), Key(s), s % 7, (RequestDecision)(s / 16 % 5)))];

    private static List<AggregateCount> Aggregates(int[] seeds)
    {
        var periods = new[] { Year, H1, H2, TransparencyPeriod.OfHalf(2023, 2) };
        return [.. seeds.Select(s => Math.Abs(s % 100_000))
            .Select(s => new AggregateCount(periods[s % 4], Key(s / 4), new RequestCounts(10 + s % 5, s % 11, 3, 2, 1, s % 2)))
            .DistinctBy(a => (a.Period, a.Key))];
    }

    [Property(MaxTest = 300)]
    public bool Totals_equal_the_sum_of_every_breakdown(int[] requestSeeds, int[] aggregateSeeds, bool half)
    {
        var figures = TransparencyFigures.Build(half ? H1 : Year, Requests(requestSeeds), Aggregates(aggregateSeeds));
        var t = figures.Totals;
        return t == RequestCounts.Sum(figures.Cells.Select(c => c.Counts))
            && t == RequestCounts.Sum(figures.ByCountry.Select(c => c.Counts))
            && t == RequestCounts.Sum(figures.ByType.Select(c => c.Counts))
            && t == RequestCounts.Sum(figures.ByProcess.Select(c => c.Counts))
            && t.Pending + t.Decided == t.Requests
            && figures.Cells.All(c => c.Counts.IsConsistent)
            && figures.Cells.Select(c => c.Key).Distinct().Count() == figures.Cells.Count;
    }

    [Property(MaxTest = 300)]
    public bool A_cell_with_both_is_counted_once_from_its_aggregate(int[] requestSeeds, int[] aggregateSeeds)
    {
        var requests = Requests(requestSeeds);
        var aggregates = Aggregates(aggregateSeeds);
        var figures = TransparencyFigures.Build(Year, requests, aggregates);
        foreach (var cell in figures.Cells)
        {
            var yearAggregate = aggregates.SingleOrDefault(a => a.Period == Year && a.Key == cell.Key);
            RequestCounts expected;
            if (yearAggregate is not null)
            {
                expected = yearAggregate.Counts;
            }
            else
            {
                expected = RequestCounts.Zero;
                foreach (var half in new[] { H1, H2 })
                {
                    var aggregate = aggregates.SingleOrDefault(a => a.Period == half && a.Key == cell.Key);
                    expected += aggregate?.Counts ?? RequestCounts.Sum(requests
                        .Where(r => r.Key == cell.Key && half.Contains(r.ReceivedOn))
                        .Select(r => RequestCounts.Of(r.Decision, r.AccountsSpecified)));
                }
            }

            if (cell.Counts != expected)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Recording_more_requests_in_a_cell_an_aggregate_covers_changes_nothing(int[] requestSeeds, int[] aggregateSeeds, int extra)
    {
        var aggregates = Aggregates(aggregateSeeds);
        if (aggregates.FirstOrDefault(a => a.Period == H1) is not { } covered)
        {
            return true;
        }

        var requests = Requests(requestSeeds);
        var before = TransparencyFigures.Build(H1, requests, aggregates);
        requests.Add(new CountedRequest(new DateOnly(2024, 3, 1), covered.Key, Math.Abs(extra % 50), RequestDecision.CompliedFully));
        var after = TransparencyFigures.Build(H1, requests, aggregates);
        return before.Totals == after.Totals && after.SupersededRequests == before.SupersededRequests + 1;
    }

    [Property(MaxTest = 200)]
    public bool Without_aggregates_a_year_is_the_sum_of_its_halves(int[] requestSeeds)
    {
        var requests = Requests(requestSeeds);
        var year = TransparencyFigures.Build(Year, requests, []);
        return year.Totals == TransparencyFigures.Build(H1, requests, []).Totals + TransparencyFigures.Build(H2, requests, []).Totals
            && year.Totals.Requests == requests.Count(r => r.ReceivedOn.Year == 2024);
    }

    [Fact]
    public void A_year_aggregate_is_not_split_into_a_half_year_report()
    {
        var key = new CellKey("DE", RequestType.UserData, LegalProcess.CourtOrder);
        var aggregates = new[] { new AggregateCount(Year, key, new RequestCounts(12, 20, 6, 2, 3, 0)) };
        var requests = new[] { new CountedRequest(new DateOnly(2024, 2, 1), key, 1, RequestDecision.Rejected) };

        var half = TransparencyFigures.Build(H1, requests, aggregates);
        Assert.Equal(1, half.Totals.Requests);
        Assert.Equal(1, half.UnusedYearAggregates);
        var year = TransparencyFigures.Build(Year, requests, aggregates);
        Assert.Equal(new RequestCounts(12, 20, 6, 2, 3, 0), year.Totals);
        Assert.Equal((CellSource.Aggregate, 1), (year.Cells.Single().Source, year.SupersededRequests));
        Assert.Equal(8.0 / 12, year.Totals.ShareSomeDataProduced);
    }

    [Fact]
    public void A_year_mixing_an_aggregated_half_and_a_counted_half_is_marked_mixed()
    {
        var key = new CellKey("BR", RequestType.ContentRemoval, LegalProcess.CourtOrder);
        var figures = TransparencyFigures.Build(
            Year,
            [new CountedRequest(new DateOnly(2024, 9, 1), key, 2, RequestDecision.CompliedPartially)],
            [new AggregateCount(H1, key, new RequestCounts(5, 9, 1, 1, 1, 1))]);
        var cell = Assert.Single(figures.Cells);
        Assert.Equal(CellSource.Mixed, cell.Source);
        Assert.Equal(new RequestCounts(6, 11, 1, 2, 1, 1), cell.Counts);
        Assert.Equal(1, cell.Counts.Pending);
    }

    [Fact]
    public void Two_aggregates_for_one_period_and_cell_are_refused()
    {
        var key = new CellKey("IN", RequestType.UserData, LegalProcess.Subpoena);
        var count = new RequestCounts(1, 1, 0, 0, 0, 0);
        Assert.Throws<ArgumentException>(() => TransparencyFigures.Build(Year, [], [new AggregateCount(H1, key, count), new AggregateCount(H1, key, count)]));
    }
}
