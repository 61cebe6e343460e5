namespace Rightscope.Core.Portfolios.Screening;

/// <summary>Where a holding stands in screening: its company's current tier, or not assessed (unmatched holdings included).</summary>
public enum TierBucket
{
    Tier1 = 1,
    Tier2 = 2,
    Tier3 = 3,
    Unassessed = 4,
}

/// <summary>
/// One holding of a snapshot as screening sees it: the holding's own figures, its registry company's exposure type,
/// technology categories and country, and the tier and date of the company's current approved assessment.
/// </summary>
/// <param name="Identity">What makes it the same holding in another snapshot (<see cref="HoldingIdentity.Of"/>).</param>
/// <param name="Weight">Percent of the portfolio; null counts as nothing in weight sums.</param>
/// <param name="MarketValueMinor">In minor units of <paramref name="Currency"/>.</param>
/// <param name="Tier">The current approved assessment's tier (1–3); null when none, which screening calls unassessed.</param>
/// <param name="NextReviewOn">The review date the approver set, if any.</param>
public sealed record ScreeningHolding(
    string Identity,
    int Line,
    Guid? CompanyId,
    string Name,
    double? Weight,
    long? MarketValueMinor,
    string? Currency,
    int? ExposureType,
    IReadOnlyList<string> Technologies,
    int? Tier,
    DateOnly? AssessedOn,
    string? Country,
    DateOnly? NextReviewOn = null)
{
    public TierBucket Bucket => Tier is >= 1 and <= 3 ? (TierBucket)Tier.Value : TierBucket.Unassessed;

    public double WeightOrZero => Weight is { } w && double.IsFinite(w) ? w : 0;
}

/// <summary>What identifies a holding across snapshots: its company when matched, else its first identifier, else its name.</summary>
public static class HoldingIdentity
{
    public static string Of(Guid? companyId, string? isin, string? lei, string? ticker, string? name) =>
        companyId is { } id ? $"company:{id:N}"
        : !string.IsNullOrWhiteSpace(isin) ? $"isin:{isin.Trim().ToUpperInvariant()}"
        : !string.IsNullOrWhiteSpace(lei) ? $"lei:{lei.Trim().ToUpperInvariant()}"
        : !string.IsNullOrWhiteSpace(ticker) ? $"ticker:{ticker.Trim().ToUpperInvariant()}"
        : $"name:{(name ?? "").Trim().ToUpperInvariant()}";
}
