using Rightscope.Core.Methodologies;

namespace Rightscope.Core.Scoring;

/// <summary>
/// A rated salient impact (UNGP 14, 24). <see cref="Severity"/> follows the methodology's formula; <see cref="Mean"/>
/// is the mean of scale, scope and irremediable character (the tie-breaker under <see cref="SeverityFormula.Max"/>).
/// </summary>
/// <param name="Likelihood">The likelihood used for ordering: 5 for an actual impact, the stated one for a potential
/// impact, null when the methodology does not use likelihood or none was given.</param>
public sealed record ImpactRating(
    ImpactInput Impact,
    double Severity,
    double Mean,
    bool IsSevere,
    bool IsIrremediable,
    int? Likelihood)
{
    public string Id => Impact.Id;
}

public static class Severity
{
    /// <summary>The default UNGP model (DESIGN §9.5), used when a methodology declares none.</summary>
    public static readonly ImpactModel Default = new(SeverityFormula.Max, SevereAt: 4, IrremediableAt: 4, Likelihood: true);

    private const int Certain = 5;

    public static ImpactRating Rate(ImpactInput impact, ImpactModel model)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(model);
        RequireOneToFive(impact, "scale", impact.Scale);
        RequireOneToFive(impact, "scope", impact.Scope);
        RequireOneToFive(impact, "irremediable character", impact.Irremediability);
        if (impact.Likelihood is { } stated)
        {
            RequireOneToFive(impact, "likelihood", stated);
        }

        var mean = (impact.Scale + impact.Scope + impact.Irremediability) / 3.0;
        var severity = model.Formula switch
        {
            SeverityFormula.Max => Math.Max(impact.Scale, Math.Max(impact.Scope, impact.Irremediability)),
            SeverityFormula.Mean => mean,
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.Formula, "unknown severity formula"),
        };
        int? likelihood = !model.Likelihood ? null : impact.Actual ? Certain : impact.Likelihood;
        return new ImpactRating(
            impact, severity, mean, severity >= model.SevereAt, impact.Irremediability >= model.IrremediableAt, likelihood);
    }

    /// <summary>
    /// The impacts in UNGP 24 order: most severe first (the mean breaking ties under the max formula), irremediable
    /// before remediable, then the more likely; likelihood never outranks severity. Ids break remaining ties.
    /// </summary>
    public static IReadOnlyList<ImpactRating> Prioritize(IEnumerable<ImpactInput> impacts, ImpactModel model)
    {
        ArgumentNullException.ThrowIfNull(impacts);
        var ratings = new List<ImpactRating>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var impact in impacts)
        {
            if (!ids.Add(impact.Id))
            {
                throw new ArgumentException($"impact '{impact.Id}' appears more than once", nameof(impacts));
            }

            ratings.Add(Rate(impact, model));
        }

        ratings.Sort(Priority);
        return ratings;
    }

    private static int Priority(ImpactRating a, ImpactRating b)
    {
        var order = b.Severity.CompareTo(a.Severity);
        if (order == 0)
        {
            order = b.Mean.CompareTo(a.Mean);
        }

        if (order == 0)
        {
            order = b.IsIrremediable.CompareTo(a.IsIrremediable);
        }

        if (order == 0)
        {
            order = (b.Likelihood ?? 0).CompareTo(a.Likelihood ?? 0);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
    }

    private static void RequireOneToFive(ImpactInput impact, string what, int value)
    {
        if (value is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(impact), value, $"impact '{impact.Id}': {what} must be 1 to 5");
        }
    }
}
