using System.Globalization;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Indicators;

namespace Rightscope.Demo;

/// <summary>
/// The civil-society demo's indicator dataset: 24 countries, two years, every catalog indicator, with sex and
/// urban/rural breakdowns for the shares of people. The values are SYNTHETIC (a deterministic formula, not a source),
/// marked illustrative on the dataset so every page that shows them says so in both languages (DESIGN §7).
/// </summary>
public static class DemoIndicators
{
    public const string DatasetName = "Demo digital divide (illustrative demo values) · 示例数字鸿沟（示例演示数值）";

    public static readonly IReadOnlyList<string> Countries =
        ["AR", "BR", "CN", "DE", "EG", "ET", "FR", "GH", "ID", "IN", "JP", "KE", "KR", "MX", "NG", "PE", "PH", "PK", "SA", "SE", "TR", "US", "VN", "ZA"];

    public static readonly IReadOnlyList<int> Years = [2023, 2024];

    private static readonly string[] Shares = ["mobile-broadband-coverage", "mobile-phone-ownership", "internet-use", "digital-skills-basic"];

    private static readonly string[] EGovernment = ["egov-online-services", "egov-telecom-infrastructure", "egov-human-capital"];

    public static string? Add(RightscopeDbContext db, Guid organizationId, OrganizationKind kind, DateTime now)
    {
        if (kind != OrganizationKind.CivilSociety)
        {
            return null;
        }

        var count = AddDataset(db, organizationId, DatasetName, Countries, now);
        return string.Create(CultureInfo.InvariantCulture,
            $"illustrative indicator dataset added: {count} synthetic values for {Countries.Count} countries, {Years[0]}–{Years[^1]}");
    }

    /// <summary>
    /// Adds an illustrative dataset of synthetic values for <paramref name="countries"/> (alpha-2): shares by sex and by
    /// urban/rural location, a price indicator and the e-government components, for <see cref="Years"/>. Returns the
    /// number of values.
    /// </summary>
    public static int AddDataset(RightscopeDbContext db, Guid organizationId, string name, IReadOnlyList<string> countries, DateTime now)
    {
        var dataset = new IndicatorDataset
        {
            OrganizationId = organizationId,
            Name = name,
            SourceFileName = "demo (synthetic)",
            ImportedBy = "system",
            ImportedAt = now,
            Illustrative = true,
            // Released as a publisher would, so the demo's indicator, index and country pages show it.
            PublishedAt = now,
            FirstYear = Years[0],
            LastYear = Years[^1],
            CountryCount = countries.Count,
        };
        var values = new List<IndicatorValue>();
        void Value(string indicator, string country, int year, double value, string unit, string sex = "", string location = "") =>
            values.Add(new IndicatorValue
            {
                OrganizationId = organizationId,
                DatasetId = dataset.Id,
                IndicatorKey = indicator,
                Country = country,
                Year = year,
                Value = Math.Round(value, unit == "index" ? 3 : 1),
                Unit = unit,
                Sex = sex,
                Location = location,
                Source = "synthetic demo value",
            });

        foreach (var country in countries)
        {
            var level = Noise(country, "level");
            foreach (var (year, step) in Years.Select((y, i) => (y, i)))
            {
                foreach (var indicator in Shares)
                {
                    var total = Math.Clamp(15 + 78 * level + 8 * (Noise(country, indicator) - 0.5) + 3 * step, 2, 99);
                    var sexGap = (1 - level) * 14 * (0.5 + Noise(country, indicator + "sex"));
                    var locationGap = (1 - level) * 30 * (0.5 + Noise(country, indicator + "location"));
                    Value(indicator, country, year, total, "percent");
                    Value(indicator, country, year, Math.Clamp(total - sexGap / 2, 0, 100), "percent", sex: "female");
                    Value(indicator, country, year, Math.Clamp(total + sexGap / 2, 0, 100), "percent", sex: "male");
                    Value(indicator, country, year, Math.Clamp(total + locationGap / 3, 0, 100), "percent", location: "urban");
                    Value(indicator, country, year, Math.Clamp(total - 2 * locationGap / 3, 0, 100), "percent", location: "rural");
                }

                Value("broadband-price-share", country, year, 0.4 + (1 - level) * 12 * (0.6 + Noise(country, "price")) - 0.2 * step, "percent");
                foreach (var indicator in EGovernment)
                {
                    Value(indicator, country, year, Math.Clamp(0.08 + 0.82 * level + 0.12 * (Noise(country, indicator) - 0.5) + 0.02 * step, 0, 1), "index");
                }
            }
        }

        dataset.RowCount = values.Count;
        db.IndicatorDatasets.Add(dataset);
        db.IndicatorValues.AddRange(values);
        return values.Count;
    }

    /// <summary>A number in [0, 1) that depends only on its inputs, so the demo is the same on every run.</summary>
    private static double Noise(string country, string salt)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{country}|{salt}"));
        return BitConverter.ToUInt32(hash, 0) / (uint.MaxValue + 1.0);
    }
}
