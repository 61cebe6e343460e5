using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Data;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Assessments;

/// <summary>An assessment with its pinned methodology, answers, evidence and a fresh score.</summary>
public sealed record LoadedAssessment(
    Assessment Assessment,
    Methodology Methodology,
    IReadOnlyList<AssessmentAnswer> Answers,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<SalientImpact> Impacts,
    ScoreResult Result)
{
    public IReadOnlyDictionary<string, string> Attributes => AssessmentStore.ReadAttributes(Assessment.Attributes);

    public IReadOnlyList<string> Services => AssessmentStore.ReadServices(Assessment.Services);
}

/// <summary>An item of a section as the form shows it: the answer set and the components it is answered for.</summary>
public sealed record ItemRow(Node Item, AnswerSet AnswerSet, IReadOnlyList<string> Components);

/// <summary>The items directly under one node of a section (the section itself or one of its sub-nodes).</summary>
public sealed record ItemGroup(Node Node, IReadOnlyList<ItemRow> Items);

/// <summary>
/// Loads assessments (through the tenant filter, so another organization's id is simply not found) and turns
/// their stored answers into the engine's input.
/// </summary>
public sealed class AssessmentStore(RightscopeDbContext db, MethodologyRegistry registry)
{
    /// <summary>The assessment, or null when it is not in this organization or its methodology version is gone.</summary>
    public async Task<LoadedAssessment?> LoadAsync(Guid id, bool track, CancellationToken cancellationToken)
    {
        var query = track ? db.Assessments : db.Assessments.AsNoTracking();
        var assessment = await query.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var found = MethodologyRegistry.Find(await registry.AvailableAsync(db, cancellationToken), assessment.MethodologyId);
        if (found is null)
        {
            return null;
        }

        var answers = await (track ? db.AssessmentAnswers : db.AssessmentAnswers.AsNoTracking())
            .Where(a => a.AssessmentId == id).ToListAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => e.AssessmentId == id).ToListAsync(cancellationToken);
        evidence = [.. evidence.OrderBy(e => e.AddedAt).ThenBy(e => e.Id)];
        var impacts = await (track ? db.SalientImpacts : db.SalientImpacts.AsNoTracking())
            .Where(i => i.AssessmentId == id).ToListAsync(cancellationToken);
        return new LoadedAssessment(
            assessment, found.Methodology, answers, evidence, impacts, Score(found.Methodology, assessment, answers, evidence, impacts));
    }

    /// <summary>The comments on an assessment, oldest first, with their authors' names.</summary>
    public async Task<IReadOnlyList<CommentView>> CommentsAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var rows = await db.AssessmentComments.AsNoTracking()
            .Where(c => c.AssessmentId == assessmentId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorUserId, c.Body, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var authorIds = rows.Select(r => r.AuthorUserId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking()
            .Where(u => authorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? "", cancellationToken);
        return [.. rows.Select(r => new CommentView(r.Id, r.AuthorUserId, authors.GetValueOrDefault(r.AuthorUserId, "—"), r.Body, r.CreatedAt))];
    }

    public static ScoreResult Score(
        Methodology methodology,
        Assessment assessment,
        IEnumerable<AssessmentAnswer> answers,
        IEnumerable<Evidence> evidence,
        IEnumerable<SalientImpact> impacts)
    {
        var evidenceByItem = evidence.GroupBy(e => e.ItemKey)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Id.ToString("N"))], StringComparer.Ordinal);
        var input = new AssessmentInput(
            ReadAttributes(assessment.Attributes),
            ReadServices(assessment.Services),
            [.. answers.Select(a => new Answer(a.ItemKey, a.Component, a.OptionKey, evidenceByItem.GetValueOrDefault(a.ItemKey, [])))],
            [.. impacts.Select(i => i.ToInput())]);
        return ScoringEngine.Score(methodology, input);
    }

    public static IReadOnlyDictionary<string, string> ReadAttributes(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static IReadOnlyList<string> ReadServices(string json) =>
        JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>The items of a top-level node, grouped by the node directly above them, in file order.</summary>
    public static IReadOnlyList<ItemGroup> Groups(Methodology methodology, Node section, IReadOnlyList<string> services)
    {
        var groups = new List<ItemGroup>();
        Walk(section, section.ScoringLevel);
        return groups;

        void Walk(Node node, ScoringLevel? inherited)
        {
            var items = new List<ItemRow>();
            foreach (var child in node.Children)
            {
                var level = child.ScoringLevel ?? inherited;
                if (child.IsItem)
                {
                    var set = methodology.AnswerSets.First(s => s.Key == child.AnswerSet);
                    items.Add(new ItemRow(child, set, Components(methodology, level, services)));
                }
            }

            if (items.Count > 0)
            {
                groups.Add(new ItemGroup(node, items));
            }

            foreach (var child in node.Children.Where(c => !c.IsItem))
            {
                Walk(child, child.ScoringLevel ?? inherited);
            }
        }
    }

    private static IReadOnlyList<string> Components(Methodology methodology, ScoringLevel? level, IReadOnlyList<string> services) =>
        methodology.Components is null ? [AssessmentInput.Company] : level switch
        {
            ScoringLevel.Service => services,
            ScoringLevel.Both => [AssessmentInput.Company, .. services],
            _ => [AssessmentInput.Company],
        };
}
