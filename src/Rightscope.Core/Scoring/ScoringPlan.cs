using System.Runtime.CompilerServices;
using Rightscope.Core.Methodologies;

namespace Rightscope.Core.Scoring;

/// <summary>
/// A methodology compiled once for scoring: the tree flattened into arrays (depth first in file order), keys
/// resolved to indices and conditions resolved to evaluators. Cached per methodology instance.
/// </summary>
internal sealed class ScoringPlan
{
    private static readonly ConditionalWeakTable<Methodology, ScoringPlan> Cache = new();

    public static ScoringPlan For(Methodology methodology) =>
        Cache.GetValue(methodology, static m => new ScoringPlan(m));

    public readonly Methodology Methodology;
    public readonly string Id;
    public readonly Node[] Nodes;
    public readonly int[][] Children;

    /// <summary>Children before parents, file order otherwise: the order numbers are computed and explained in.</summary>
    public readonly int[] PostOrder;

    public readonly double[] Weights;
    public readonly bool[] Declares;
    public readonly Combine[] CombineOf;
    public readonly bool[] CombineFromLevel;

    /// <summary>The nearest ancestor-or-self that declares a scoring level, or -1 (company only).</summary>
    public readonly int[] Declarer;

    /// <summary>Each node's scoring level, inherited from <see cref="Declarer"/> (company when none).</summary>
    public readonly ScoringLevel[] LevelOf;

    public readonly int[] ItemOf;
    public readonly int[] ItemNode;
    public readonly string[][] OptionKeys;

    /// <summary>Option scores, reversal already applied; NaN for an excluded (not applicable) option.</summary>
    public readonly double[][] OptionValues;

    public readonly double[][] OptionScores;
    public readonly Dictionary<string, int> ItemByKey;

    /// <summary>Every node by key, and each node's parent (-1 for a root): for scores given to inner nodes.</summary>
    public readonly Dictionary<string, int> NodeByKey;
    public readonly int[] Parent;
    public readonly int[] TotalNodes;
    public readonly Combine ComponentCombine;
    public readonly CompiledCondition?[] ThresholdConditions;
    public readonly CompiledCondition[] RedFlagConditions;

    private ScoringPlan(Methodology methodology)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        Methodology = methodology;
        Id = methodology.Id;

        var nodes = new List<Node>();
        var parents = new List<int>();
        foreach (var root in methodology.Structure)
        {
            Flatten(root, -1, nodes, parents);
        }

        Nodes = [.. nodes];
        var count = Nodes.Length;
        var nodeByKey = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (!nodeByKey.TryAdd(Nodes[i].Key, i))
            {
                throw new ArgumentException($"node '{Nodes[i].Key}' appears more than once", nameof(methodology));
            }
        }

        var children = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < count; i++)
        {
            if (parents[i] >= 0)
            {
                children[parents[i]].Add(i);
            }
        }

        Children = [.. children.Select(list => list.ToArray())];
        NodeByKey = nodeByKey;
        Parent = [.. parents];
        PostOrder = new int[count];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            if (parents[i] < 0)
            {
                AddPostOrder(i, ref position);
            }
        }

        var levels = methodology.Levels.ToDictionary(level => level.Key, StringComparer.Ordinal);
        var answerSets = methodology.AnswerSets.ToDictionary(set => set.Key, StringComparer.Ordinal);
        Weights = [.. Nodes.Select(node => node.Weight)];
        Declares = [.. Nodes.Select(node => node.ScoringLevel is not null)];
        CombineOf = new Combine[count];
        CombineFromLevel = new bool[count];
        Declarer = new int[count];
        LevelOf = new ScoringLevel[count];
        ItemOf = new int[count];
        var itemNodes = new List<int>();
        var optionKeys = new List<string[]>();
        var optionValues = new List<double[]>();
        var optionScores = new List<double[]>();
        ItemByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var node = Nodes[i];
            if (!(node.Weight > 0) || double.IsInfinity(node.Weight))
            {
                throw new ArgumentException($"node '{node.Key}': weight must be a positive number", nameof(methodology));
            }

            Declarer[i] = node.ScoringLevel is not null ? i : parents[i] >= 0 ? Declarer[parents[i]] : -1;
            LevelOf[i] = Declarer[i] < 0 ? ScoringLevel.Company : Nodes[Declarer[i]].ScoringLevel!.Value;
            if (node.ScoringLevel is ScoringLevel.Service or ScoringLevel.Both && methodology.Components is null)
            {
                throw new ArgumentException($"node '{node.Key}' is scored per service but the methodology has no components rule", nameof(methodology));
            }

            if (!node.IsItem)
            {
                ItemOf[i] = -1;
                var levelCombine = levels.TryGetValue(node.Level, out var level) ? level.Combine : null;
                CombineOf[i] = node.Combine ?? levelCombine
                    ?? throw new ArgumentException($"node '{node.Key}': neither it nor its level '{node.Level}' has a combine rule", nameof(methodology));
                CombineFromLevel[i] = node.Combine is null;
                continue;
            }

            if (node.AnswerSet is null || !answerSets.TryGetValue(node.AnswerSet, out var answerSet))
            {
                throw new ArgumentException($"item '{node.Key}': answer set '{node.AnswerSet}' does not exist", nameof(methodology));
            }

            var keys = new string[answerSet.Options.Count];
            var values = new double[keys.Length];
            var scores = new double[keys.Length];
            for (var o = 0; o < keys.Length; o++)
            {
                var option = answerSet.Options[o];
                keys[o] = option.Key;
                if (option.Score is { } score && !(score is >= 0 and <= 100))
                {
                    throw new ArgumentException($"answer set '{answerSet.Key}': option '{option.Key}' score must be 0 to 100", nameof(methodology));
                }

                scores[o] = option.Score ?? double.NaN;
                values[o] = option.Score is { } s ? (node.Reversed ? 100 - s : s) : double.NaN;
            }

            ItemOf[i] = itemNodes.Count;
            ItemByKey[node.Key] = itemNodes.Count;
            itemNodes.Add(i);
            optionKeys.Add(keys);
            optionValues.Add(values);
            optionScores.Add(scores);
        }

        ItemNode = [.. itemNodes];
        OptionKeys = [.. optionKeys];
        OptionValues = [.. optionValues];
        OptionScores = [.. optionScores];
        ComponentCombine = methodology.Components?.Combine ?? Combine.Mean;

        if (!levels.ContainsKey(methodology.Total.Over))
        {
            throw new ArgumentException($"total: level '{methodology.Total.Over}' does not exist", nameof(methodology));
        }

        TotalNodes = [.. Enumerable.Range(0, count).Where(i => Nodes[i].Level == methodology.Total.Over)];

        var tiers = methodology.Tiers;
        ThresholdConditions = tiers is null ? [] : [.. tiers.Thresholds.Select(t => t.When is null ? null : Compile(t.When, nodeByKey))];
        RedFlagConditions = tiers is null ? [] : [.. tiers.RedFlags.Select(flag => Compile(flag.When, nodeByKey))];
    }

    /// <summary>The components [From, To) a node is scored for: 0 is the company, 1… the services in input order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int From, int To) Range(int node, int services) => LevelOf[node] switch
    {
        ScoringLevel.Service => (1, services + 1),
        ScoringLevel.Both => (0, services + 1),
        _ => (0, 1),
    };

    private static void Flatten(Node node, int parent, List<Node> nodes, List<int> parents)
    {
        var index = nodes.Count;
        nodes.Add(node);
        parents.Add(parent);
        foreach (var child in node.Children)
        {
            Flatten(child, index, nodes, parents);
        }
    }

    private void AddPostOrder(int node, ref int position)
    {
        foreach (var child in Children[node])
        {
            AddPostOrder(child, ref position);
        }

        PostOrder[position++] = node;
    }

    private CompiledCondition Compile(Condition condition, Dictionary<string, int> nodeByKey) => condition switch
    {
        AllOf all => new AllCondition([.. all.Conditions.Select(c => Compile(c, nodeByKey))]),
        AnyOf any => new AnyCondition([.. any.Conditions.Select(c => Compile(c, nodeByKey))]),
        NotCondition not => new NotHolds(Compile(not.Condition, nodeByKey)),
        AttributeIn attribute => new AttributeCondition(attribute.Attribute, [.. attribute.Values]),
        AnswerIn answer => CompileAnswerIn(answer),
        NodeBelow below => new NodeBelowCondition(
            nodeByKey.TryGetValue(below.Node, out var node) ? node : throw new ArgumentException($"condition: node '{below.Node}' does not exist"),
            below.Value),
        TotalBelow below => new TotalBelowCondition(below.Value),
        _ => throw new ArgumentException($"condition {condition.GetType().Name} is not supported"),
    };

    private AnswerCondition CompileAnswerIn(AnswerIn answer)
    {
        if (!ItemByKey.TryGetValue(answer.Item, out var item))
        {
            throw new ArgumentException($"condition: item '{answer.Item}' does not exist");
        }

        var keys = OptionKeys[item];
        var matches = new bool[keys.Length];
        foreach (var option in answer.Options)
        {
            var index = Array.IndexOf(keys, option);
            if (index < 0)
            {
                throw new ArgumentException($"condition: item '{answer.Item}' has no option '{option}'");
            }

            matches[index] = true;
        }

        return new AnswerCondition(item, matches);
    }
}

/// <summary>A condition with its keys resolved against a plan.</summary>
internal abstract class CompiledCondition
{
    public abstract bool Holds(Evaluation evaluation);
}

internal sealed class AllCondition(CompiledCondition[] conditions) : CompiledCondition
{
    public override bool Holds(Evaluation evaluation)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Holds(evaluation))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class AnyCondition(CompiledCondition[] conditions) : CompiledCondition
{
    public override bool Holds(Evaluation evaluation)
    {
        foreach (var condition in conditions)
        {
            if (condition.Holds(evaluation))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NotHolds(CompiledCondition condition) : CompiledCondition
{
    public override bool Holds(Evaluation evaluation) => !condition.Holds(evaluation);
}

internal sealed class AttributeCondition(string attribute, string[] values) : CompiledCondition
{
    public override bool Holds(Evaluation evaluation) =>
        evaluation.Input.Attributes.TryGetValue(attribute, out var value) && Array.IndexOf(values, value) >= 0;
}

internal sealed class AnswerCondition(int item, bool[] options) : CompiledCondition
{
    public override bool Holds(Evaluation evaluation)
    {
        var (from, to) = evaluation.Plan.Range(evaluation.Plan.ItemNode[item], evaluation.Services);
        for (var c = from; c < to; c++)
        {
            var option = evaluation.SlotOption[(item * evaluation.Width) + c];
            if (option >= 0 && options[option])
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NodeBelowCondition(int node, double value) : CompiledCondition
{
    // An excluded node (NaN) is never below anything.
    public override bool Holds(Evaluation evaluation) => evaluation.Overall[node] < value;
}

internal sealed class TotalBelowCondition(double value) : CompiledCondition
{
    public override bool Holds(Evaluation evaluation) => evaluation.Total is { } total && total < value;
}
