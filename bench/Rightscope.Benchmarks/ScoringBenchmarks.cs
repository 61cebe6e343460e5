using System.Globalization;
using BenchmarkDotNet.Attributes;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;

namespace Rightscope.Benchmarks;

/// <summary>
/// Scoring many assessments (a portfolio re-score) and one (an analyst saving an answer): a 60-item methodology with
/// 3 sections, 6 sub-sections, red flags and exposure-dependent thresholds; every result has its tier and derivation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScoringBenchmarks
{
    private Methodology _methodology = null!;
    private AssessmentInput[] _inputs = [];

    [Params(20_000)]
    public int Assessments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _methodology = CreateMethodology();
        var items = _methodology.Items.Select(item => item.Key).ToArray();
        var options = new[] { "yes", "partial", "no", "no-disclosure", "not-applicable" };
        var random = new Random(20_000);
        _inputs = new AssessmentInput[Assessments];
        for (var i = 0; i < _inputs.Length; i++)
        {
            var answers = new Answer[items.Length];
            for (var j = 0; j < items.Length; j++)
            {
                answers[j] = new Answer(items[j], AssessmentInput.Company, options[random.Next(options.Length)], ["evidence-" + j.ToString(CultureInfo.InvariantCulture)]);
            }

            var attributes = new Dictionary<string, string> { ["exposure-type"] = (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture) };
            _inputs[i] = new AssessmentInput(attributes, [], answers, []);
        }
    }

    [Benchmark]
    public int ScoreAll()
    {
        var tiers = 0;
        foreach (var input in _inputs)
        {
            tiers += ScoringEngine.Score(_methodology, input).Tier ?? 0;
        }

        return tiers;
    }

    [Benchmark]
    public ScoreResult ScoreOne() => ScoringEngine.Score(_methodology, _inputs[0]);

    private static LocalizedText Text(string key) => LocalizedText.Of(key, key);

    private static Methodology CreateMethodology()
    {
        var disclosure = new AnswerSet("disclosure",
        [
            new("yes", Text("yes"), 100), new("partial", Text("partial"), 50), new("no", Text("no"), 0),
            new("no-disclosure", Text("no-disclosure"), 0), new("not-applicable", Text("not-applicable"), null),
        ]);
        var sections = new List<Node>();
        var item = 0;
        for (var s = 0; s < 3; s++)
        {
            var subsections = new List<Node>();
            for (var u = 0; u < 2; u++)
            {
                var questions = new List<Node>();
                for (var q = 0; q < 10; q++, item++)
                {
                    var key = "q" + item.ToString(CultureInfo.InvariantCulture);
                    questions.Add(new Node(key, "question", Text(key), null, Text("guidance"), Text("evidence"), 1 + (q % 3), null, null, "disclosure", q == 9, "seed-001", []));
                }

                var subKey = $"s{s}-{u}";
                subsections.Add(new Node(subKey, "subsection", Text(subKey), null, null, null, 1, u == 1 ? Combine.Min : null, null, null, false, null, questions));
            }

            var sectionKey = "s" + s.ToString(CultureInfo.InvariantCulture);
            sections.Add(new Node(sectionKey, "section", Text(sectionKey), null, null, null, s + 1, null, null, null, false, null, subsections));
        }

        var tiers = new TierRules(
            [new TierThreshold(new AttributeIn("exposure-type", ["1"]), 80, 55), new TierThreshold(null, 70, 40)],
            [
                new RedFlag("no-end-use-controls", Text("no end-use controls"), 3, "seed-001",
                    new AllOf([new AttributeIn("exposure-type", ["1"]), new AnswerIn("q12", ["no", "no-disclosure"])])),
                new RedFlag("weak-remedy", Text("weak remedy"), 2, "seed-001", new NodeBelow("s2", 30)),
                new RedFlag("very-low-total", Text("very low total"), 3, null, new TotalBelow(20)),
            ],
            []);
        return new Methodology(
            "bench", "1.0.0", Text("bench"), Text("bench"), [SubjectKind.Company], [],
            [new SubjectAttribute("exposure-type", Text("exposure"), [new("1", Text("1")), new("2", Text("2")), new("3", Text("3"))])],
            [disclosure],
            [new Level("section", Text("section"), Combine.WeightedMean), new Level("subsection", Text("subsection"), Combine.WeightedMean), new Level("question", Text("question"), null)],
            new TotalRule("section", Combine.WeightedMean),
            null,
            sections,
            null,
            tiers,
            [
                new DecisionRule(1, Decision.Invest, Text("invest"), null),
                new DecisionRule(2, Decision.Engage, Text("engage"), null),
                new DecisionRule(3, Decision.Exclude, Text("exclude"), null),
            ]);
    }
}
