namespace Rightscope.Core.Methodologies;

/// <summary>How a node forms its score from its scored children.</summary>
public enum Combine
{
    Mean,
    WeightedMean,
    Min,
    Max,
}

/// <summary>A level of the structure (section, indicator, element…); the last level holds the answered items.</summary>
public sealed record Level(string Key, LocalizedText Title, Combine? Combine);

/// <summary>The total combines the scores of every node at level <see cref="Over"/>.</summary>
public sealed record TotalRule(string Over, Combine Combine);

/// <summary>How the company and service components of a node combine (benchmarks).</summary>
public sealed record ComponentRule(Combine Combine);

/// <summary>Whether a node is scored for the company, for each service of the subject, or both.</summary>
public enum ScoringLevel
{
    Company,
    Service,
    Both,
}

/// <summary>
/// A node of the structure. Items (no children, with an answer set) are answered; other nodes combine their
/// children with <see cref="Combine"/> or their level's rule.
/// </summary>
public sealed record Node(
    string Key,
    string Level,
    LocalizedText Title,
    LocalizedText? Summary,
    LocalizedText? Guidance,
    LocalizedText? Evidence,
    double Weight,
    Combine? Combine,
    ScoringLevel? ScoringLevel,
    string? AnswerSet,
    bool Reversed,
    string? Source,
    IReadOnlyList<Node> Children)
{
    public bool IsItem => Children.Count == 0;

    public IEnumerable<Node> DescendantsAndSelf()
    {
        yield return this;
        foreach (var descendant in Children.SelectMany(child => child.DescendantsAndSelf()))
        {
            yield return descendant;
        }
    }
}
