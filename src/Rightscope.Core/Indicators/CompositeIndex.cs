namespace Rightscope.Core.Indicators;

/// <summary>One value of an indicator for a country (ISO alpha-2) and year: the total, not a breakdown.</summary>
public readonly record struct IndexObservation(string Country, int Year, string IndicatorKey, double Value);

/// <summary>
/// A country's index value in a year (0–1), its rank among the countries of that year (1 the highest; equal values
/// share a rank), and each component after normalization (null where the country has no value for it).
/// </summary>
public sealed record IndexScore(string Country, int Year, double Value, int Rank, IReadOnlyList<double?> Components);

/// <summary>
/// Computes a <see cref="CompositeIndexDefinition"/> per country and year. Normalization is over the countries that
/// have a value for the component in that year, so the index compares countries within a year; a component without
/// spread (every country equal) carries no ranking information and counts as the middle of the scale (0.5 under
/// min–max, a z-score of 0). Values are in [0, 1], unchanged when a constant is added to a component, and a country
/// at least as good as another in every component is never ranked below it.
/// </summary>
public static class CompositeIndex
{
    private const double Tolerance = 1e-12;

    public static IReadOnlyList<IndexScore> Compute(CompositeIndexDefinition definition, IEnumerable<IndexObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(observations);
        var components = definition.Components;
        var index = components.Select((c, i) => (c.IndicatorKey, i)).ToDictionary(p => p.IndicatorKey, p => p.i, StringComparer.Ordinal);
        var results = new List<IndexScore>();
        foreach (var year in observations.Where(o => index.ContainsKey(o.IndicatorKey) && double.IsFinite(o.Value)).GroupBy(o => o.Year).OrderBy(g => g.Key))
        {
            // The last value given for a (country, component) wins: callers pass one value per key.
            var raw = components.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToArray();
            foreach (var observation in year)
            {
                var component = index[observation.IndicatorKey];
                raw[component][observation.Country] = components[component].HigherIsBetter ? observation.Value : -observation.Value;
            }

            var normalized = raw.Select(values => Normalize(values, definition.Normalization)).ToArray();
            var countries = raw.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var composites = new List<(string Country, double Value, double?[] Components)>();
            foreach (var country in countries)
            {
                var parts = normalized.Select(n => n.TryGetValue(country, out var v) ? v : (double?)null).ToArray();
                var present = parts.Count(p => p is not null);
                var enough = definition.Missing == MissingComponentRule.Exclude
                    ? present == components.Count
                    : present >= Math.Max(1, definition.MinComponents);
                if (!enough)
                {
                    continue;
                }

                var weight = 0.0;
                var sum = 0.0;
                for (var c = 0; c < components.Count; c++)
                {
                    if (parts[c] is { } part)
                    {
                        weight += components[c].Weight;
                        sum += components[c].Weight * part;
                    }
                }

                composites.Add((country, sum / weight, parts));
            }

            if (definition.Normalization == IndexNormalization.ZScoreMinMax)
            {
                var scaled = MinMax(composites.ToDictionary(c => c.Country, c => c.Value, StringComparer.Ordinal));
                composites = [.. composites.Select(c => (c.Country, scaled[c.Country], c.Components))];
            }

            var ordered = composites.Select(c => (c.Country, Value: Math.Clamp(c.Value, 0, 1), c.Components))
                .OrderByDescending(c => c.Value).ThenBy(c => c.Country, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var rank = i > 0 && Math.Abs(ordered[i].Value - ordered[i - 1].Value) <= Tolerance ? results[^1].Rank : i + 1;
                results.Add(new IndexScore(ordered[i].Country, year.Key, ordered[i].Value, rank, ordered[i].Components));
            }
        }

        return results;
    }

    private static Dictionary<string, double> Normalize(Dictionary<string, double> values, IndexNormalization normalization) =>
        normalization == IndexNormalization.MinMax ? MinMax(values) : ZScore(values);

    /// <summary>(x − min) / (max − min); 0.5 for every country when there is no spread.</summary>
    public static Dictionary<string, double> MinMax(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        var min = values.Values.Min();
        var max = values.Values.Max();
        var range = max - min;
        return values.ToDictionary(
            v => v.Key,
            v => range <= Tolerance * Math.Max(1, Math.Max(Math.Abs(min), Math.Abs(max))) ? 0.5 : Math.Clamp((v.Value - min) / range, 0, 1),
            StringComparer.Ordinal);
    }

    /// <summary>(x − mean) / standard deviation (population); 0 for every country when there is no spread.</summary>
    public static Dictionary<string, double> ZScore(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        var mean = values.Values.Average();
        var deviation = Math.Sqrt(values.Values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        var scale = Math.Max(1, values.Values.Max(Math.Abs));
        return values.ToDictionary(v => v.Key, v => deviation <= Tolerance * scale ? 0 : (v.Value - mean) / deviation, StringComparer.Ordinal);
    }
}
