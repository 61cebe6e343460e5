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

/// <summary>One page of the register: its rows in priority order and how many issues match in all.</summary>
public sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, int Number, int Size, int Total)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
}

/// <summary>
/// The salient issues register in UNGP 24 order: the engine's <see cref="Severity.Prioritize"/> under the default
/// model (most severe first, irremediable before remediable, then the more likely), with the grievance signals from
/// closed cases. Reads plaintext triage only (rights, linked issue or impact), never case content.
/// </summary>
/// <remarks>
/// The database does the counting: the grievance signals are counted per issue in SQL, never by reading the closed
/// cases, and only the issues of the page shown are read in full. The order itself stays the engine's, so the
/// register, the overview and the human rights report cannot disagree about which issue comes first; it needs the
/// ratings of every matching issue, which are read as numbers only.
/// </remarks>
public sealed class SalientIssueRegister(RightscopeDbContext db)
{
    public const int PageSize = 50;

    public async Task<RegisterPage> ListAsync(SalientIssueStatus? status, string? rightKey, int page, CancellationToken cancellationToken) =>
        await PageAsync(Filtered(status, rightKey), page, PageSize, cancellationToken);

    /// <summary>The most severe issues that are not closed, for the overview.</summary>
    public async Task<IReadOnlyList<RegisterRow>> TopOpenAsync(int count, CancellationToken cancellationToken) =>
        (await PageAsync(db.SalientIssues.AsNoTracking().Where(i => i.Status != SalientIssueStatus.Closed), 1, count, cancellationToken)).Rows;

    public async Task<RegisterRow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.SalientIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } issue
            ? (await RowsAsync([issue], cancellationToken))[0]
            : null;

    private IQueryable<SalientIssue> Filtered(SalientIssueStatus? status, string? rightKey)
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

        return query;
    }

    private async Task<RegisterPage> PageAsync(IQueryable<SalientIssue> query, int page, int size, CancellationToken cancellationToken)
    {
        var ratings = (await query
            .Select(i => new { i.Id, i.RightKey, i.Involvement, i.Scale, i.Scope, i.Irremediability, i.Likelihood, i.Actual })
            .ToListAsync(cancellationToken))
            .Select(i => new ImpactInput(i.Id.ToString("N"), i.RightKey, [], i.Involvement, i.Scale, i.Scope, i.Irremediability, i.Actual ? null : i.Likelihood, i.Actual));
        var order = Prioritize(ratings);
        var pages = Math.Max(1, (order.Count + size - 1) / size);
        var number = Math.Clamp(page, 1, pages);
        var wanted = order.Skip((number - 1) * size).Take(size).Select(r => Guid.ParseExact(r.Id, "N")).ToList();
        var issues = wanted.Count == 0
            ? []
            : await db.SalientIssues.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToListAsync(cancellationToken);
        return new RegisterPage(await RowsAsync(issues, cancellationToken), number, size, order.Count);
    }

    /// <summary>
    /// The engine's order of the issues. A row whose ratings are outside 1–5 (written by something other than the
    /// form) cannot be rated: it is listed last with severity 0 instead of failing the whole register.
    /// </summary>
    public static IReadOnlyList<ImpactRating> Prioritize(IEnumerable<SalientIssue> issues) => Prioritize(issues.Select(i => i.ToInput()));

    private static IReadOnlyList<ImpactRating> Prioritize(IEnumerable<ImpactInput> impacts)
    {
        var inputs = impacts.ToList();
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
        var signals = await SignalsAsync([.. issues.Select(i => i.Id)], cancellationToken);
        var byId = issues.ToDictionary(i => i.EngineId, StringComparer.Ordinal);
        return [.. Prioritize(issues).Select(rating =>
        {
            var issue = byId[rating.Id];
            return new RegisterRow(issue, rating, HrddMembers.NameOf(members, issue.OwnerUserId), signals[issue.Id]);
        })];
    }

    /// <summary>
    /// The grievance signal of each issue, counted by the database. A case's rights are stored as a JSON array of
    /// catalogue keys, so a right is matched with its quotes (<c>"privacy"</c>) and never as part of a longer key.
    /// </summary>
    private async Task<Dictionary<Guid, GrievanceSignal>> SignalsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var closed = db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Closed);
        var counts = await db.SalientIssues.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id,
                SameRight = closed.Count(c => c.RightKeys.Contains("\"" + i.RightKey + "\"")),
                Linked = closed.Count(c => c.SalientIssueId == i.Id || (i.SourceImpactId != null && c.SalientImpactId == i.SourceImpactId)),
            })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Id, c => new GrievanceSignal(Publish(c.SameRight), Publish(c.Linked)));
    }

    // Each count is published on its own, as the impacts page does for its per-impact counts.
    private static PublishedCount Publish(int count) => SmallCellSuppression.Apply(CountTable.OneWay([count])).Cell(0, 0);
}
