namespace Rightscope.Core.Benchmark;

/// <summary>A company's place: rank (ties share the better rank, the next rank skips: 1, 2, 2, 4) and change since the previous edition.</summary>
public sealed record RankedCompany(string Company, double? Total, int? Rank, double? PreviousTotal, double? Change);

public static class BenchmarkRanking
{
    /// <summary>
    /// Ranks by total, best first; companies without a total come last, unranked. Ties are decided on the total
    /// rounded to <paramref name="decimals"/> places, as shown, so two equal-looking totals never get different ranks.
    /// Order among equals is by company name (ordinal) so the result never depends on input order.
    /// </summary>
    public static IReadOnlyList<RankedCompany> Rank(
        IEnumerable<(string Company, double? Total)> companies, IReadOnlyDictionary<string, double?> previous, int decimals = 1)
    {
        var ordered = companies
            .Select(c => (c.Company, c.Total, Shown: c.Total is { } t ? Math.Round(t, decimals, MidpointRounding.AwayFromZero) : (double?)null))
            .OrderBy(c => c.Shown is null)
            .ThenByDescending(c => c.Shown ?? 0)
            .ThenBy(c => c.Company, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<RankedCompany>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (company, total, shown) = ordered[i];
            int? rank = null;
            if (shown is not null)
            {
                rank = i > 0 && ordered[i - 1].Shown == shown ? ranked[i - 1].Rank : i + 1;
            }

            var before = previous.TryGetValue(company, out var p) ? p : null;
            ranked.Add(new RankedCompany(company, total, rank, before, total is { } now && before is { } then ? now - then : null));
        }

        return ranked;
    }
}
