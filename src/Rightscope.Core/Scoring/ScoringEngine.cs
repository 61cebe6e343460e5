using Rightscope.Core.Methodologies;

namespace Rightscope.Core.Scoring;

/// <summary>
/// Scores an assessment under a methodology (docs/methodology-format.md, DESIGN §9.5). Pure and deterministic: the
/// same methodology and input always give an equal result, whatever the order of the answers.
/// </summary>
/// <remarks>
/// Components: a node that declares a scoring level scores each of its components (company, each service) over its
/// children, then combines the component scores with the methodology's component rule; its descendants inherit the
/// level. A descendant that declares its own level starts over: its combined score is what it gives each component
/// of its parent. Nodes that inherit a level also report a combined score (same rule), used by the total and by
/// node conditions.
/// </remarks>
public static class ScoringEngine
{
    /// <summary>
    /// Scores <paramref name="input"/>. Throws <see cref="ArgumentException"/> naming the key when an answer names an
    /// unknown item, option or component (callers validate first) or when the methodology is inconsistent.
    /// </summary>
    public static ScoreResult Score(Methodology methodology, AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(input);
        var plan = ScoringPlan.For(methodology);
        var evaluation = Evaluation.Start(plan, input);
        try
        {
            CheckServices(input.Services);
            PlaceAnswers(evaluation);
            PlaceGiven(evaluation);
            ComputeScores(evaluation);
            return BuildResult(evaluation);
        }
        finally
        {
            evaluation.End();
        }
    }

    private static void CheckServices(IReadOnlyList<string> services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            if (string.IsNullOrEmpty(service) || service == AssessmentInput.Company)
            {
                throw new ArgumentException($"service '{service}' is not a valid service key", "input");
            }

            for (var j = 0; j < i; j++)
            {
                if (services[j] == service)
                {
                    throw new ArgumentException($"service '{service}' appears more than once", "input");
                }
            }
        }
    }

    private static int ComponentIndex(string component, IReadOnlyList<string> services)
    {
        if (component == AssessmentInput.Company)
        {
            return 0;
        }

        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] == component)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static string ComponentKey(int component, IReadOnlyList<string> services) =>
        component == 0 ? AssessmentInput.Company : services[component - 1];

    private static void PlaceAnswers(Evaluation e)
    {
        var plan = e.Plan;
        var answers = e.Input.Answers;
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (!plan.ItemByKey.TryGetValue(answer.Item, out var item))
            {
                throw new ArgumentException($"answer: item '{answer.Item}' does not exist in {plan.Id}", "input");
            }

            var component = ComponentIndex(answer.Component, e.Input.Services);
            if (component < 0)
            {
                throw new ArgumentException(
                    $"answer to '{answer.Item}': component '{answer.Component}' is neither '{AssessmentInput.Company}' nor a service of the subject", "input");
            }

            var (from, to) = plan.Range(plan.ItemNode[item], e.Services);
            if (component < from || component >= to)
            {
                throw new ArgumentException(
                    $"answer to '{answer.Item}': component '{answer.Component}' does not apply, the item is scored at {plan.LevelOf[plan.ItemNode[item]]} level", "input");
            }

            var option = Array.IndexOf(plan.OptionKeys[item], answer.Option);
            if (option < 0)
            {
                throw new ArgumentException($"answer to '{answer.Item}': option '{answer.Option}' does not exist", "input");
            }

            var slot = (item * e.Width) + component;
            if (e.SlotAnswer[slot] >= 0)
            {
                throw new ArgumentException($"item '{answer.Item}' is answered more than once for component '{answer.Component}'", "input");
            }

            e.SlotAnswer[slot] = i;
            e.SlotOption[slot] = option;
        }
    }

    private static void PlaceGiven(Evaluation e)
    {
        if (!e.HasGiven)
        {
            return;
        }

        var plan = e.Plan;
        foreach (var given in e.Input.Given)
        {
            if (!plan.NodeByKey.TryGetValue(given.Node, out var node) || plan.ItemOf[node] >= 0)
            {
                throw new ArgumentException($"given score: '{given.Node}' is not an inner node of {plan.Id}", "input");
            }

            var component = ComponentIndex(given.Component, e.Input.Services);
            var (from, to) = plan.Range(node, e.Services);
            if (component < from || component >= to)
            {
                throw new ArgumentException(
                    $"given score of '{given.Node}': component '{given.Component}' does not apply, the node is scored at {plan.LevelOf[node]} level", "input");
            }

            if (given.Score is { } score && !(score is >= 0 and <= 100))
            {
                throw new ArgumentException($"given score of '{given.Node}': {score} is not between 0 and 100", "input");
            }

            var slot = (node * e.Width) + component;
            if (e.GivenSet[slot])
            {
                throw new ArgumentException($"node '{given.Node}' has more than one given score for component '{given.Component}'", "input");
            }

            e.GivenSet[slot] = true;
            e.GivenValue[slot] = given.Score ?? double.NaN;
        }

        // Parents come before children in reverse post-order, so coverage flows down in one pass.
        for (var i = plan.PostOrder.Length - 1; i >= 0; i--)
        {
            var node = plan.PostOrder[i];
            var parent = plan.Parent[node];
            e.Covered[node] = (parent >= 0 && e.Covered[parent]) || IsGiven(e, node);
        }
    }

    private static bool IsGiven(Evaluation e, int node)
    {
        if (!e.HasGiven)
        {
            return false;
        }

        var row = node * e.Width;
        for (var c = 0; c < e.Width; c++)
        {
            if (e.GivenSet[row + c])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A given node: its components are the given numbers; a component without one is unanswered.</summary>
    private static void ComputeGiven(Evaluation e, int node, int from, int to)
    {
        var row = node * e.Width;
        int answered = 0, expected = 0;
        for (var c = from; c < to; c++)
        {
            if (!e.GivenSet[row + c])
            {
                e.Scores[row + c] = double.NaN;
                expected++;
                continue;
            }

            var value = e.GivenValue[row + c];
            e.Scores[row + c] = value;
            if (!double.IsNaN(value))
            {
                answered++;
                expected++;
            }
        }

        e.Answered[node] = answered;
        e.Expected[node] = expected;
    }

    /// <summary>The numbers only, children before parents; nothing is allocated here.</summary>
    private static void ComputeScores(Evaluation e)
    {
        var plan = e.Plan;
        var width = e.Width;
        foreach (var node in plan.PostOrder)
        {
            var (from, to) = plan.Range(node, e.Services);
            var row = node * width;
            var item = plan.ItemOf[node];
            if (item < 0 && IsGiven(e, node))
            {
                ComputeGiven(e, node, from, to);
            }
            else if (item >= 0)
            {
                var values = plan.OptionValues[item];
                int answered = 0, expected = 0;
                for (var c = from; c < to; c++)
                {
                    var option = e.SlotOption[(item * width) + c];
                    var value = option < 0 ? double.NaN : values[option];
                    e.Scores[row + c] = value;
                    if (option < 0)
                    {
                        expected++;
                    }
                    else if (!double.IsNaN(value))
                    {
                        answered++;
                        expected++;
                    }
                }

                e.Answered[node] = answered;
                e.Expected[node] = expected;
            }
            else
            {
                var children = plan.Children[node];
                int answered = 0, expected = 0;
                foreach (var child in children)
                {
                    answered += e.Answered[child];
                    expected += e.Expected[child];
                }

                e.Answered[node] = answered;
                e.Expected[node] = expected;
                var rule = plan.CombineOf[node];
                for (var c = from; c < to; c++)
                {
                    var sum = default(Accumulator);
                    foreach (var child in children)
                    {
                        sum.Add(ChildScore(e, child, c), plan.Weights[child]);
                    }

                    e.Scores[row + c] = sum.Result(rule);
                }
            }

            if (plan.Declarer[node] < 0)
            {
                e.Overall[node] = e.Scores[row];
            }
            else
            {
                var sum = default(Accumulator);
                for (var c = from; c < to; c++)
                {
                    sum.Add(e.Scores[row + c], 1);
                }

                e.Overall[node] = sum.Result(plan.ComponentCombine);
            }
        }

        var total = default(Accumulator);
        foreach (var node in plan.TotalNodes)
        {
            total.Add(e.Overall[node], plan.Weights[node]);
        }

        var result = total.Result(plan.Methodology.Total.Combine);
        e.Total = double.IsNaN(result) ? null : result;
    }

    /// <summary>What a child contributes to its parent's component: a node that declares its own scoring level contributes its combined score.</summary>
    private static double ChildScore(Evaluation e, int child, int component) =>
        e.Plan.Declares[child] ? e.Overall[child] : e.Scores[(child * e.Width) + component];

    private static double? Known(double value) => double.IsNaN(value) ? null : value;

    private static ScoreResult BuildResult(Evaluation e)
    {
        var plan = e.Plan;
        var methodology = plan.Methodology;
        var input = e.Input;
        var services = input.Services;
        var steps = new List<DerivationStep>(plan.Nodes.Length * e.Width + 8);
        var nodeScores = new NodeScore[plan.Nodes.Length];
        foreach (var index in plan.PostOrder)
        {
            var node = plan.Nodes[index];
            var (from, to) = plan.Range(index, e.Services);
            var item = plan.ItemOf[index];
            var given = item < 0 && IsGiven(e, index);
            for (var c = from; c < to; c++)
            {
                steps.Add(given
                    ? new GivenStep(node.Key, ComponentKey(c, services), e.GivenSet[(index * e.Width) + c], Known(e.Scores[(index * e.Width) + c]))
                    : item >= 0 ? ItemStepFor(e, index, item, c) : NodeStepFor(e, index, c));
            }

            IReadOnlyList<ComponentScore> components = [];
            if (plan.Declarer[index] >= 0)
            {
                var scores = new ComponentScore[to - from];
                for (var c = from; c < to; c++)
                {
                    scores[c - from] = new ComponentScore(ComponentKey(c, services), Known(e.Scores[(index * e.Width) + c]));
                }

                components = scores;
                steps.Add(new ComponentsStep(node.Key, plan.LevelOf[index], plan.Declares[index], plan.ComponentCombine, scores, Known(e.Overall[index])));
            }

            nodeScores[index] = new NodeScore(node.Key, node.Level, Known(e.Overall[index]), components, e.Answered[index], e.Expected[index]);
        }

        var totalTerms = new Term[plan.TotalNodes.Length];
        for (var i = 0; i < totalTerms.Length; i++)
        {
            var node = plan.TotalNodes[i];
            totalTerms[i] = new Term(plan.Nodes[node].Key, Known(e.Overall[node]), plan.Weights[node]);
        }

        steps.Add(new TotalStep(methodology.Total.Over, methodology.Total.Combine, totalTerms, e.Total));

        int answered = 0, applicable = 0;
        foreach (var node in plan.ItemNode)
        {
            if (e.HasGiven && e.Covered[node])
            {
                continue;
            }

            answered += e.Answered[node];
            applicable += e.Expected[node];
        }

        if (e.HasGiven)
        {
            // A given node counts its components in place of the answers below it (outermost given nodes only).
            for (var node = 0; node < plan.Nodes.Length; node++)
            {
                var parent = plan.Parent[node];
                if (IsGiven(e, node) && plan.ItemOf[node] < 0 && (parent < 0 || !e.Covered[parent]))
                {
                    answered += e.Answered[node];
                    applicable += e.Expected[node];
                }
            }
        }

        IReadOnlyList<ImpactRating> impacts = input.Impacts.Count == 0
            ? []
            : Severity.Prioritize(input.Impacts, methodology.Impacts ?? Severity.Default);

        var tiering = Tiering.Apply(e, impacts, steps);
        return new ScoreResult(
            plan.Id,
            e.Total,
            nodeScores,
            new Completeness(answered, applicable),
            tiering.Tier,
            tiering.Threshold,
            tiering.RedFlags,
            tiering.SeverityFloors,
            tiering.Decision,
            impacts,
            steps);
    }

    private static ItemStep ItemStepFor(Evaluation e, int index, int item, int component)
    {
        var node = e.Plan.Nodes[index];
        var key = ComponentKey(component, e.Input.Services);
        var slot = (item * e.Width) + component;
        var answerIndex = e.SlotAnswer[slot];
        if (answerIndex < 0)
        {
            return new ItemStep(node.Key, key, ItemStatus.Unanswered, null, null, node.Reversed, node.Weight, null, []);
        }

        var answer = e.Input.Answers[answerIndex];
        var optionScore = Known(e.Plan.OptionScores[item][e.SlotOption[slot]]);
        return new ItemStep(
            node.Key,
            key,
            optionScore is null ? ItemStatus.NotApplicable : ItemStatus.Scored,
            answer.Option,
            optionScore,
            node.Reversed,
            node.Weight,
            Known(e.Scores[(index * e.Width) + component]),
            answer.EvidenceIds);
    }

    private static NodeStep NodeStepFor(Evaluation e, int index, int component)
    {
        var plan = e.Plan;
        var children = plan.Children[index];
        var terms = new Term[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            terms[i] = new Term(plan.Nodes[child].Key, Known(ChildScore(e, child, component)), plan.Weights[child]);
        }

        return new NodeStep(
            plan.Nodes[index].Key,
            ComponentKey(component, e.Input.Services),
            plan.CombineOf[index],
            plan.CombineFromLevel[index],
            terms,
            Known(e.Scores[(index * e.Width) + component]));
    }
}

/// <summary>Combines scores; excluded ones (NaN) are left out, and no score at all gives NaN (excluded).</summary>
internal struct Accumulator
{
    private double _sum;
    private double _weightedSum;
    private double _weights;
    private double _min;
    private double _max;
    private int _count;

    public void Add(double score, double weight)
    {
        if (double.IsNaN(score))
        {
            return;
        }

        if (_count == 0)
        {
            _min = score;
            _max = score;
        }
        else
        {
            _min = Math.Min(_min, score);
            _max = Math.Max(_max, score);
        }

        _sum += score;
        _weightedSum += score * weight;
        _weights += weight;
        _count++;
    }

    // A mean lies between the lowest and highest score; clamping removes rounding that could step outside.
    public readonly double Result(Combine rule) => _count == 0
        ? double.NaN
        : rule switch
        {
            Combine.Mean => Math.Clamp(_sum / _count, _min, _max),
            Combine.WeightedMean => Math.Clamp(_weightedSum / _weights, _min, _max),
            Combine.Min => _min,
            Combine.Max => _max,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown combine rule"),
        };
}
