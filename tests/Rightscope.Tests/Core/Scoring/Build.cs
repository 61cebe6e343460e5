using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;

namespace Rightscope.Tests.Core.Scoring;

/// <summary>Methodologies and inputs written in code, short enough to read a test at a glance.</summary>
internal static class Build
{
    public static readonly AnswerSet Disclosure = new("disclosure",
    [
        Option("yes", 100), Option("partial", 50), Option("no", 0), Option("no-disclosure", 0), Option("not-applicable", null),
    ]);

    public static LocalizedText Text(string key) => LocalizedText.Of(key, key);

    public static AnswerOption Option(string key, double? score) => new(key, Text(key), score);

    public static Node Item(string key, double weight = 1, bool reversed = false, ScoringLevel? scoring = null, string level = "question") =>
        new(key, level, Text(key), null, null, null, weight, null, scoring, Disclosure.Key, reversed, null, []);

    public static Node Section(string key, params Node[] children) => Inner(key, "section", children);

    public static Node Inner(string key, string level, IReadOnlyList<Node> children, double weight = 1, Combine? combine = null, ScoringLevel? scoring = null) =>
        new(key, level, Text(key), null, null, null, weight, combine, scoring, null, false, null, children);

    public static Methodology Methodology(
        IReadOnlyList<Node> structure,
        Combine section = Combine.WeightedMean,
        Combine subsection = Combine.Mean,
        string over = "section",
        Combine total = Combine.WeightedMean,
        TierRules? tiers = null,
        ImpactModel? impacts = null,
        ComponentRule? components = null,
        IReadOnlyList<DecisionRule>? decisions = null) =>
        new(
            "test", "1.0.0", Text("Test"), Text("Test"), [SubjectKind.Company], [],
            [new SubjectAttribute("exposure-type", Text("Exposure"), [new("1", Text("1")), new("2", Text("2")), new("3", Text("3"))])],
            [Disclosure],
            [new Level("section", Text("Section"), section), new Level("subsection", Text("Subsection"), subsection), new Level("question", Text("Question"), null)],
            new TotalRule(over, total),
            components,
            structure,
            impacts,
            tiers,
            decisions ?? Decisions);

    public static readonly IReadOnlyList<DecisionRule> Decisions =
    [
        new(1, Decision.Invest, Text("invest"), null),
        new(2, Decision.Engage, Text("engage"), null),
        new(3, Decision.Exclude, Text("exclude"), null),
    ];

    public static TierRules Tiers(IReadOnlyList<RedFlag>? redFlags = null, IReadOnlyList<SeverityFloor>? severityFloors = null) =>
        new(
            [new TierThreshold(new AttributeIn("exposure-type", ["1"]), 80, 55), new TierThreshold(null, 70, 40)],
            redFlags ?? [],
            severityFloors ?? []);

    public static RedFlag Flag(string key, int floor, Condition when) => new(key, Text(key), floor, "seed-001", when);

    public static Answer Answer(string item, string option, string component = AssessmentInput.Company, params string[] evidence) =>
        new(item, component, option, evidence);

    public static AssessmentInput Input(params Answer[] answers) => Input(answers, exposure: null);

    public static AssessmentInput Input(IReadOnlyList<Answer> answers, string? exposure = null, IReadOnlyList<string>? services = null, IReadOnlyList<ImpactInput>? impacts = null) =>
        new(
            exposure is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["exposure-type"] = exposure },
            services ?? [],
            answers,
            impacts ?? []);

    public static ImpactInput Impact(string id, int scale, int scope, int irremediability, int? likelihood = null, bool actual = false) =>
        new(id, "privacy", ["users"], Involvement.Cause, scale, scope, irremediability, likelihood, actual);
}
