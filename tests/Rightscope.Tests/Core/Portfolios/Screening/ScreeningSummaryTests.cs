using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Portfolios.Screening;

namespace Rightscope.Tests.Core.Portfolios.Screening;

/// <summary>The screening summary, filters, overdue reviews and changes between snapshots.</summary>
public sealed class ScreeningSummaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly ScreeningOptions Options = new(Today);

    private static ScreeningHolding Row(
        string name, double? weight, int? tier, long? value = 100_00, string? currency = "EUR", int? exposure = 1,
        string[]? technologies = null, DateOnly? assessed = null, string? country = "DE", int line = 2, DateOnly? nextReview = null) =>
        new($"name:{name}", line, null, name, weight, value, currency, exposure, technologies ?? [], tier, tier is null ? null : assessed ?? Today.AddMonths(-1), country, nextReview);

    [Fact]
    public void Totals_are_split_by_tier_with_market_value_per_currency_and_never_converted()
    {
        var summary = ScreeningSummary.Of(
        [
            Row("a", 10, 1, 1_000_00, "EUR"),
            Row("b", 20, 3, 2_000_00, "EUR"),
            Row("c", 30, 3, 500, "JPY"),
            Row("d", 40, null, null, null),
        ], Options);

        Assert.Equal((4, 100.0), (summary.All.Count, summary.All.Weight));
        Assert.Equal(3_000_00m, summary.All.Value.In("EUR"));
        Assert.Equal(500m, summary.All.Value.In("JPY"));
        Assert.Equal(1, summary.All.Value.WithoutValue);
        Assert.Equal(["JPY"], summary.All.Value.Others("EUR").Select(c => c.Key));
        Assert.Equal((2, 50.0), (summary.ByTier[TierBucket.Tier3].Count, summary.ByTier[TierBucket.Tier3].Weight));
        Assert.Equal(2_000_00m, summary.ByTier[TierBucket.Tier3].Value.In("EUR"));
        Assert.Equal(500m, summary.ByTier[TierBucket.Tier3].Value.In("JPY"));
        Assert.Equal((0, 0.0), (summary.ByTier[TierBucket.Tier2].Count, summary.ByTier[TierBucket.Tier2].Weight));
        Assert.Equal(["d"], summary.Unassessed.Select(h => h.Name));
    }

    [Fact]
    public void Exposure_types_and_technologies_are_broken_down_by_tier()
    {
        var summary = ScreeningSummary.Of(
        [
            Row("a", 10, 1, exposure: 1, technologies: ["spyware", "biometrics"]),
            Row("b", 20, 3, exposure: 2, technologies: ["spyware"]),
            Row("c", 30, null, exposure: null),
            Row("d", 5, 2, exposure: 7),
        ], Options);

        Assert.Equal([1, 2, 3, null], summary.ByExposure.Select(e => e.Key));
        Assert.Equal(1, summary.ByExposure[0][TierBucket.Tier1].Count);
        Assert.Equal(20.0, summary.ByExposure[1][TierBucket.Tier3].Weight);
        // An unknown exposure type counts as not known.
        Assert.Equal((30.0, 5.0), (summary.ByExposure[3][TierBucket.Unassessed].Weight, summary.ByExposure[3][TierBucket.Tier2].Weight));

        Assert.Equal(["biometrics", "spyware", null], summary.ByTechnology.Select(t => t.Key));
        var spyware = summary.ByTechnology[1];
        Assert.Equal((1, 10.0, 1, 20.0), (spyware[TierBucket.Tier1].Count, spyware[TierBucket.Tier1].Weight, spyware[TierBucket.Tier3].Count, spyware[TierBucket.Tier3].Weight));
        Assert.Equal(2, summary.ByTechnology[2].ByTier.Values.Sum(t => t.Count));
    }

    [Fact]
    public void A_review_is_overdue_after_the_set_months_or_the_approvers_earlier_date()
    {
        var holdings = new[]
        {
            Row("fresh", 1, 1, assessed: Today.AddMonths(-11)),
            Row("old", 1, 2, assessed: Today.AddMonths(-13)),
            Row("due-today", 1, 2, assessed: Today.AddMonths(-12)),
            Row("approver-said-sooner", 1, 3, assessed: Today.AddMonths(-2), nextReview: Today.AddDays(-1)),
            Row("approver-said-later", 1, 3, assessed: Today.AddMonths(-14), nextReview: Today.AddYears(1)),
            Row("unassessed", 1, null),
        };

        var overdue = ScreeningSummary.Of(holdings, Options).Overdue;
        // Longest overdue first.
        Assert.Equal(["approver-said-later", "old", "approver-said-sooner"], overdue.Select(o => o.Holding.Name));
        Assert.Equal(Today.AddMonths(-1), overdue.Single(o => o.Holding.Name == "old").DueOn);

        var sixMonths = ScreeningSummary.Of(holdings, new ScreeningOptions(Today, 6)).Overdue.Select(o => o.Holding.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["approver-said-later", "approver-said-sooner", "due-today", "fresh", "old"], sixMonths);
    }

    [Fact]
    public void Filters_combine_and_select_the_matching_holdings()
    {
        var holdings = new[]
        {
            Row("a", 10, 1, exposure: 1, technologies: ["spyware"], country: "DE"),
            Row("b", 20, 3, exposure: 2, technologies: ["spyware"], country: "US"),
            Row("c", 30, null, exposure: 1, country: "us"),
            Row("d", 40, 3, exposure: 1, assessed: Today.AddYears(-2), country: "US"),
        };
        string[] Names(ScreeningFilter filter) => [.. filter.Apply(holdings, Options).Select(h => h.Name)];

        Assert.Equal(["a", "b", "c", "d"], Names(ScreeningFilter.None));
        Assert.Equal(["b", "d"], Names(new ScreeningFilter(Tier: TierBucket.Tier3)));
        Assert.Equal(["d"], Names(new ScreeningFilter(Tier: TierBucket.Tier3, ExposureType: 1)));
        Assert.Equal(["a", "b"], Names(new ScreeningFilter(Technology: "spyware")));
        Assert.Equal(["b", "c", "d"], Names(new ScreeningFilter(Country: "US")));
        Assert.Equal(["c"], Names(new ScreeningFilter(UnassessedOnly: true)));
        Assert.Equal(["d"], Names(new ScreeningFilter(OverdueOnly: true)));
        Assert.Empty(Names(new ScreeningFilter(UnassessedOnly: true, OverdueOnly: true)));
    }

    [Fact]
    public void Changes_name_added_removed_reweighted_and_retiered_holdings()
    {
        var previous = new[] { Row("kept", 10, 1), Row("moved", 20, 1), Row("sold", 30, 2), Row("retiered", 40, 1), Row("nudged", 5, 1) };
        var current = new[] { Row("kept", 10, 1), Row("moved", 25, 1), Row("bought", 35, null), Row("retiered", 40, 3), Row("nudged", 5.001, 1) };

        var changes = SnapshotChanges.Compare(previous, current);

        Assert.Equal(["bought"], changes.Added.Select(c => c.Name));
        Assert.Equal(["sold"], changes.Removed.Select(c => c.Name));
        Assert.Equal(["moved"], changes.WeightChanged.Select(c => c.Name));
        Assert.Equal(5, changes.WeightChanged[0].WeightDelta, 9);
        var retiered = Assert.Single(changes.TierChanged);
        Assert.Equal(("retiered", TierBucket.Tier1, TierBucket.Tier3), (retiered.Name, retiered.PreviousTier!.Value, retiered.CurrentTier!.Value));
        Assert.True(SnapshotChanges.Compare(current, current).IsEmpty);
    }

    [Fact]
    public void Two_lines_of_one_company_are_one_position_in_the_changes()
    {
        var company = Guid.CreateVersion7();
        var identity = HoldingIdentity.Of(company, "US0000000001", null, null, "Class A");
        ScreeningHolding Share(string name, double weight, int line) => new(identity, line, company, name, weight, null, null, 1, [], 1, Today, "US");

        var changes = SnapshotChanges.Compare([Share("Class A", 5, 2), Share("Class C", 5, 3)], [Share("Class A", 10, 2)]);

        Assert.True(changes.IsEmpty);
        Assert.Equal($"company:{company:N}", identity);
        Assert.Equal("isin:US0000000001", HoldingIdentity.Of(null, " us0000000001 ", "LEI", "T", "Name"));
        Assert.Equal("name:ACME", HoldingIdentity.Of(null, null, null, " ", "acme"));
    }

    public static class Generators
    {
        private static readonly string[] Technologies = ["spyware", "biometrics", "facial-recognition"];
        private static readonly string[] Countries = ["DE", "US", "CN"];
        private static readonly string[] Currencies = ["EUR", "USD", "JPY"];

        private static Gen<ScreeningHolding> Holding(int names) =>
            from name in Gen.Choose(0, names)
            from weight in Gen.Choose(0, 10_000)
            from hasWeight in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
            from value in Gen.Choose(0, 1_000_000)
            from currency in Gen.Elements(Currencies)
            from tier in Gen.Choose(0, 4)
            from exposure in Gen.Choose(0, 3)
            from technologies in Gen.SubListOf(Technologies)
            from months in Gen.Choose(0, 30)
            from country in Gen.Elements(Countries)
            from line in Gen.Choose(2, 10_000)
            select new ScreeningHolding(
                $"name:h{name}", line, null, $"h{name}", hasWeight ? weight / 100.0 : null, value, currency, exposure == 0 ? null : exposure,
                [.. technologies], tier is >= 1 and <= 3 ? tier : null, Today.AddMonths(-months), country);

        public static Arbitrary<ScreeningHolding[]> Portfolios() => Arb.From(Gen.ArrayOf(Holding(40)));

        public static Arbitrary<ScreeningFilter> Filters() => Arb.From(
            from tier in Gen.Choose(0, 4)
            from exposure in Gen.Choose(0, 3)
            from technology in Gen.Elements<string?>([null, .. Technologies])
            from country in Gen.Elements<string?>([null, .. Countries])
            from unassessed in Gen.Elements(true, false)
            from overdue in Gen.Elements(true, false)
            select new ScreeningFilter(tier == 0 ? null : (TierBucket)tier, exposure == 0 ? null : exposure, technology, country, unassessed, overdue));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property Per_tier_counts_weights_and_values_add_up_to_the_totals(ScreeningHolding[] holdings)
    {
        var summary = ScreeningSummary.Of(holdings, Options);
        var tiers = summary.ByTier.Values.ToList();
        var exposure = summary.ByExposure.SelectMany(e => e.ByTier.Values).ToList();
        return (tiers.Sum(t => t.Count) == summary.All.Count
                && summary.All.Count == holdings.Length
                && Math.Abs(tiers.Sum(t => t.Weight) - summary.All.Weight) < 1e-6
                && exposure.Sum(t => t.Count) == summary.All.Count
                && Math.Abs(exposure.Sum(t => t.Weight) - summary.All.Weight) < 1e-6
                && summary.All.Value.ByCurrency.All(c => tiers.Sum(t => t.Value.In(c.Key)) == c.Value)
                && summary.Unassessed.Count == summary.ByTier[TierBucket.Unassessed].Count
                && summary.ByTechnology.Sum(t => t.ByTier.Values.Sum(v => v.Count)) >= summary.All.Count)
            .Label($"{summary.All.Count} holdings");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property Filtering_never_increases_any_total(ScreeningHolding[] holdings, ScreeningFilter filter)
    {
        var all = ScreeningSummary.Of(holdings, Options);
        var filtered = ScreeningSummary.Of([.. filter.Apply(holdings, Options)], Options);
        return (filtered.All.Count <= all.All.Count
                && filtered.All.Weight <= all.All.Weight + 1e-9
                && ScreeningSummary.Tiers.All(t => filtered.ByTier[t].Count <= all.ByTier[t].Count && filtered.ByTier[t].Weight <= all.ByTier[t].Weight + 1e-9)
                && filtered.All.Value.ByCurrency.All(c => c.Value <= all.All.Value.In(c.Key))
                && filtered.Overdue.Count <= all.Overdue.Count
                && filtered.Unassessed.Count <= all.Unassessed.Count)
            .Label($"{filter}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property Added_and_removed_are_disjoint_and_are_the_set_differences(ScreeningHolding[] previous, ScreeningHolding[] current)
    {
        var changes = SnapshotChanges.Compare(previous, current);
        var before = previous.Select(h => h.Identity).ToHashSet(StringComparer.Ordinal);
        var after = current.Select(h => h.Identity).ToHashSet(StringComparer.Ordinal);
        var added = changes.Added.Select(c => c.Identity).ToHashSet(StringComparer.Ordinal);
        var removed = changes.Removed.Select(c => c.Identity).ToHashSet(StringComparer.Ordinal);
        var kept = changes.WeightChanged.Concat(changes.TierChanged).Select(c => c.Identity).ToHashSet(StringComparer.Ordinal);
        return (!added.Overlaps(removed)
                && added.SetEquals(after.Except(before))
                && removed.SetEquals(before.Except(after))
                && kept.IsSubsetOf(before.Intersect(after))
                && changes.Added.Count == added.Count
                && changes.WeightChanged.All(c => Math.Abs(c.WeightDelta) > SnapshotChanges.DefaultWeightEpsilon))
            .Label($"+{added.Count} -{removed.Count}");
    }
}
