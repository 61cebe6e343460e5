namespace Rightscope.Features.Remedy;

/// <summary>
/// A count as it may be shown inside the organization: 1 to 4 cases are shown as "&lt;5" so that a handful of cases
/// cannot be told apart (issue 5, small-cell suppression). Zero is shown: an empty cell identifies no one.
/// </summary>
public readonly record struct SuppressedCount(int Value, bool Suppressed)
{
    public const int Threshold = 5;

    public static SuppressedCount Of(int value) => new(value, value is > 0 and < Threshold);

    /// <summary>
    /// Two parts of a published total: when exactly one part is suppressed, the other is suppressed too, since the
    /// total minus the shown part would reveal it.
    /// </summary>
    public static (SuppressedCount First, SuppressedCount Second) Split(int first, int second)
    {
        var (a, b) = (Of(first), Of(second));
        return a.Suppressed == b.Suppressed ? (a, b) : (a with { Suppressed = true }, b with { Suppressed = true });
    }

    public string Display(IFormatProvider culture) => Suppressed ? "<" + Threshold.ToString(culture) : Value.ToString(culture);
}
