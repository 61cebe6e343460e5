using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Scoring;

namespace Rightscope.Tests.Core.Benchmark;

/// <summary>The shipped digital-rights-benchmark methodology and random yes/no answers to it.</summary>
public static class BenchmarkFixtures
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    public static Methodology Methodology { get; } = MethodologyLoader.LoadFile(
        Path.Combine(RepositoryRoot, "catalog/methodologies/digital-rights-benchmark/1.0.0.yaml")).Value!;

    /// <summary>Every element with its inherited scoring level and its indicator.</summary>
    public static IReadOnlyList<(Node Element, ScoringLevel Level, string Indicator)> Elements { get; } = Walk().ToList();

    public static IReadOnlyList<Node> Indicators { get; } =
        [.. Methodology.Structure.SelectMany(n => n.DescendantsAndSelf()).Where(n => n.Level == "indicator")];

    public static IReadOnlyList<string> Components(ScoringLevel level, IReadOnlyList<string> services) => level switch
    {
        ScoringLevel.Service => services,
        ScoringLevel.Both => [AssessmentInput.Company, .. services],
        _ => [AssessmentInput.Company],
    };

    /// <summary>
    /// A deterministic random assessment: 0–3 services, every element answered for most components, with
    /// <paramref name="options"/> (yes/no by default; not-applicable sometimes when <paramref name="withNotApplicable"/>).
    /// </summary>
    public static AssessmentInput RandomInput(int seed, bool withNotApplicable = false, string[]? options = null)
    {
        var random = new Random(seed);
        options ??= ["yes", "no"];
        IReadOnlyList<string> services = [.. Enumerable.Range(1, random.Next(0, 4)).Select(i => $"Service {i}")];
        var answers = new List<Answer>();
        foreach (var (element, level, _) in Elements)
        {
            foreach (var component in Components(level, services))
            {
                if (random.Next(10) == 0)
                {
                    continue;
                }

                var option = withNotApplicable && random.Next(6) == 0 ? "not-applicable" : options[random.Next(options.Length)];
                answers.Add(new Answer(element.Key, component, option, []));
            }
        }

        return new AssessmentInput(new Dictionary<string, string>(), services, answers, []);
    }

    /// <summary>The indicator scores an element-level result gives: each indicator's component scores, or its company score.</summary>
    public static List<GivenScore> IndicatorScores(ScoreResult result, IReadOnlyList<string> services)
    {
        var given = new List<GivenScore>();
        foreach (var indicator in Indicators)
        {
            var node = result.Node(indicator.Key);
            if (indicator.ScoringLevel is null)
            {
                given.Add(new GivenScore(indicator.Key, AssessmentInput.Company, node.Score));
            }
            else
            {
                given.AddRange(node.Components.Select(c => new GivenScore(indicator.Key, c.Component, c.Score)));
            }
        }

        return given;
    }

    private static IEnumerable<(Node, ScoringLevel, string)> Walk()
    {
        foreach (var root in Methodology.Structure)
        {
            foreach (var found in Walk(root, ScoringLevel.Company, ""))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<(Node, ScoringLevel, string)> Walk(Node node, ScoringLevel inherited, string indicator)
    {
        var level = node.ScoringLevel ?? inherited;
        indicator = node.Level == "indicator" ? node.Key : indicator;
        if (node.IsItem)
        {
            yield return (node, level, indicator);
        }

        foreach (var child in node.Children)
        {
            foreach (var found in Walk(child, level, indicator))
            {
                yield return found;
            }
        }
    }
}
