using YamlDotNet.RepresentationModel;

namespace Rightscope.Core.Methodologies.Loading;

internal sealed partial class MethodologyReader
{
    private static readonly string[] ConditionForms = ["all", "any", "not", "attribute", "item", "node", "total-below"];

    private Condition? ReadCondition(YamlNode yaml, string? context)
    {
        if (yaml is not YamlMappingNode mapping)
        {
            document.Error(yaml, context, $"a condition must be a mapping, not {YamlDocument.Kind(yaml)}");
            return null;
        }

        var forms = mapping.Children.Keys.OfType<YamlScalarNode>().Select(name => name.Value).Where(ConditionForms.Contains).ToList();
        if (forms.Count != 1)
        {
            document.Error(yaml, context, forms.Count == 0
                ? $"a condition needs one of {string.Join(", ", ConditionForms)}"
                : $"a condition has exactly one of {string.Join(", ", ConditionForms)}, not {string.Join(" and ", forms)} (combine them with 'all')");
            return null;
        }

        return forms[0] switch
        {
            "all" or "any" => ReadAllOrAny(yaml, context, forms[0]!),
            "not" => ReadNot(yaml, context),
            "attribute" => ReadAttributeIn(yaml, context),
            "item" => ReadAnswerIn(yaml, context),
            "node" => ReadNodeBelow(yaml, context),
            _ => ReadTotalBelow(yaml, context),
        };
    }

    private Condition? ReadAllOrAny(YamlNode yaml, string? context, string form)
    {
        if (document.Open(yaml, context, $"an '{form}' condition", form) is not { } fields)
        {
            return null;
        }

        var items = fields.Sequence(form, required: true, nonEmpty: true) ?? [];
        var conditions = items.Select(item => ReadCondition(item, context)).ToList();
        if (items.Count == 0 || conditions.Any(condition => condition is null))
        {
            return null;
        }

        return form == "all" ? new AllOf(conditions!) : new AnyOf(conditions!);
    }

    private Condition? ReadNot(YamlNode yaml, string? context) =>
        document.Open(yaml, context, "a 'not' condition", "not") is { } fields && ReadCondition(fields.Get("not", true)!, context) is { } inner
            ? new NotCondition(inner)
            : null;

    private Condition? ReadAttributeIn(YamlNode yaml, string? context)
    {
        if (document.Open(yaml, context, "an 'attribute' condition", "attribute", "in") is not { } fields)
        {
            return null;
        }

        var attribute = fields.Key("attribute");
        var values = KeyList(fields, "in", "value");
        if (attribute is null || values is null)
        {
            return null;
        }

        var at = fields.Get("attribute", false)!;
        referenceChecks.Add(() =>
        {
            if (!attributes.TryGetValue(attribute, out var known))
            {
                document.Error(at, context, $"subject attribute '{attribute}' does not exist");
                return;
            }

            foreach (var (value, node) in values)
            {
                if (!known.Contains(value))
                {
                    document.Error(node, context, $"'{value}' is not an option of subject attribute '{attribute}'");
                }
            }
        });
        return new AttributeIn(attribute, [.. values.Select(value => value.Key)]);
    }

    private Condition? ReadAnswerIn(YamlNode yaml, string? context)
    {
        if (document.Open(yaml, context, "an 'item' condition", "item", "answer-in") is not { } fields)
        {
            return null;
        }

        var item = fields.Key("item");
        var options = KeyList(fields, "answer-in", "option");
        if (item is null || options is null)
        {
            return null;
        }

        var at = fields.Get("item", false)!;
        referenceChecks.Add(() =>
        {
            if (!nodes.TryGetValue(item, out var node))
            {
                document.Error(at, context, $"item '{item}' does not exist");
                return;
            }

            if (node.AnswerSet is null || !node.IsItem)
            {
                document.Error(at, context, $"'{item}' is not an item (only items of level '{itemLevelKey}' are answered)");
                return;
            }

            if (!answerSets.TryGetValue(node.AnswerSet, out var set))
            {
                return;
            }

            foreach (var (option, optionNode) in options)
            {
                if (!set.Contains(option))
                {
                    document.Error(optionNode, context, $"option '{option}' is not in answer set '{node.AnswerSet}' of item '{item}'");
                }
            }
        });
        return new AnswerIn(item, [.. options.Select(option => option.Key)]);
    }

    private Condition? ReadNodeBelow(YamlNode yaml, string? context)
    {
        if (document.Open(yaml, context, "a 'node' condition", "node", "below") is not { } fields)
        {
            return null;
        }

        var node = fields.Key("node");
        var below = Score(fields, "below");
        if (node is null || below is null)
        {
            return null;
        }

        var at = fields.Get("node", false)!;
        referenceChecks.Add(() =>
        {
            if (!nodes.ContainsKey(node))
            {
                document.Error(at, context, $"node '{node}' does not exist");
            }
        });
        return new NodeBelow(node, below.Value);
    }

    private Condition? ReadTotalBelow(YamlNode yaml, string? context) =>
        document.Open(yaml, context, "a 'total-below' condition", "total-below") is { } fields && Score(fields, "total-below") is { } value
            ? new TotalBelow(value)
            : null;

    private double? Score(Fields fields, string name)
    {
        var value = fields.Number(name, required: true);
        if (value is < 0 or > 100)
        {
            document.Error(fields.Get(name, false)!, fields.Context, $"{name} must be a score from 0 to 100, not {value}");
            return null;
        }

        return value;
    }

    /// <summary>A non-empty list of keys, each with its node for error lines.</summary>
    private List<(string Key, YamlNode Node)>? KeyList(Fields fields, string name, string what)
    {
        if (fields.Sequence(name, required: true, nonEmpty: true) is not { Count: > 0 } items)
        {
            return null;
        }

        var keys = new List<(string, YamlNode)>();
        foreach (var item in items)
        {
            if (document.Key(item, fields.Context, $"a {what} in '{name}'") is { } key)
            {
                keys.Add((key, item));
            }
        }

        return keys.Count == items.Count ? keys : null;
    }
}
