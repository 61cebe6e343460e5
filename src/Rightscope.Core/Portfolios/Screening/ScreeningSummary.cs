namespace Rightscope.Core.Portfolios.Screening;

/// <summary>
/// Market value summed per currency, in minor units: there is no FX conversion, so amounts in different currencies
/// are never added together. <see cref="WithoutValue"/> counts holdings that gave no market value or no currency.
/// </summary>
public sealed record MoneyTotals(IReadOnlyDictionary<string, decimal> ByCurrency, int WithoutValue)
{
    public static readonly MoneyTotals Zero = new(new SortedDictionary<string, decimal>(StringComparer.Ordinal), 0);

    public decimal In(string currency) => ByCurrency.TryGetValue(currency, out var minor) ? minor : 0;

    /// <summary>The currencies other than <paramref name="baseCurrency"/>, in code order.</summary>
    public IEnumerable<KeyValuePair<string, decimal>> Others(string baseCurrency) =>
        ByCurrency.Where(c => !string.Equals(c.Key, baseCurrency, StringComparison.Ordinal));
}

/// <summary>How many holdings, their weight (percent) and their market value.</summary>
public sealed record Totals(int Count, double Weight, MoneyTotals Value)
{
    public static readonly Totals Zero = new(0, 0, MoneyTotals.Zero);

    public static Totals Of(IEnumerable<ScreeningHolding> holdings)
    {
        var count = 0;
        var weight = 0.0;
        var without = 0;
        var byCurrency = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var holding in holdings)
        {
            count++;
            weight += holding.WeightOrZero;
            if (holding.MarketValueMinor is { } minor && !string.IsNullOrEmpty(holding.Currency))
            {
                var code = holding.Currency.ToUpperInvariant();
                byCurrency[code] = byCurrency.GetValueOrDefault(code) + minor;
            }
            else
            {
                without++;
            }
        }

        return new Totals(count, weight, new MoneyTotals(byCurrency, without));
    }
}

/// <summary>A row of a breakdown by tier: its key (an exposure type, a technology category; null for none) and one total per tier.</summary>
public sealed record TierBreakdown<TKey>(TKey Key, IReadOnlyDictionary<TierBucket, Totals> ByTier)
{
    public Totals this[TierBucket tier] => ByTier[tier];
}

/// <summary>An assessed holding whose review date has passed.</summary>
public sealed record OverdueHolding(ScreeningHolding Holding, DateOnly DueOn);

/// <summary>
/// The screening of a snapshot's holdings (after filters): totals per tier (weight and market value at risk),
/// per exposure type × tier, per technology category × tier, the unassessed holdings and the overdue reviews.
/// </summary>
public sealed record ScreeningSummary(
    Totals All,
    IReadOnlyDictionary<TierBucket, Totals> ByTier,
    IReadOnlyList<TierBreakdown<int?>> ByExposure,
    IReadOnlyList<TierBreakdown<string?>> ByTechnology,
    IReadOnlyList<ScreeningHolding> Unassessed,
    IReadOnlyList<OverdueHolding> Overdue)
{
    public static readonly IReadOnlyList<TierBucket> Tiers = [TierBucket.Tier1, TierBucket.Tier2, TierBucket.Tier3, TierBucket.Unassessed];

    /// <summary>Exposure types in the order shown, null (not known) last.</summary>
    public static readonly IReadOnlyList<int?> ExposureTypes = [1, 2, 3, null];

    /// <summary>
    /// Summarizes <paramref name="holdings"/>. A holding with several technology categories counts once in each of
    /// them, so the technology rows may add up to more than the total; holdings with none are in a row of their own
    /// (key null), so every holding is in at least one row.
    /// </summary>
    public static ScreeningSummary Of(IReadOnlyList<ScreeningHolding> holdings, ScreeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(options);
        var byExposure = ExposureTypes
            .Select(type => new TierBreakdown<int?>(type, PerTier(holdings.Where(h => (h.ExposureType is 1 or 2 or 3 ? h.ExposureType : null) == type))))
            .ToList();
        var technologies = holdings.SelectMany(h => h.Technologies).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var byTechnology = technologies
            .Select(key => new TierBreakdown<string?>(key, PerTier(holdings.Where(h => h.Technologies.Contains(key, StringComparer.Ordinal)))))
            .ToList();
        var withoutTechnology = holdings.Where(h => h.Technologies.Count == 0).ToList();
        if (withoutTechnology.Count > 0)
        {
            byTechnology.Add(new TierBreakdown<string?>(null, PerTier(withoutTechnology)));
        }

        var overdue = holdings
            .Select(h => options.ReviewDue(h) is { } due ? new OverdueHolding(h, due) : null)
            .OfType<OverdueHolding>()
            .OrderBy(o => o.DueOn).ThenBy(o => o.Holding.Line)
            .ToList();
        return new ScreeningSummary(
            Totals.Of(holdings),
            PerTier(holdings),
            byExposure,
            byTechnology,
            [.. holdings.Where(h => h.Bucket == TierBucket.Unassessed).OrderByDescending(h => h.WeightOrZero).ThenBy(h => h.Line)],
            overdue);
    }

    private static Dictionary<TierBucket, Totals> PerTier(IEnumerable<ScreeningHolding> holdings)
    {
        var groups = holdings.GroupBy(h => h.Bucket).ToDictionary(g => g.Key, g => Totals.Of(g));
        return Tiers.ToDictionary(t => t, t => groups.GetValueOrDefault(t) ?? Totals.Zero);
    }
}
