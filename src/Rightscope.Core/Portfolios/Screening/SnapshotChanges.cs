namespace Rightscope.Core.Portfolios.Screening;

/// <summary>
/// How a holding differs between two snapshots. Weights are summed per <see cref="ScreeningHolding.Identity"/>
/// (two share classes of one company are one position); null on the side where the holding is absent.
/// </summary>
public sealed record HoldingChange(
    string Identity,
    string Name,
    Guid? CompanyId,
    double? PreviousWeight,
    double? CurrentWeight,
    TierBucket? PreviousTier,
    TierBucket? CurrentTier)
{
    public double WeightDelta => (CurrentWeight ?? 0) - (PreviousWeight ?? 0);
}

/// <summary>
/// What changed from the previous snapshot to the current one: holdings added, removed, those whose weight moved by
/// more than <see cref="DefaultWeightEpsilon"/> percentage points, and those whose tier differs from the tier they had
/// on the previous snapshot's date (when the caller gives the previous rows with that tier).
/// </summary>
public sealed record SnapshotChanges(
    IReadOnlyList<HoldingChange> Added,
    IReadOnlyList<HoldingChange> Removed,
    IReadOnlyList<HoldingChange> WeightChanged,
    IReadOnlyList<HoldingChange> TierChanged)
{
    /// <summary>Weights are percent with few decimals in the files; smaller moves are rounding, not trades.</summary>
    public const double DefaultWeightEpsilon = 0.005;

    public static readonly SnapshotChanges None = new([], [], [], []);

    public bool IsEmpty => Added.Count + Removed.Count + WeightChanged.Count + TierChanged.Count == 0;

    public static SnapshotChanges Compare(IEnumerable<ScreeningHolding> previous, IEnumerable<ScreeningHolding> current, double weightEpsilon = DefaultWeightEpsilon)
    {
        var before = Positions(previous);
        var after = Positions(current);
        var added = after.Values.Where(p => !before.ContainsKey(p.Identity))
            .Select(p => new HoldingChange(p.Identity, p.Name, p.CompanyId, null, p.Weight, null, p.Tier)).ToList();
        var removed = before.Values.Where(p => !after.ContainsKey(p.Identity))
            .Select(p => new HoldingChange(p.Identity, p.Name, p.CompanyId, p.Weight, null, p.Tier, null)).ToList();
        var kept = after.Values.Where(p => before.ContainsKey(p.Identity))
            .Select(p => (Before: before[p.Identity], After: p))
            .Select(pair => new HoldingChange(pair.After.Identity, pair.After.Name, pair.After.CompanyId, pair.Before.Weight, pair.After.Weight, pair.Before.Tier, pair.After.Tier))
            .ToList();
        return new SnapshotChanges(
            [.. added.OrderByDescending(c => c.CurrentWeight).ThenBy(c => c.Identity, StringComparer.Ordinal)],
            [.. removed.OrderByDescending(c => c.PreviousWeight).ThenBy(c => c.Identity, StringComparer.Ordinal)],
            [.. kept.Where(c => Math.Abs(c.WeightDelta) > weightEpsilon).OrderByDescending(c => Math.Abs(c.WeightDelta)).ThenBy(c => c.Identity, StringComparer.Ordinal)],
            [.. kept.Where(c => c.PreviousTier != c.CurrentTier).OrderByDescending(c => c.CurrentTier).ThenBy(c => c.Identity, StringComparer.Ordinal)]);
    }

    private sealed record Position(string Identity, string Name, Guid? CompanyId, double Weight, TierBucket Tier);

    private static Dictionary<string, Position> Positions(IEnumerable<ScreeningHolding> holdings)
    {
        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var holding in holdings.OrderBy(h => h.Line))
        {
            positions[holding.Identity] = positions.TryGetValue(holding.Identity, out var known)
                ? known with { Weight = known.Weight + holding.WeightOrZero, Tier = Worse(known.Tier, holding.Bucket) }
                : new Position(holding.Identity, holding.Name, holding.CompanyId, holding.WeightOrZero, holding.Bucket);
        }

        return positions;
    }

    // Holdings of one identity share a company and so a tier; if they ever differ, the riskier one is reported.
    private static TierBucket Worse(TierBucket a, TierBucket b) => (TierBucket)Math.Max((int)a, (int)b);
}
