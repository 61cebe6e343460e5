using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Core.Scoring;
using Rightscope.Core.Statistics;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// How many of the organization's closed grievance cases bear on an issue (the learning loop, UNGP 31(g)): those whose
/// triage names the issue's right, and those linked in triage to the issue itself or to the impact it was taken from.
/// Each count is published through the shared small-cell suppression, so "&lt;5" hides who might have complained.
/// </summary>
public sealed record GrievanceSignal(PublishedCount SameRight, PublishedCount Linked);

/// <summary>One row of the register: the issue, the engine's rating of it, its owner and its grievance signal.</summary>
public sealed record RegisterRow(SalientIssue Issue, ImpactRating Rating, string Owner, GrievanceSignal Signal);

/// <summary>
/// The salient issues register in UNGP 24 order: the engine's <see cref="Severity.Prioritize"/> under the default
/// model (most severe first, irremediable before remediable, then the more likely), with the grievance signals from
/// closed cases. Reads plaintext triage only (rights, linked issue or impact), never case content.
/// </summary>
public sealed class SalientIssueRegister(RightscopeDbContext db)
{
    public async Task<IReadOnlyList<RegisterRow>> ListAsync(SalientIssueStatus? status, string? rightKey, CancellationToken cancellationToken)
    {
        var query = db.SalientIssues.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(i => i.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(rightKey))
        {
            query = query.Where(i => i.RightKey == rightKey);
        }

        return await RowsAsync(await query.ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<RegisterRow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.SalientIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } issue
            ? (await RowsAsync([issue], cancellationToken))[0]
            : null;

    /// <summary>
    /// The engine's order of the issues. A row whose ratings are outside 1–5 (written by something other than the
    /// form) cannot be rated: it is listed last with severity 0 instead of failing the whole register.
    /// </summary>
    public static IReadOnlyList<ImpactRating> Prioritize(IEnumerable<SalientIssue> issues)
    {
        var inputs = issues.Select(i => i.ToInput()).ToList();
        var unrated = inputs.Where(i => !Rateable(i)).ToList();
        return [.. Severity.Prioritize(inputs.Where(Rateable), Severity.Default),
            .. unrated.Select(i => new ImpactRating(i, 0, 0, IsSevere: false, IsIrremediable: false, Likelihood: null))];
    }

    private static bool Rateable(ImpactInput input) =>
        input.Scale is >= 1 and <= 5 && input.Scope is >= 1 and <= 5 && input.Irremediability is >= 1 and <= 5
        && input.Likelihood is null or (>= 1 and <= 5);

    private async Task<IReadOnlyList<RegisterRow>> RowsAsync(IReadOnlyList<SalientIssue> issues, CancellationToken cancellationToken)
    {
        if (issues.Count == 0)
        {
            return [];
        }

        var members = await HrddMembers.ListAsync(db, cancellationToken);
        var closed = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Closed)
            .Select(c => new { c.RightKeys, c.SalientImpactId, c.SalientIssueId })
            .ToListAsync(cancellationToken);
        var rights = closed.Select(c => JsonSerializer.Deserialize<List<string>>(c.RightKeys) ?? []).ToList();
        var byId = issues.ToDictionary(i => i.EngineId, StringComparer.Ordinal);
        return [.. Prioritize(issues).Select(rating =>
        {
            var issue = byId[rating.Id];
            var sameRight = rights.Count(r => r.Contains(issue.RightKey, StringComparer.Ordinal));
            var linked = closed.Count(c => c.SalientIssueId == issue.Id || (issue.SourceImpactId is { } impactId && c.SalientImpactId == impactId));
            var signal = new GrievanceSignal(Publish(sameRight), Publish(linked));
            return new RegisterRow(issue, rating, HrddMembers.NameOf(members, issue.OwnerUserId), signal);
        })];
    }

    // Each count is published on its own, as the impacts page does for its per-impact counts.
    private static PublishedCount Publish(int count) => SmallCellSuppression.Apply(CountTable.OneWay([count])).Cell(0, 0);
}
