namespace Rightscope.Core.Indicators;

/// <summary>A value with its breakdown, as stored.</summary>
public readonly record struct BrokenDownValue(string Country, int Year, Breakdown Breakdown, double Value);

/// <summary>
/// One country's values of an indicator in a year: the total, by sex and by location (each given alone, no other
/// breakdown), and the gaps. The sex gap is female − male and the location gap urban − rural, in the indicator's unit
/// (percentage points for a percentage): negative when women or rural people are behind on an indicator where higher is
/// better. A gap is null when either side is missing.
/// </summary>
public sealed record CountryValues(string Country, int Year, double? Total, double? Female, double? Male, double? Urban, double? Rural)
{
    public double? SexGap => Female - Male;

    public double? LocationGap => Urban - Rural;

    public static IReadOnlyList<CountryValues> For(IEnumerable<BrokenDownValue> values, int year)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Where(v => v.Year == year).GroupBy(v => v.Country, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            double? Pick(Func<Breakdown, bool> which) => g.Where(v => which(v.Breakdown)).Select(v => (double?)v.Value).FirstOrDefault();
            return new CountryValues(
                g.Key,
                year,
                Pick(b => b.IsTotal),
                Pick(b => b.IsSexOnly && b.Sex == "female"),
                Pick(b => b.IsSexOnly && b.Sex == "male"),
                Pick(b => b.IsLocationOnly && b.Location == "urban"),
                Pick(b => b.IsLocationOnly && b.Location == "rural"));
        })];
    }
}
