using System.Text.Json;
using Rightscope.Core.Benchmark;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;

namespace Rightscope.Features.Benchmark;

/// <summary>A published edition as stored at publication and served to the public (never recomputed).</summary>
public sealed record PublishedEdition(
    string Publisher,
    string PublisherSlug,
    string Name,
    string Slug,
    int Year,
    string Methodology,
    string Licence,
    DateOnly PublishedOn,
    string? PreviousName,
    string? PreviousSlug,
    IReadOnlyList<PublishedNode> Categories,
    IReadOnlyList<PublishedNode> Indicators,
    IReadOnlyList<PublishedCompany> Companies,
    string ContentHash)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static PublishedEdition FromJson(string json) =>
        JsonSerializer.Deserialize<PublishedEdition>(json, Options) ?? throw new InvalidDataException("empty edition snapshot");

    public PublishedCompany? Company(string slug) => Companies.FirstOrDefault(c => c.Slug == slug);

    /// <summary>The rows of the open data, companies in rank order: total, categories, indicators.</summary>
    public IReadOnlyList<OpenDataRow> Rows() =>
    [
        .. Companies.SelectMany(c => Enumerable.Empty<OpenDataRow>()
            .Append(new OpenDataRow(c.Name, c.Slug, c.CompanyId, c.Lei, c.Isin, c.Rank, OpenData.TotalKind, OpenData.TotalKind, null, c.Total))
            .Concat(Categories.Select(k => new OpenDataRow(c.Name, c.Slug, c.CompanyId, c.Lei, c.Isin, c.Rank, OpenData.CategoryKind, k.Key, null, c.CategoryScores.GetValueOrDefault(k.Key))))
            .Concat(c.Indicators.Select(i => new OpenDataRow(c.Name, c.Slug, c.CompanyId, c.Lei, c.Isin, c.Rank, OpenData.IndicatorKind, i.Key, i.Category, i.Score)))),
    ];

    public OpenDataEdition ToOpenData() => new(
        OpenData.Schema, Publisher, PublisherSlug, Name, Slug, Year, Methodology, Licence,
        PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ContentHash, Rows());
}

/// <summary>A category or an indicator of the methodology, with its titles.</summary>
public sealed record PublishedNode(string Key, string? Category, IReadOnlyDictionary<string, string> Title)
{
    public string In(string language) => new LocalizedText(Title).In(language);
}

public sealed record PublishedCompany(
    string Name,
    string Slug,
    int? Rank,
    double? Total,
    double? PreviousTotal,
    double? Change,
    IReadOnlyList<string> Services,
    IReadOnlyDictionary<string, double?> CategoryScores,
    IReadOnlyList<PublishedIndicator> Indicators,
    PublishedReply Reply,
    string? CompanyId = null,
    string? Lei = null,
    string? Isin = null)
{
    /// <summary>Null for snapshots published before identities were recorded (their companies are matched through the edition's entries).</summary>
    public CompanyIdentity? Identity => CompanyId is null ? null : new CompanyIdentity(CompanyId, Lei, Isin);
}

public sealed record PublishedIndicator(
    string Key,
    string Category,
    string ScoringLevel,
    double? Score,
    IReadOnlyList<ComponentScore> Components,
    IReadOnlyList<PublishedElement> Elements);

public sealed record PublishedElement(
    string Key,
    IReadOnlyDictionary<string, string> Title,
    string Component,
    string? Option,
    IReadOnlyDictionary<string, string>? OptionTitle,
    double? Score,
    IReadOnlyList<PublishedEvidence> Evidence)
{
    public string In(string language) => new LocalizedText(Title).In(language);

    public string? OptionIn(string language) => OptionTitle is null ? Option : new LocalizedText(OptionTitle).In(language);
}

public sealed record PublishedEvidence(string Title, string? Url);

public sealed record PublishedReply(ReplyDecision Decision, string? Text, DateOnly? ReceivedOn);

/// <summary>What publication scores for one company before ranking.</summary>
public sealed record ScoredEntry(
    BenchmarkEntry Entry, IReadOnlyList<string> Services, ScoreResult Result, IReadOnlyDictionary<string, PublishedEvidence> Evidence,
    IReadOnlyDictionary<string, IReadOnlyList<string>> EvidenceByItem, string? Lei = null, string? Isin = null)
{
    public CompanyIdentity Identity => new(CompanyIdentity.Of(Entry.CompanyId), Lei, Isin);
}

/// <summary>Builds the snapshot from the scores of every company of an edition.</summary>
public static class PublishedEditionBuilder
{
    public static (IReadOnlyList<PublishedNode> Categories, IReadOnlyList<PublishedNode> Indicators, IReadOnlyDictionary<string, string> IndicatorOfItem) Structure(Methodology methodology)
    {
        var categories = new List<PublishedNode>();
        var indicators = new List<PublishedNode>();
        var indicatorOfItem = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in methodology.Structure)
        {
            categories.Add(new PublishedNode(root.Key, null, root.Title.Values));
            foreach (var node in root.DescendantsAndSelf().Where(n => n.Level == BenchmarkImportReader.IndicatorLevel))
            {
                indicators.Add(new PublishedNode(node.Key, root.Key, node.Title.Values));
                foreach (var item in node.DescendantsAndSelf().Where(n => n.IsItem))
                {
                    indicatorOfItem[item.Key] = node.Key;
                }
            }
        }

        return (categories, indicators, indicatorOfItem);
    }

    public static PublishedEdition Build(
        string publisher, string publisherSlug, BenchmarkEdition edition, Methodology methodology, DateOnly publishedOn,
        IReadOnlyList<ScoredEntry> entries, PublishedEdition? previous)
    {
        var (categories, indicators, indicatorOfItem) = Structure(methodology);
        var previousTotals = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (previous?.Companies.FirstOrDefault(c => c.Identity is { } identity && identity.SameAs(entry.Identity)) is { } before)
            {
                previousTotals[entry.Entry.CompanySlug] = before.Total;
            }
        }

        var ranked = BenchmarkRanking.Rank(entries.Select(e => (e.Entry.CompanySlug, e.Result.Total)), previousTotals)
            .ToDictionary(r => r.Company, StringComparer.Ordinal);
        var options = methodology.AnswerSets.SelectMany(s => s.Options.Select(o => (s.Key, o))).ToList();
        var answerSetOf = methodology.Items.ToDictionary(i => i.Key, i => i.AnswerSet, StringComparer.Ordinal);

        var companies = new List<PublishedCompany>();
        foreach (var scored in entries)
        {
            var result = scored.Result;
            var rank = ranked[scored.Entry.CompanySlug];
            var items = result.Derivation.OfType<ItemStep>().Where(s => s.Status != ItemStatus.Unanswered).ToList();
            var published = indicators.Select(indicator =>
            {
                var node = result.Node(indicator.Key);
                var elements = items.Where(s => indicatorOfItem.GetValueOrDefault(s.Item) == indicator.Key).Select(s =>
                {
                    var element = methodology.Items.First(i => i.Key == s.Item);
                    var option = options.FirstOrDefault(o => o.Key == answerSetOf[s.Item] && o.o.Key == s.Option).o;
                    IReadOnlyList<PublishedEvidence> evidence =
                        [.. scored.EvidenceByItem.GetValueOrDefault(s.Item, []).Select(id => scored.Evidence.GetValueOrDefault(id)).OfType<PublishedEvidence>()];
                    return new PublishedElement(s.Item, element.Title.Values, s.Component, s.Option, option?.Title.Values, s.Score, evidence);
                }).ToList();
                var level = methodology.Structure.SelectMany(n => n.DescendantsAndSelf()).First(n => n.Key == indicator.Key).ScoringLevel;
                return new PublishedIndicator(indicator.Key, indicator.Category!, (level ?? ScoringLevel.Company).ToString().ToLowerInvariant(), node.Score, node.Components, elements);
            }).ToList();
            companies.Add(new PublishedCompany(
                scored.Entry.CompanyName,
                scored.Entry.CompanySlug,
                rank.Rank,
                result.Total,
                rank.PreviousTotal,
                rank.Change,
                scored.Services,
                categories.ToDictionary(c => c.Key, c => result.Node(c.Key).Score, StringComparer.Ordinal),
                published,
                new PublishedReply(scored.Entry.Reply, scored.Entry.ReplyText, scored.Entry.ReplyReceivedOn),
                scored.Identity.Id,
                scored.Lei,
                scored.Isin));
        }

        companies = [.. companies.OrderBy(c => c.Rank is null).ThenBy(c => c.Rank).ThenBy(c => c.Slug, StringComparer.Ordinal)];
        var snapshot = new PublishedEdition(
            publisher, publisherSlug, edition.Name, edition.Slug, edition.Year, edition.MethodologyId, edition.Licence, publishedOn,
            previous?.Name, previous?.Slug, categories, indicators, companies, "");
        return snapshot with { ContentHash = OpenData.Hash(snapshot.Rows()) };
    }
}
