using Microsoft.AspNetCore.Http.HttpResults;
using Rightscope.Cli;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Api;

/// <summary>The methodologies an organization can assess with: the shipped catalog and its own.</summary>
public static class MethodologyApi
{
    public static RouteGroupBuilder MapMethodologyApi(this RouteGroupBuilder group)
    {
        group.MapGet("/methodologies", ListAsync)
            .WithTags("Methodologies")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListMethodologies")
            .WithSummary("The shipped methodologies and the organization's own, with their titles and node counts per level.");
        group.MapGet("/methodologies/{key}/{version}", GetAsync)
            .WithTags("Methodologies")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("GetMethodology")
            .WithSummary("One methodology version: levels, answer sets, the structure with titles and guidance, tier rules and decisions.");
        return group;
    }

    private static async Task<Ok<List<MethodologySummary>>> ListAsync(
        RightscopeDbContext db, MethodologyRegistry registry, CancellationToken cancellationToken)
    {
        var available = await registry.AvailableAsync(db, cancellationToken);
        return TypedResults.Ok(available.Select(MethodologySummary.From).ToList());
    }

    private static async Task<Results<Ok<MethodologyDocument>, NotFound>> GetAsync(
        string key, string version, RightscopeDbContext db, MethodologyRegistry registry, CancellationToken cancellationToken)
    {
        var found = MethodologyRegistry.Find(await registry.AvailableAsync(db, cancellationToken), $"{key}@{version}");
        // Find falls back to the latest version when none is given; the URL always names one, and must match it.
        return found is null || found.Methodology.Version != version.Trim()
            ? TypedResults.NotFound()
            : TypedResults.Ok(MethodologyDocument.From(found));
    }
}

/// <summary>A methodology in the list: <c>origin</c> is <c>shipped</c> or <c>organization</c>; counts are per level key.</summary>
public sealed record MethodologySummary(
    string Key,
    string Version,
    IReadOnlyDictionary<string, string> Title,
    string Origin,
    IReadOnlyDictionary<string, int> Counts)
{
    public static MethodologySummary From(AvailableMethodology available)
    {
        var methodology = available.Methodology;
        return new MethodologySummary(
            methodology.Key,
            methodology.Version,
            methodology.Title.Values,
            OriginOf(available),
            methodology.CountByLevel().ToDictionary(c => c.Level.Key, c => c.Count));
    }

    internal static string OriginOf(AvailableMethodology available) => available.Shipped ? "shipped" : "organization";
}

/// <summary>One methodology version as JSON; texts are objects keyed by language (<c>en</c>, <c>zh-Hans</c>).</summary>
public sealed record MethodologyDocument(
    string Key,
    string Version,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Summary,
    string Origin,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<MethodologyDocument.LevelDocument> Levels,
    IReadOnlyList<MethodologyDocument.AnswerSetDocument> AnswerSets,
    IReadOnlyList<MethodologyDocument.NodeDocument> Structure,
    MethodologyDocument.TiersDocument? Tiers,
    IReadOnlyList<MethodologyDocument.DecisionDocument> Decisions)
{
    public sealed record LevelDocument(string Key, IReadOnlyDictionary<string, string> Title, string? Combine);

    public sealed record AnswerSetDocument(string Key, IReadOnlyList<AnswerOptionDocument> Options);

    /// <summary>A score of null means the option excludes the item (not applicable).</summary>
    public sealed record AnswerOptionDocument(string Key, IReadOnlyDictionary<string, string> Title, double? Score);

    public sealed record NodeDocument(
        string Key,
        string Level,
        IReadOnlyDictionary<string, string> Title,
        IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Guidance,
        double Weight,
        string? Combine,
        string? AnswerSet,
        bool Reversed,
        string? Source,
        IReadOnlyList<NodeDocument> Children);

    public sealed record TiersDocument(
        IReadOnlyList<ThresholdDocument> Thresholds,
        IReadOnlyList<RedFlagDocument> RedFlags,
        IReadOnlyList<SeverityFloorDocument> SeverityFloors);

    /// <summary><c>when</c> describes the condition in words; null means the threshold always applies.</summary>
    public sealed record ThresholdDocument(string? When, double Tier1Min, double Tier2Min);

    public sealed record RedFlagDocument(string Key, IReadOnlyDictionary<string, string> Title, int Floor, string? Source, string When);

    public sealed record SeverityFloorDocument(int MinSeverity, bool Irremediable, int Floor);

    public sealed record DecisionDocument(int Tier, string Decision, IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string>? Guidance);

    public static MethodologyDocument From(AvailableMethodology available)
    {
        var m = available.Methodology;
        return new MethodologyDocument(
            m.Key,
            m.Version,
            m.Title.Values,
            m.Summary.Values,
            MethodologySummary.OriginOf(available),
            m.Subjects.Select(s => s.ToString().ToLowerInvariant()).ToList(),
            m.Levels.Select(l => new LevelDocument(l.Key, l.Title.Values, Code(l.Combine))).ToList(),
            m.AnswerSets.Select(a => new AnswerSetDocument(
                a.Key, a.Options.Select(o => new AnswerOptionDocument(o.Key, o.Title.Values, o.Score)).ToList())).ToList(),
            m.Structure.Select(Node).ToList(),
            m.Tiers is { } tiers
                ? new TiersDocument(
                    tiers.Thresholds.Select(t => new ThresholdDocument(
                        t.When is null ? null : MethodologyPrinter.Describe(t.When), t.Tier1Min, t.Tier2Min)).ToList(),
                    tiers.RedFlags.Select(r => new RedFlagDocument(
                        r.Key, r.Title.Values, r.Floor, r.Source, MethodologyPrinter.Describe(r.When))).ToList(),
                    tiers.SeverityFloors.Select(f => new SeverityFloorDocument(f.MinSeverity, f.Irremediable, f.Floor)).ToList())
                : null,
            m.Decisions.Select(d => new DecisionDocument(
                d.Tier, d.Decision.ToString().ToLowerInvariant(), d.Title.Values, d.Guidance?.Values)).ToList());
    }

    private static NodeDocument Node(Node node) => new(
        node.Key,
        node.Level,
        node.Title.Values,
        node.Summary?.Values,
        node.Guidance?.Values,
        node.Weight,
        Code(node.Combine),
        node.AnswerSet,
        node.Reversed,
        node.Source,
        node.Children.Select(Node).ToList());

    // The spelling of the methodology file format, so API clients and catalog authors use the same words.
    private static string? Code(Combine? combine) => combine switch
    {
        null => null,
        Combine.Mean => "mean",
        Combine.WeightedMean => "weighted-mean",
        Combine.Min => "min",
        Combine.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(combine), combine, null),
    };
}
