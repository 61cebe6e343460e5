namespace Rightscope.Core.Statistics;

/// <summary>Why a count is not shown.</summary>
public enum Suppression
{
    /// <summary>Shown as it is.</summary>
    None,

    /// <summary>A count from 1 to the threshold minus one: shown as "&lt;5".</summary>
    Primary,

    /// <summary>
    /// A count of at least the threshold withheld so that a published total cannot reveal a primary one by subtraction;
    /// shown as withheld, never as "&lt;5", which would be untrue.
    /// </summary>
    Complementary,
}

/// <summary>A count as it may be published: its value only when <see cref="Suppression"/> is <see cref="Suppression.None"/>.</summary>
public readonly record struct PublishedCount(int? Value, Suppression Suppression)
{
    public bool IsSuppressed => Suppression != Suppression.None;
}
