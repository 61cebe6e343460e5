namespace Rightscope.Core.Indicators;

/// <summary>How a composite index puts its components on one scale before weighting them.</summary>
public enum IndexNormalization
{
    /// <summary>Each component min–max normalized over the countries of the year, then the weighted mean.</summary>
    MinMax,

    /// <summary>
    /// Each component as a z-score over the countries of the year, the weighted mean of the z-scores, then that
    /// composite min–max normalized over the countries (the method of the UN e-government development index).
    /// </summary>
    ZScoreMinMax,
}

/// <summary>What happens to a country and year that lack a value for some components (declared per index).</summary>
public enum MissingComponentRule
{
    /// <summary>No index value unless every component has a value.</summary>
    Exclude,

    /// <summary>
    /// The weighted mean of the components that have a value, their weights rescaled to sum to one, when at least
    /// <see cref="CompositeIndexDefinition.MinComponents"/> of them do; no value otherwise.
    /// </summary>
    Reweight,
}

/// <summary>A component of a composite index: an indicator, its weight (positive) and its direction.</summary>
public sealed record IndexComponent(string IndicatorKey, double Weight, bool HigherIsBetter);

/// <summary>
/// A composite index declared as data (<c>catalog/indices/*.yaml</c>). Its values are on a 0–1 scale (1 the best
/// country of the year); pages show them with three decimals.
/// </summary>
public sealed record CompositeIndexDefinition(
    string Key,
    BilingualText Name,
    BilingualText Description,
    IndexNormalization Normalization,
    IReadOnlyList<IndexComponent> Components,
    MissingComponentRule Missing,
    int MinComponents,
    string Source)
{
    /// <summary>Whether the weights are all equal, so that the index is the plain mean of the normalized components.</summary>
    public bool EqualWeights => Components.Select(c => c.Weight).Distinct().Count() <= 1;
}
