using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Rightscope.Core.Indicators;

/// <summary>
/// The indicators (<c>catalog/indicators/*.yaml</c>) and composite indices (<c>catalog/indices/*.yaml</c>) Rightscope
/// knows. Loading checks every file and reports all problems at once as <c>FILE:LINE: message</c>; an index may only
/// use indicators of the catalog.
/// </summary>
public sealed partial class IndicatorCatalog
{
    public const string IndicatorsFormat = "rightscope/indicators@1";
    public const string IndexFormat = "rightscope/index@1";

    private IndicatorCatalog(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<CompositeIndexDefinition> indices)
    {
        Indicators = indicators;
        Indices = indices;
        ByKey = indicators.ToDictionary(i => i.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    public IReadOnlyList<CompositeIndexDefinition> Indices { get; }

    private Dictionary<string, IndicatorDefinition> ByKey { get; }

    public static IndicatorCatalog Empty { get; } = new([], []);

    public IndicatorDefinition? Indicator(string key) => ByKey.GetValueOrDefault(key);

    public CompositeIndexDefinition? Index(string key) => Indices.FirstOrDefault(i => i.Key == key);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    /// <summary>Loads <c>indicators/</c> and <c>indices/</c> under <paramref name="catalogPath"/> (either may be absent).</summary>
    public static IndicatorCatalog Load(string catalogPath, out IReadOnlyList<string> errors)
    {
        var files = new List<(string Name, string Text)>();
        foreach (var folder in new[] { "indicators", "indices" })
        {
            var directory = Path.Combine(catalogPath, folder);
            if (Directory.Exists(directory))
            {
                files.AddRange(Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
                    .Select(f => ($"{folder}/{Path.GetFileName(f)}", File.ReadAllText(f))));
            }
        }

        return Parse(files, out errors);
    }

    /// <summary>Reads catalog files given as (name, YAML text); a file's folder (<c>indicators/</c> or <c>indices/</c>) says what it holds.</summary>
    public static IndicatorCatalog Parse(IEnumerable<(string Name, string Text)> files, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var indicators = new List<IndicatorDefinition>();
        var indexFiles = new List<(string Name, IndexFile File)>();
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();
        foreach (var (name, text) in files)
        {
            try
            {
                if (name.StartsWith("indices/", StringComparison.Ordinal))
                {
                    indexFiles.Add((name, deserializer.Deserialize<IndexFile>(text) ?? new IndexFile()));
                }
                else
                {
                    var file = deserializer.Deserialize<IndicatorsFile>(text) ?? new IndicatorsFile();
                    if (file.Format != IndicatorsFormat)
                    {
                        problems.Add($"{name}:1: format must be '{IndicatorsFormat}'");
                    }

                    foreach (var entry in file.Indicators ?? [])
                    {
                        if (ReadIndicator(name, entry, problems) is { } indicator)
                        {
                            if (indicators.Any(i => i.Key == indicator.Key))
                            {
                                problems.Add($"{name}: indicator '{indicator.Key}' is declared twice");
                            }
                            else
                            {
                                indicators.Add(indicator);
                            }
                        }
                    }
                }
            }
            catch (YamlException e)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}"));
            }
        }

        var byKey = indicators.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var indices = new List<CompositeIndexDefinition>();
        foreach (var (name, file) in indexFiles)
        {
            if (ReadIndex(name, file, byKey, problems) is { } index)
            {
                if (indices.Any(i => i.Key == index.Key))
                {
                    problems.Add($"{name}: index '{index.Key}' is declared twice");
                }
                else
                {
                    indices.Add(index);
                }
            }
        }

        errors = problems;
        return new IndicatorCatalog(indicators, indices);
    }

    private static IndicatorDefinition? ReadIndicator(string file, IndicatorEntry entry, List<string> problems)
    {
        var before = problems.Count;
        var key = entry.Key ?? "";
        if (!KeyPattern().IsMatch(key))
        {
            problems.Add($"{file}: indicator key '{key}' must be lower-case letters, digits and hyphens");
        }

        var name = Text(file, key, "name", entry.Name, problems);
        var description = Text(file, key, "description", entry.Description, problems);
        if (string.IsNullOrWhiteSpace(entry.Unit))
        {
            problems.Add($"{file}: {key}: unit is required");
        }

        if (entry.HigherIsBetter is null)
        {
            problems.Add($"{file}: {key}: higher-is-better is required (true or false)");
        }

        IndicatorPillar pillar = default;
        if (entry.Pillar is not ("access" or "use" or "skills" or "e-government"))
        {
            problems.Add($"{file}: {key}: pillar must be access, use, skills or e-government");
        }
        else
        {
            pillar = entry.Pillar switch { "access" => IndicatorPillar.Access, "use" => IndicatorPillar.Use, "skills" => IndicatorPillar.Skills, _ => IndicatorPillar.EGovernment };
        }

        if (string.IsNullOrWhiteSpace(entry.Source))
        {
            problems.Add($"{file}: {key}: source is required");
        }

        return problems.Count > before ? null : new IndicatorDefinition(key, name!, description!, entry.Unit!.Trim(), entry.HigherIsBetter!.Value, pillar, entry.Source!.Trim());
    }

    private static CompositeIndexDefinition? ReadIndex(string file, IndexFile entry, Dictionary<string, IndicatorDefinition> indicators, List<string> problems)
    {
        var before = problems.Count;
        if (entry.Format != IndexFormat)
        {
            problems.Add($"{file}:1: format must be '{IndexFormat}'");
        }

        var key = entry.Key ?? "";
        if (!KeyPattern().IsMatch(key))
        {
            problems.Add($"{file}: index key '{key}' must be lower-case letters, digits and hyphens");
        }

        var name = Text(file, key, "name", entry.Name, problems);
        var description = Text(file, key, "description", entry.Description, problems);
        IndexNormalization normalization = default;
        switch (entry.Normalization)
        {
            case "minmax":
                normalization = IndexNormalization.MinMax;
                break;
            case "zscore-minmax":
                normalization = IndexNormalization.ZScoreMinMax;
                break;
            default:
                problems.Add($"{file}: {key}: normalization must be 'minmax' or 'zscore-minmax'");
                break;
        }

        var equal = entry.Weights switch
        {
            "equal" => true,
            "given" => false,
            _ => (bool?)null,
        };
        if (equal is null)
        {
            problems.Add($"{file}: {key}: weights must be 'equal' or 'given' (a weight on every component)");
        }

        MissingComponentRule missing = default;
        switch (entry.Missing)
        {
            case "exclude":
                missing = MissingComponentRule.Exclude;
                break;
            case "reweight":
                missing = MissingComponentRule.Reweight;
                break;
            default:
                problems.Add($"{file}: {key}: missing must be 'exclude' (no value without every component) or 'reweight' (the mean of the components present)");
                break;
        }

        var components = new List<IndexComponent>();
        foreach (var component in entry.Components ?? [])
        {
            var indicatorKey = component.Indicator ?? "";
            if (!indicators.TryGetValue(indicatorKey, out var indicator))
            {
                problems.Add($"{file}: {key}: component '{indicatorKey}' is not an indicator of the catalog");
                continue;
            }

            if (components.Any(c => c.IndicatorKey == indicatorKey))
            {
                problems.Add($"{file}: {key}: component '{indicatorKey}' is listed twice");
                continue;
            }

            double weight = 1;
            if (equal == true && component.Weight is not null)
            {
                problems.Add($"{file}: {key}: component '{indicatorKey}' has a weight but the index declares equal weights");
            }
            else if (equal == false)
            {
                if (component.Weight is not { } given || !double.IsFinite(given) || given <= 0)
                {
                    problems.Add($"{file}: {key}: component '{indicatorKey}' needs a positive weight");
                }
                else
                {
                    weight = given;
                }
            }

            var higher = component.Direction switch
            {
                null => indicator.HigherIsBetter,
                "higher-is-better" => true,
                "lower-is-better" => false,
                _ => (bool?)null,
            };
            if (higher is null)
            {
                problems.Add($"{file}: {key}: component '{indicatorKey}': direction must be 'higher-is-better' or 'lower-is-better'");
                continue;
            }

            components.Add(new IndexComponent(indicatorKey, weight, higher.Value));
        }

        if (components.Count == 0)
        {
            problems.Add($"{file}: {key}: an index has at least one component");
        }

        var minComponents = entry.MinComponents ?? components.Count;
        if (missing == MissingComponentRule.Reweight && (minComponents < 1 || minComponents > components.Count))
        {
            problems.Add($"{file}: {key}: min-components must be from 1 to the number of components");
        }

        if (string.IsNullOrWhiteSpace(entry.Source))
        {
            problems.Add($"{file}: {key}: source is required");
        }

        return problems.Count > before
            ? null
            : new CompositeIndexDefinition(key, name!, description!, normalization, components, missing, minComponents, entry.Source!.Trim());
    }

    private static BilingualText? Text(string file, string key, string field, Dictionary<string, string>? text, List<string> problems)
    {
        if (text is null || !text.TryGetValue("en", out var en) || !text.TryGetValue("zh-Hans", out var zh) || string.IsNullOrWhiteSpace(en) || string.IsNullOrWhiteSpace(zh))
        {
            problems.Add($"{file}: {key}: {field} needs both 'en' and 'zh-Hans'");
            return null;
        }

        return new BilingualText(en.Trim(), zh.Trim());
    }

    internal sealed class IndicatorsFile
    {
        public string? Format { get; set; }

        public List<IndicatorEntry>? Indicators { get; set; }
    }

    internal sealed class IndicatorEntry
    {
        public string? Key { get; set; }

        public Dictionary<string, string>? Name { get; set; }

        public Dictionary<string, string>? Description { get; set; }

        public string? Unit { get; set; }

        public bool? HigherIsBetter { get; set; }

        public string? Pillar { get; set; }

        public string? Source { get; set; }
    }

    internal sealed class IndexFile
    {
        public string? Format { get; set; }

        public string? Key { get; set; }

        public Dictionary<string, string>? Name { get; set; }

        public Dictionary<string, string>? Description { get; set; }

        public string? Normalization { get; set; }

        public string? Weights { get; set; }

        public string? Missing { get; set; }

        public int? MinComponents { get; set; }

        public List<ComponentEntry>? Components { get; set; }

        public string? Source { get; set; }
    }

    internal sealed class ComponentEntry
    {
        public string? Indicator { get; set; }

        public double? Weight { get; set; }

        public string? Direction { get; set; }
    }
}
