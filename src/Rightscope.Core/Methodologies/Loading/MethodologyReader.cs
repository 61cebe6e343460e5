using YamlDotNet.RepresentationModel;

namespace Rightscope.Core.Methodologies.Loading;

/// <summary>
/// Reads one <c>rightscope/methodology@1</c> document into the model, checking it as it goes. References (answer sets,
/// sources, items, attributes) are checked once the whole file is read, so their order in the file does not matter.
/// </summary>
internal sealed partial class MethodologyReader(YamlDocument document)
{
    private static readonly Dictionary<string, Combine> Combines = new()
    {
        ["mean"] = Combine.Mean,
        ["weighted-mean"] = Combine.WeightedMean,
        ["min"] = Combine.Min,
        ["max"] = Combine.Max,
    };

    private static readonly Dictionary<string, ScoringLevel> ScoringLevels = new()
    {
        ["company"] = ScoringLevel.Company,
        ["service"] = ScoringLevel.Service,
        ["both"] = ScoringLevel.Both,
    };

    private static readonly Dictionary<string, SubjectKind> SubjectKinds = new()
    {
        ["company"] = SubjectKind.Company,
        ["product"] = SubjectKind.Product,
        ["service"] = SubjectKind.Service,
        ["market"] = SubjectKind.Market,
    };

    private static readonly Dictionary<string, Decision> Decisions = new()
    {
        ["invest"] = Decision.Invest,
        ["engage"] = Decision.Engage,
        ["exclude"] = Decision.Exclude,
    };

    private static readonly Dictionary<string, SeverityFormula> Formulas = new()
    {
        ["max"] = SeverityFormula.Max,
        ["mean"] = SeverityFormula.Mean,
    };

    private readonly List<Action> referenceChecks = [];
    private readonly HashSet<string> sourceKeys = [];
    // Option keys by attribute and by answer set, including options with other errors, so references to them are not reported too.
    private readonly Dictionary<string, HashSet<string>> attributes = [];
    private readonly Dictionary<string, HashSet<string>> answerSets = [];
    private readonly Dictionary<string, int> levelIndex = [];
    private readonly HashSet<string> nodeKeys = [];
    private readonly Dictionary<string, Node> nodes = [];
    private readonly List<(YamlNode At, string? Context, ScoringLevel Level)> componentScoredNodes = [];
    private int itemLevel = -1;
    private string? itemLevelKey;
    private string? totalOver;

    /// <summary>The line of the methodology's <c>key</c>, for errors about the whole file (a duplicate key@version).</summary>
    public int KeyLine { get; private set; } = 1;

    public Methodology? Read(YamlMappingNode root)
    {
        var top = document.Open(root, null, "the methodology",
            "format", "key", "version", "title", "summary", "subjects", "sources", "subject-attributes", "answer-sets",
            "levels", "total", "components", "structure", "impacts", "tiers", "decisions")!;

        var format = top.String("format", required: true);
        if (format is not null && format != Methodology.Format)
        {
            document.Error(top.Get("format", false)!, "format", $"format must be '{Methodology.Format}', not '{format}'");
        }

        var key = top.Key(required: true);
        if (top.Get("key", false) is { } keyNode)
        {
            KeyLine = YamlDocument.Line(keyNode);
        }

        var version = ReadVersion(top);
        var title = top.Text("title", required: true);
        var summary = top.Text("summary", required: true);
        var subjects = ReadSubjects(top);
        var sources = ReadSources(top);
        var subjectAttributes = ReadAttributes(top);
        var sets = ReadAnswerSets(top);
        var levels = ReadLevels(top);
        var total = ReadTotal(top);
        var components = ReadComponents(top);
        var structure = ReadStructure(top);
        var impacts = ReadImpacts(top);
        var tiers = ReadTiers(top, hasImpacts: top.Has("impacts"));
        var decisions = ReadDecisions(top);

        if (components is null)
        {
            foreach (var (at, context, level) in componentScoredNodes)
            {
                document.Error(at, context,
                    $"scoring-level '{Spelling(ScoringLevels, level)}' needs a top-level 'components' section (how company and service scores combine)");
            }
        }

        foreach (var check in referenceChecks)
        {
            check();
        }

        return document.HasErrors
            ? null
            : new Methodology(key!, version!, title!, summary!, subjects, sources, subjectAttributes, sets, levels, total!, components,
                structure, impacts, tiers, decisions);
    }

    public static string Spelling<T>(Dictionary<string, T> values, T value) where T : struct =>
        values.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    public static string? ReadVersion(Fields fields, YamlDocument document)
    {
        var version = fields.String("version", required: true);
        if (version is not null && !SemanticVersion.TryParse(version, out _))
        {
            document.Error(fields.Get("version", false)!, fields.ErrorKey("version"), $"version '{version}' is not MAJOR.MINOR.PATCH (e.g. 1.0.0)");
            return null;
        }

        return version;
    }

    private string? ReadVersion(Fields top) => ReadVersion(top, document);

    private List<SubjectKind> ReadSubjects(Fields top)
    {
        var subjects = new List<SubjectKind>();
        foreach (var item in top.Sequence("subjects", required: true, nonEmpty: true) ?? [])
        {
            if (document.Scalar(item, "subjects", "a subject") is not { } text)
            {
                continue;
            }

            if (!SubjectKinds.TryGetValue(text, out var kind))
            {
                document.Error(item, "subjects", $"subject '{text}' is not one of {string.Join(", ", SubjectKinds.Keys)}");
            }
            else if (subjects.Contains(kind))
            {
                document.Error(item, "subjects", $"subject '{text}' is listed more than once");
            }
            else
            {
                subjects.Add(kind);
            }
        }

        return subjects;
    }

    private List<Source> ReadSources(Fields top)
    {
        var sources = new List<Source>();
        foreach (var item in top.Sequence("sources") ?? [])
        {
            if (document.Open(item, "sources", "a source", "key", "citation") is not { } fields)
            {
                continue;
            }

            var key = UniqueKey(fields, "sources", sourceKeys, "source");
            var citation = fields.Text("citation", required: true);
            if (key is not null && citation is not null)
            {
                sources.Add(new Source(key, citation));
            }
        }

        return sources;
    }

    private List<SubjectAttribute> ReadAttributes(Fields top)
    {
        var list = new List<SubjectAttribute>();
        var keys = new HashSet<string>();
        foreach (var item in top.Sequence("subject-attributes") ?? [])
        {
            if (document.Open(item, "subject-attributes", "a subject attribute", "key", "title", "options") is not { } fields)
            {
                continue;
            }

            var key = UniqueKey(fields, "subject-attributes", keys, "subject attribute");
            var title = fields.Text("title", required: true);
            var options = new List<AttributeOption>();
            var optionKeys = new HashSet<string>();
            foreach (var optionNode in fields.Sequence("options", required: true, nonEmpty: true) ?? [])
            {
                if (document.Open(optionNode, fields.Context, "an attribute option", "key", "title") is not { } option)
                {
                    continue;
                }

                var optionKey = UniqueKey(option, fields.Context, optionKeys, $"option of attribute '{key}'");
                var optionTitle = option.Text("title", required: true);
                if (optionKey is not null && optionTitle is not null)
                {
                    options.Add(new AttributeOption(optionKey, optionTitle));
                }
            }

            if (key is not null)
            {
                attributes.TryAdd(key, optionKeys);
                list.Add(new SubjectAttribute(key, title ?? LocalizedText.Of("", ""), options));
            }
        }

        return list;
    }

    private List<AnswerSet> ReadAnswerSets(Fields top)
    {
        var sets = new List<AnswerSet>();
        var keys = new HashSet<string>();
        foreach (var item in top.Sequence("answer-sets", required: true, nonEmpty: true) ?? [])
        {
            if (document.Open(item, "answer-sets", "an answer set", "key", "options") is not { } fields)
            {
                continue;
            }

            var key = UniqueKey(fields, "answer-sets", keys, "answer set");
            var options = new List<AnswerOption>();
            var optionKeys = new HashSet<string>();
            var optionNodes = fields.Sequence("options", required: true, nonEmpty: true);
            foreach (var optionNode in optionNodes ?? [])
            {
                if (ReadOption(optionNode, fields.Context, key, optionKeys) is { } option)
                {
                    options.Add(option);
                }
            }

            // Only when every option read cleanly: an option with a bad score is already reported.
            if (optionNodes is { Count: > 0 } && options.Count == optionNodes.Count && options.All(option => option.IsExcluded))
            {
                document.Error(fields.Get("options", false)!, fields.Context, $"answer set '{key}' has no scored option");
            }

            if (key is not null)
            {
                answerSets.TryAdd(key, optionKeys);
                sets.Add(new AnswerSet(key, options));
            }
        }

        return sets;
    }

    private AnswerOption? ReadOption(YamlNode node, string? setContext, string? setKey, HashSet<string> optionKeys)
    {
        if (document.Open(node, setContext, "an answer option", "key", "title", "score", "excluded") is not { } fields)
        {
            return null;
        }

        var key = UniqueKey(fields, setContext, optionKeys, $"option of answer set '{setKey}'");
        var title = fields.Text("title", required: true);
        var score = fields.Number("score");
        var excluded = fields.Boolean("excluded") ?? false;
        var valid = key is not null && title is not null;
        if (excluded && fields.Has("score"))
        {
            document.Error(fields.Node, fields.Context, "an option has either a score or 'excluded: true', not both");
            valid = false;
        }
        else if (!excluded && !fields.Has("score"))
        {
            document.Error(fields.Node, fields.Context, "an option needs a score from 0 to 100 or 'excluded: true'");
            valid = false;
        }
        else if (score is < 0 or > 100)
        {
            document.Error(fields.Get("score", false)!, fields.Context, $"score {score} is not between 0 and 100");
            valid = false;
        }

        return valid ? new AnswerOption(key!, title!, excluded ? null : score) : null;
    }

    private List<Level> ReadLevels(Fields top)
    {
        var list = new List<Level>();
        var keys = new HashSet<string>();
        var items = top.Sequence("levels", required: true, nonEmpty: true) ?? [];
        itemLevel = items.Count - 1;
        for (var i = 0; i < items.Count; i++)
        {
            if (document.Open(items[i], "levels", "a level", "key", "title", "combine") is not { } fields)
            {
                continue;
            }

            var key = UniqueKey(fields, "levels", keys, "level");
            var title = fields.Text("title", required: true);
            var combine = fields.Choice("combine", Combines);
            var isItemLevel = i == items.Count - 1;
            if (isItemLevel && fields.Get("combine", false) is { } combineNode)
            {
                document.Error(combineNode, fields.Context, $"the last level '{key}' holds the answered items and has no 'combine'");
            }
            else if (!isItemLevel && !fields.Has("combine"))
            {
                document.Error(fields.Node, fields.Context, $"level '{key}' needs 'combine' (how its nodes combine their children's scores)");
            }

            if (isItemLevel)
            {
                itemLevelKey = key;
            }

            if (key is not null)
            {
                levelIndex.TryAdd(key, i);
                list.Add(new Level(key, title ?? LocalizedText.Of("", ""), combine));
            }
        }

        return list;
    }

    private TotalRule? ReadTotal(Fields top)
    {
        if (top.Open("total", required: true, "over", "combine") is not { } fields)
        {
            return null;
        }

        fields.Context = "total";
        var over = fields.Key("over");
        var combine = fields.Choice("combine", Combines, required: true);
        if (over is not null)
        {
            if (!levelIndex.TryGetValue(over, out var index))
            {
                document.Error(fields.Get("over", false)!, "total", $"level '{over}' does not exist");
                over = null;
            }
            else if (index == itemLevel)
            {
                document.Error(fields.Get("over", false)!, "total", $"'over' must name a level above the item level '{over}'");
                over = null;
            }
        }

        totalOver = over;
        return over is not null && combine is not null ? new TotalRule(over, combine.Value) : null;
    }

    private ComponentRule? ReadComponents(Fields top)
    {
        if (top.Open("components", required: false, "combine") is not { } fields)
        {
            return null;
        }

        fields.Context = "components";
        return fields.Choice("combine", Combines, required: true) is { } combine ? new ComponentRule(combine) : null;
    }

    private List<Node> ReadStructure(Fields top)
    {
        var structure = new List<Node>();
        foreach (var item in top.Sequence("structure", required: true, nonEmpty: true) ?? [])
        {
            if (ReadNode(item, "structure", parentLevel: -1, parentLevelKey: null, scoringOwner: null, underTotal: false) is { } node)
            {
                structure.Add(node);
            }
        }

        foreach (var node in structure.SelectMany(node => node.DescendantsAndSelf()))
        {
            nodes.TryAdd(node.Key, node);
        }

        return structure;
    }

    private Node? ReadNode(YamlNode yaml, string? parentContext, int parentLevel, string? parentLevelKey, string? scoringOwner, bool underTotal)
    {
        if (document.Open(yaml, parentContext, "a node",
                "key", "level", "title", "summary", "guidance", "evidence", "weight", "combine", "scoring-level", "answer-set",
                "reversed", "source", "children") is not { } fields)
        {
            return null;
        }

        var key = UniqueKey(fields, parentContext, nodeKeys, "node");
        var context = fields.Context;

        var levelKey = fields.Key("level");
        int? index = null;
        if (levelKey is not null)
        {
            if (!levelIndex.TryGetValue(levelKey, out var found))
            {
                document.Error(fields.Get("level", false)!, context, $"level '{levelKey}' does not exist");
            }
            else if (found <= parentLevel)
            {
                document.Error(fields.Get("level", false)!, context, $"level '{levelKey}' must be below its parent's level '{parentLevelKey}'");
            }
            else
            {
                index = found;
            }
        }

        var title = fields.Text("title", required: true);
        var summary = fields.Text("summary");
        var guidance = fields.Text("guidance");
        var evidence = fields.Text("evidence");
        var weight = fields.Number("weight");
        if (weight is <= 0)
        {
            document.Error(fields.Get("weight", false)!, context, $"weight must be greater than 0, not {weight}");
        }

        var combine = fields.Choice("combine", Combines);
        var scoringLevel = fields.Choice("scoring-level", ScoringLevels);
        if (scoringLevel is not null)
        {
            var at = fields.Get("scoring-level", false)!;
            if (scoringOwner is not null)
            {
                document.Error(at, context, $"scoring-level is already set by ancestor '{scoringOwner}' and is inherited from it");
            }
            else if (scoringLevel is ScoringLevel.Service or ScoringLevel.Both)
            {
                componentScoredNodes.Add((at, context, scoringLevel.Value));
            }
        }

        var answerSetKey = fields.Key("answer-set", required: false);
        var reversed = fields.Boolean("reversed");
        var source = fields.Key("source", required: false);
        CheckSource(fields, source);
        var childNodes = fields.Sequence("children");

        var isItem = index == itemLevel;
        if (index is not null && isItem)
        {
            if (!fields.Has("answer-set"))
            {
                document.Error(fields.Node, context, $"an item (level '{levelKey}') needs an 'answer-set'");
            }

            if (fields.Get("children", false) is { } childrenNode)
            {
                document.Error(childrenNode, context, $"an item (level '{levelKey}') cannot have children");
            }

            if (fields.Get("combine", false) is { } combineNode)
            {
                document.Error(combineNode, context, "an item has no children to combine: remove 'combine'");
            }

            if (totalOver is not null && !underTotal)
            {
                document.Error(fields.Node, context, $"the item counts toward no total: it has no ancestor of level '{totalOver}' (total.over)");
            }
        }
        else if (index is not null)
        {
            if (childNodes is not { Count: > 0 })
            {
                document.Error(fields.Get("children", false) ?? fields.Node, context,
                    $"a node of level '{levelKey}' needs at least one child (only the last level '{itemLevelKey}' is answered)");
            }

            if (fields.Get("answer-set", false) is { } answerSetNode)
            {
                document.Error(answerSetNode, context, $"only items (level '{itemLevelKey}') have an answer-set");
            }

            if (fields.Get("reversed", false) is { } reversedNode)
            {
                document.Error(reversedNode, context, $"only items (level '{itemLevelKey}') can be reversed");
            }
        }

        if (answerSetKey is not null)
        {
            var at = fields.Get("answer-set", false)!;
            referenceChecks.Add(() =>
            {
                if (!answerSets.ContainsKey(answerSetKey))
                {
                    document.Error(at, context, $"answer-set '{answerSetKey}' does not exist");
                }
            });
        }

        var children = new List<Node>();
        var childUnderTotal = underTotal || (levelKey is not null && levelKey == totalOver);
        var childOwner = scoringLevel is not null ? key : scoringOwner;
        foreach (var child in childNodes ?? [])
        {
            if (ReadNode(child, context, index ?? parentLevel, index is null ? parentLevelKey : levelKey, childOwner, childUnderTotal) is { } node)
            {
                children.Add(node);
            }
        }

        // A node with a key is kept even when other fields are wrong, so that references to it are not reported too.
        return key is null
            ? null
            : new Node(key, levelKey ?? "", title ?? LocalizedText.Of("", ""), summary, guidance, evidence, weight ?? 1, combine, scoringLevel, answerSetKey, reversed ?? false,
                source, children);
    }

    private ImpactModel? ReadImpacts(Fields top)
    {
        if (top.Open("impacts", required: false, "severity", "likelihood") is not { } fields)
        {
            return null;
        }

        fields.Context = "impacts";
        var likelihood = fields.Boolean("likelihood") ?? false;
        if (fields.Open("severity", required: true, "formula", "severe-at", "irremediable-at") is not { } severity)
        {
            return null;
        }

        var formula = severity.Choice("formula", Formulas, required: true);
        var severeAt = OneToFive(severity, "severe-at");
        var irremediableAt = OneToFive(severity, "irremediable-at");
        return formula is not null && severeAt is not null && irremediableAt is not null
            ? new ImpactModel(formula.Value, severeAt.Value, irremediableAt.Value, likelihood)
            : null;
    }

    private int? OneToFive(Fields fields, string name, bool required = true)
    {
        var value = fields.Integer(name, required);
        if (value is < 1 or > 5)
        {
            document.Error(fields.Get(name, false)!, fields.Context, $"{name} must be from 1 to 5, not {value}");
            return null;
        }

        return value;
    }

    private TierRules? ReadTiers(Fields top, bool hasImpacts)
    {
        if (top.Open("tiers", required: false, "thresholds", "red-flags", "severity-floors") is not { } fields)
        {
            return null;
        }

        fields.Context = "tiers";
        var thresholds = new List<TierThreshold>();
        var thresholdNodes = fields.Sequence("thresholds", required: true, nonEmpty: true) ?? [];
        for (var i = 0; i < thresholdNodes.Count; i++)
        {
            if (ReadThreshold(thresholdNodes[i], isLast: i == thresholdNodes.Count - 1) is { } threshold)
            {
                thresholds.Add(threshold);
            }
        }

        var redFlags = new List<RedFlag>();
        var redFlagKeys = new HashSet<string>();
        foreach (var item in fields.Sequence("red-flags") ?? [])
        {
            if (ReadRedFlag(item, redFlagKeys) is { } redFlag)
            {
                redFlags.Add(redFlag);
            }
        }

        var severityFloors = new List<SeverityFloor>();
        var floorNodes = fields.Sequence("severity-floors");
        foreach (var item in floorNodes ?? [])
        {
            if (document.Open(item, "tiers", "a severity floor", "min-severity", "irremediable", "floor") is not { } floor)
            {
                continue;
            }

            var minSeverity = OneToFive(floor, "min-severity");
            var irremediable = floor.Boolean("irremediable") ?? false;
            var tier = ReadFloor(floor);
            if (minSeverity is not null && tier is not null)
            {
                severityFloors.Add(new SeverityFloor(minSeverity.Value, irremediable, tier.Value));
            }
        }

        if (floorNodes is { Count: > 0 } && !hasImpacts)
        {
            document.Error(fields.Get("severity-floors", false)!, "tiers", "severity floors need an 'impacts' section that rates severity");
        }

        return new TierRules(thresholds, redFlags, severityFloors);
    }

    private TierThreshold? ReadThreshold(YamlNode node, bool isLast)
    {
        if (document.Open(node, "tiers", "a tier threshold", "when", "tier-1-min", "tier-2-min") is not { } fields)
        {
            return null;
        }

        Condition? when = null;
        if (fields.Get("when", false) is { } whenNode)
        {
            when = ReadCondition(whenNode, "tiers");
            if (isLast)
            {
                document.Error(whenNode, "tiers", "the last threshold must have no 'when': it applies when no other does");
            }
        }
        else if (!isLast)
        {
            document.Error(fields.Node, "tiers", "only the last threshold may have no 'when' (the thresholds after it could never apply)");
        }

        var tier1 = fields.Number("tier-1-min", required: true);
        var tier2 = fields.Number("tier-2-min", required: true);
        if (tier1 is not null && tier2 is not null && !(0 <= tier2 && tier2 <= tier1 && tier1 <= 100))
        {
            document.Error(fields.Node, "tiers",
                $"thresholds must satisfy 0 <= tier-2-min <= tier-1-min <= 100, not tier-1-min {tier1} and tier-2-min {tier2}");
        }

        return tier1 is not null && tier2 is not null ? new TierThreshold(when, tier1.Value, tier2.Value) : null;
    }

    private RedFlag? ReadRedFlag(YamlNode node, HashSet<string> keys)
    {
        if (document.Open(node, "tiers", "a red flag", "key", "title", "floor", "source", "when") is not { } fields)
        {
            return null;
        }

        var key = UniqueKey(fields, "tiers", keys, "red flag");
        var title = fields.Text("title", required: true);
        var floor = ReadFloor(fields);
        var source = fields.Key("source", required: false);
        CheckSource(fields, source);
        var when = fields.Get("when", required: true) is { } whenNode ? ReadCondition(whenNode, fields.Context) : null;
        return key is not null && title is not null && floor is not null && when is not null
            ? new RedFlag(key, title, floor.Value, source, when)
            : null;
    }

    private int? ReadFloor(Fields fields)
    {
        var floor = fields.Integer("floor", required: true);
        if (floor is not null and not (2 or 3))
        {
            document.Error(fields.Get("floor", false)!, fields.Context, $"floor must be 2 or 3 (the best tier it allows), not {floor}");
            return null;
        }

        return floor;
    }

    private List<DecisionRule> ReadDecisions(Fields top)
    {
        var decisions = new List<DecisionRule>();
        var tiers = new HashSet<int>();
        foreach (var item in top.Sequence("decisions") ?? [])
        {
            if (document.Open(item, "decisions", "a decision", "tier", "decision", "title", "guidance") is not { } fields)
            {
                continue;
            }

            var tier = fields.Integer("tier", required: true);
            if (tier is not null and not (1 or 2 or 3))
            {
                document.Error(fields.Get("tier", false)!, "decisions", $"tier must be 1, 2 or 3, not {tier}");
                tier = null;
            }
            else if (tier is not null && !tiers.Add(tier.Value))
            {
                document.Error(fields.Get("tier", false)!, "decisions", $"tier {tier} has more than one decision");
            }

            var decision = fields.Choice("decision", Decisions, required: true);
            var title = fields.Text("title", required: true);
            var guidance = fields.Text("guidance");
            if (tier is not null && decision is not null && title is not null)
            {
                decisions.Add(new DecisionRule(tier.Value, decision.Value, title, guidance));
            }
        }

        return decisions;
    }

    /// <summary>Reads the entry's <c>key</c>, reports it if already used, and makes it the context of the entry's errors.</summary>
    private string? UniqueKey(Fields fields, string? parentContext, HashSet<string> used, string kind)
    {
        var key = fields.Key();
        fields.Context = key ?? parentContext;
        if (key is not null && !used.Add(key))
        {
            document.Error(fields.Get("key", false)!, key, $"{kind} key '{key}' is used more than once");
        }

        return key;
    }

    private void CheckSource(Fields fields, string? source)
    {
        if (source is null)
        {
            return;
        }

        var at = fields.Get("source", false)!;
        var context = fields.Context;
        referenceChecks.Add(() =>
        {
            if (!sourceKeys.Contains(source))
            {
                document.Error(at, context, $"source '{source}' does not exist in 'sources'");
            }
        });
    }
}
