namespace Rightscope.Core.Methodologies;

/// <summary>
/// A versioned, bilingual methodology: what to ask, how answers combine into scores, and what scores mean
/// (DESIGN §2). The file format is documented in <c>docs/methodology-format.md</c>.
/// </summary>
public sealed record Methodology(
    string Key,
    string Version,
    LocalizedText Title,
    LocalizedText Summary,
    IReadOnlyList<SubjectKind> Subjects,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<SubjectAttribute> Attributes,
    IReadOnlyList<AnswerSet> AnswerSets,
    IReadOnlyList<Level> Levels,
    TotalRule Total,
    ComponentRule? Components,
    IReadOnlyList<Node> Structure,
    ImpactModel? Impacts,
    TierRules? Tiers,
    IReadOnlyList<DecisionRule> Decisions)
{
    public const string Format = "rightscope/methodology@1";

    /// <summary><c>key@version</c>, how assessments and the CLI name a methodology version.</summary>
    public string Id => $"{Key}@{Version}";

    /// <summary>How many nodes each level has, top level first ("3 sections, 62 questions").</summary>
    public IReadOnlyList<(Level Level, int Count)> CountByLevel()
    {
        var counts = Structure.SelectMany(node => node.DescendantsAndSelf()).CountBy(node => node.Level).ToDictionary();
        return Levels.Select(level => (level, counts.GetValueOrDefault(level.Key))).ToList();
    }

    /// <summary>The answered nodes, depth first in file order.</summary>
    public IEnumerable<Node> Items => Structure.SelectMany(node => node.DescendantsAndSelf()).Where(node => node.IsItem);
}

public enum SubjectKind
{
    Company,
    Product,
    Service,
    Market,
}

/// <summary>A document a rule or item comes from, cited in the derivation (e.g. seed 001).</summary>
public sealed record Source(string Key, LocalizedText Citation);

/// <summary>A fact about the assessed subject that rules may test, such as the exposure type 1/2/3.</summary>
public sealed record SubjectAttribute(string Key, LocalizedText Title, IReadOnlyList<AttributeOption> Options);

public sealed record AttributeOption(string Key, LocalizedText Title);
