using System.Globalization;
using Rightscope.Core.Methodologies;

namespace Rightscope.Cli;

/// <summary>Prints a methodology as an indented outline for <c>methodology show</c>.</summary>
public static class MethodologyPrinter
{
    public static void Print(Methodology methodology, string language, TextWriter output)
    {
        output.WriteLine($"{methodology.Id}: {methodology.Title.In(language)}");
        output.WriteLine($"  {methodology.Summary.In(language)}");
        output.WriteLine($"  subjects: {string.Join(", ", methodology.Subjects.Select(s => s.ToString().ToLowerInvariant()))}");
        output.WriteLine($"  structure: {MethodologyCommands.Counts(methodology)}");
        output.WriteLine($"  total: {Combine(methodology.Total.Combine)} over {methodology.Total.Over}"
            + (methodology.Components is { } components ? $"; components (company/services): {Combine(components.Combine)}" : ""));

        foreach (var attribute in methodology.Attributes)
        {
            output.WriteLine($"  attribute {attribute.Key}: {string.Join(" | ", attribute.Options.Select(o => $"{o.Key} {o.Title.In(language)}"))}");
        }

        foreach (var set in methodology.AnswerSets)
        {
            output.WriteLine($"  answer set {set.Key}: {string.Join(" | ", set.Options.Select(o => $"{o.Key} {(o.Score is { } score ? score.ToString(CultureInfo.InvariantCulture) : "excluded")}"))}");
        }

        output.WriteLine();
        var levels = methodology.Levels.ToDictionary(l => l.Key);
        foreach (var node in methodology.Structure)
        {
            PrintNode(node, levels, language, output, depth: 0);
        }

        if (methodology.Impacts is { } impacts)
        {
            output.WriteLine();
            output.WriteLine($"impacts: severity {impacts.Formula.ToString().ToLowerInvariant()} of scale, scope and irremediable character; severe at {impacts.SevereAt}, irremediable at {impacts.IrremediableAt}{(impacts.Likelihood ? "; likelihood for potential impacts" : "")}");
        }

        if (methodology.Tiers is { } tiers)
        {
            output.WriteLine();
            foreach (var threshold in tiers.Thresholds)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"tier thresholds{(threshold.When is null ? "" : " (when " + Describe(threshold.When) + ")")}: tier 1 from {threshold.Tier1Min}, tier 2 from {threshold.Tier2Min}, else tier 3"));
            }

            foreach (var flag in tiers.RedFlags)
            {
                output.WriteLine($"red flag {flag.Key} → tier {flag.Floor} at best: {flag.Title.In(language)} [{Describe(flag.When)}]");
            }

            foreach (var floor in tiers.SeverityFloors)
            {
                output.WriteLine($"severity floor: an impact of severity {floor.MinSeverity}+{(floor.Irremediable ? ", irremediable," : "")} → tier {floor.Floor} at best");
            }
        }

        foreach (var decision in methodology.Decisions)
        {
            output.WriteLine($"tier {decision.Tier} → {decision.Decision.ToString().ToLowerInvariant()}: {decision.Title.In(language)}");
        }
    }

    private static void PrintNode(Node node, IReadOnlyDictionary<string, Level> levels, string language, TextWriter output, int depth)
    {
        var indent = new string(' ', depth * 2);
        var details = new List<string>();
        if (node.Weight != 1)
        {
            details.Add(string.Create(CultureInfo.InvariantCulture, $"weight {node.Weight}"));
        }

        if (!node.IsItem)
        {
            details.Add(Combine(node.Combine ?? levels[node.Level].Combine ?? Core.Methodologies.Combine.Mean));
        }

        if (node.ScoringLevel is { } scoringLevel)
        {
            details.Add($"scored per {scoringLevel.ToString().ToLowerInvariant()}");
        }

        if (node.AnswerSet is { } answerSet)
        {
            details.Add(answerSet);
        }

        if (node.Reversed)
        {
            details.Add("reversed");
        }

        output.WriteLine($"{indent}{node.Level} {node.Key}: {node.Title.In(language)}{(details.Count > 0 ? " [" + string.Join(", ", details) + "]" : "")}");
        foreach (var child in node.Children)
        {
            PrintNode(child, levels, language, output, depth + 1);
        }
    }

    private static string Combine(Combine combine) => combine switch
    {
        Core.Methodologies.Combine.Mean => "mean",
        Core.Methodologies.Combine.WeightedMean => "weighted mean",
        Core.Methodologies.Combine.Min => "minimum",
        Core.Methodologies.Combine.Max => "maximum",
        _ => throw new ArgumentOutOfRangeException(nameof(combine), combine, null),
    };

    public static string Describe(Condition condition) => condition switch
    {
        AllOf all => "all of (" + string.Join("; ", all.Conditions.Select(Describe)) + ")",
        AnyOf any => "any of (" + string.Join("; ", any.Conditions.Select(Describe)) + ")",
        NotCondition not => "not " + Describe(not.Condition),
        AttributeIn attribute => $"{attribute.Attribute} in {string.Join("/", attribute.Values)}",
        AnswerIn answer => $"{answer.Item} answered {string.Join("/", answer.Options)}",
        NodeBelow below => string.Create(CultureInfo.InvariantCulture, $"{below.Node} below {below.Value}"),
        TotalBelow total => string.Create(CultureInfo.InvariantCulture, $"total below {total.Value}"),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };
}
