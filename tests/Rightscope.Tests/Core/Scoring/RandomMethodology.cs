using System.Globalization;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using static Rightscope.Tests.Core.Scoring.Build;

namespace Rightscope.Tests.Core.Scoring;

/// <summary>
/// A random methodology (trees of random depth and width, weights, combine rules, answer sets, scoring levels,
/// red flags, thresholds) and a random input for it, both reproducible from <see cref="Seed"/>.
/// </summary>
public sealed class Scenario
{
    public Scenario(int seed)
    {
        Seed = seed;
        var random = new Random(seed);
        Methodology = RandomMethodology.Create(random);
        Input = RandomMethodology.CreateInput(Methodology, random);
    }

    public int Seed { get; }
    public Methodology Methodology { get; }
    public AssessmentInput Input { get; }

    public override string ToString() =>
        $"seed {Seed}: {Methodology.Items.Count()} items, {Input.Services.Count} services, {Input.Answers.Count} answers";
}

internal static class RandomMethodology
{
    private static readonly Combine[] Combines = [Combine.Mean, Combine.WeightedMean, Combine.Min, Combine.Max];
    private static readonly double[] Weights = [0.5, 1, 1, 2, 3.7];

    public static string Level(int depth) => "level-" + depth.ToString(CultureInfo.InvariantCulture);

    public static Methodology Create(Random random)
    {
        var answerSets = Enumerable.Range(0, random.Next(1, 4)).Select(i => RandomAnswerSet(random, i)).ToList();
        var depth = random.Next(2, 5); // levels; the last one holds the items
        var levels = Enumerable.Range(0, depth)
            .Select(d => new Level(Level(d), Text(Level(d)), d == depth - 1 ? null : random.GetItems(Combines, 1)[0]))
            .ToList();
        var counter = 0;
        var structure = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomNode(random, 0, depth, answerSets, ref counter)).ToList();
        var over = Level(random.Next(0, depth));
        var attributes = new SubjectAttribute("exposure-type", Text("exposure"), [new("1", Text("1")), new("2", Text("2"))]);
        var nodes = structure.SelectMany(n => n.DescendantsAndSelf()).ToList();
        var items = nodes.Where(n => n.IsItem).ToList();
        var redFlags = Enumerable.Range(0, random.Next(0, 4))
            .Select(i => new RedFlag("flag-" + i.ToString(CultureInfo.InvariantCulture), Text("flag"), random.Next(1, 4), null, RandomCondition(random, nodes, items, answerSets, 2)))
            .ToList();
        var tiers = new TierRules(
            [new TierThreshold(new AttributeIn("exposure-type", ["1"]), 80, 55), new TierThreshold(null, 70, 40)],
            redFlags,
            [new SeverityFloor(random.Next(1, 6), random.Next(2) == 0, random.Next(1, 4))]);
        return new Methodology(
            "random", "1.0.0", Text("random"), Text("random"), [SubjectKind.Company], [], [attributes], answerSets, levels,
            new TotalRule(over, random.GetItems(Combines, 1)[0]), new ComponentRule(random.GetItems(Combines, 1)[0]),
            structure, new ImpactModel(random.Next(2) == 0 ? SeverityFormula.Max : SeverityFormula.Mean, 4, 4, true),
            random.Next(4) == 0 ? null : tiers, Decisions);
    }

    public static AssessmentInput CreateInput(Methodology methodology, Random random)
    {
        var services = Enumerable.Range(0, random.Next(0, 3)).Select(i => "service-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var answers = new List<Answer>();
        foreach (var (item, level) in ItemsWithLevels(methodology))
        {
            foreach (var component in Components(level, services))
            {
                if (random.Next(10) < 7)
                {
                    var options = methodology.AnswerSets.Single(s => s.Key == item.AnswerSet).Options;
                    answers.Add(new Answer(item.Key, component, options[random.Next(options.Count)].Key, ["ev-" + answers.Count.ToString(CultureInfo.InvariantCulture)]));
                }
            }
        }

        var impacts = Enumerable.Range(0, random.Next(0, 4))
            .Select(i => Impact("impact-" + i.ToString(CultureInfo.InvariantCulture), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.Next(3) == 0))
            .ToList();
        return Input(answers, exposure: random.Next(3) switch { 0 => null, 1 => "1", _ => "2" }, services: services, impacts: impacts);
    }

    /// <summary>Every item with its inherited scoring level.</summary>
    public static IEnumerable<(Node Item, ScoringLevel Level)> ItemsWithLevels(Methodology methodology)
    {
        IEnumerable<(Node, ScoringLevel)> Walk(Node node, ScoringLevel inherited)
        {
            var level = node.ScoringLevel ?? inherited;
            if (node.IsItem)
            {
                yield return (node, level);
            }

            foreach (var found in node.Children.SelectMany(child => Walk(child, level)))
            {
                yield return found;
            }
        }

        return methodology.Structure.SelectMany(root => Walk(root, ScoringLevel.Company));
    }

    public static IEnumerable<string> Components(ScoringLevel level, IReadOnlyList<string> services) => level switch
    {
        ScoringLevel.Company => [AssessmentInput.Company],
        ScoringLevel.Service => services,
        _ => [AssessmentInput.Company, .. services],
    };

    private static AnswerSet RandomAnswerSet(Random random, int index)
    {
        var options = Enumerable.Range(0, random.Next(2, 6))
            .Select(o => Option("option-" + o.ToString(CultureInfo.InvariantCulture), random.Next(3) == 0 ? random.Next(0, 101) : random.NextDouble() * 100))
            .Append(Option("not-applicable", null))
            .OrderBy(_ => random.Next())
            .ToList();
        return new AnswerSet("set-" + index.ToString(CultureInfo.InvariantCulture), options);
    }

    private static Node RandomNode(Random random, int depth, int levels, List<AnswerSet> answerSets, ref int counter)
    {
        var key = "n-" + (counter++).ToString(CultureInfo.InvariantCulture);
        var weight = random.GetItems(Weights, 1)[0];
        ScoringLevel? scoring = random.Next(6) switch { 0 => ScoringLevel.Service, 1 => ScoringLevel.Both, 2 when depth > 0 => ScoringLevel.Company, _ => null };
        Combine? combine = random.Next(4) == 0 ? random.GetItems(Combines, 1)[0] : null;
        var isItem = depth == levels - 1 || (depth > 0 && random.Next(4) == 0);
        if (isItem)
        {
            return new Node(key, Level(levels - 1), Text(key), null, null, null, weight, null, scoring, answerSets[random.Next(answerSets.Count)].Key, random.Next(4) == 0, null, []);
        }

        var children = new List<Node>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            children.Add(RandomNode(random, random.Next(depth + 1, levels), levels, answerSets, ref counter));
        }

        return new Node(key, Level(depth), Text(key), null, null, null, weight, combine, scoring, null, false, null, children);
    }

    private static Condition RandomCondition(Random random, List<Node> nodes, List<Node> items, List<AnswerSet> answerSets, int depth) =>
        random.Next(depth > 0 ? 7 : 4) switch
        {
            0 => new AttributeIn("exposure-type", [random.Next(2) == 0 ? "1" : "2"]),
            1 => AnswerInFor(random, items[random.Next(items.Count)], answerSets),
            2 => new NodeBelow(nodes[random.Next(nodes.Count)].Key, random.Next(0, 101)),
            3 => new TotalBelow(random.Next(0, 101)),
            4 => new AllOf([RandomCondition(random, nodes, items, answerSets, depth - 1), RandomCondition(random, nodes, items, answerSets, depth - 1)]),
            5 => new AnyOf([RandomCondition(random, nodes, items, answerSets, depth - 1), RandomCondition(random, nodes, items, answerSets, depth - 1)]),
            _ => new NotCondition(RandomCondition(random, nodes, items, answerSets, depth - 1)),
        };

    private static AnswerIn AnswerInFor(Random random, Node item, List<AnswerSet> answerSets)
    {
        var options = answerSets.Single(s => s.Key == item.AnswerSet).Options;
        return new AnswerIn(item.Key, [.. options.Where(_ => random.Next(2) == 0).Select(o => o.Key)]);
    }
}
