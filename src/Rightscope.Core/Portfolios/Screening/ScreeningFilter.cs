namespace Rightscope.Core.Portfolios.Screening;

/// <summary>
/// Which holdings the dashboard looks at; every criterion left null or false lets all holdings through, and the
/// criteria combine with "and".
/// </summary>
public sealed record ScreeningFilter(
    TierBucket? Tier = null,
    int? ExposureType = null,
    string? Technology = null,
    string? Country = null,
    bool UnassessedOnly = false,
    bool OverdueOnly = false)
{
    public static readonly ScreeningFilter None = new();

    public bool IsEmpty => this == None;

    public IEnumerable<ScreeningHolding> Apply(IEnumerable<ScreeningHolding> holdings, ScreeningOptions options) =>
        holdings.Where(h => Matches(h, options));

    public bool Matches(ScreeningHolding holding, ScreeningOptions options) =>
        (Tier is null || holding.Bucket == Tier)
        && (ExposureType is null || holding.ExposureType == ExposureType)
        && (Technology is null || holding.Technologies.Contains(Technology, StringComparer.Ordinal))
        && (Country is null || string.Equals(holding.Country, Country, StringComparison.OrdinalIgnoreCase))
        && (!UnassessedOnly || holding.Bucket == TierBucket.Unassessed)
        && (!OverdueOnly || options.ReviewDue(holding) is not null);
}

/// <summary>The day screening is done and after how many months an approved assessment is due for review.</summary>
public sealed record ScreeningOptions(DateOnly Today, int ReviewAfterMonths = ScreeningOptions.DefaultReviewAfterMonths)
{
    public const int DefaultReviewAfterMonths = 12;

    /// <summary>
    /// The date an assessed holding's review fell due, when it has passed (null otherwise, and for the unassessed):
    /// <see cref="ReviewAfterMonths"/> after approval, or the approver's own review date when that is earlier — the
    /// earlier one wins because a late review leaves people at risk longer.
    /// </summary>
    public DateOnly? ReviewDue(ScreeningHolding holding)
    {
        if (holding.Bucket == TierBucket.Unassessed || holding.AssessedOn is not { } assessed)
        {
            return null;
        }

        var due = assessed.AddMonths(ReviewAfterMonths);
        if (holding.NextReviewOn is { } next && next < due)
        {
            due = next;
        }

        return due < Today ? due : null;
    }
}
