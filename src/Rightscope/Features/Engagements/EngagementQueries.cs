using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Engagements;
using Rightscope.Data;

namespace Rightscope.Features.Engagements;

public enum EngagementFilter
{
    All,
    Open,
    Closed,
    Overdue,
}

/// <summary>One engagement in a list: enough to see where it stands without opening it.</summary>
public sealed record EngagementRow(
    Guid Id,
    string Title,
    Guid CompanyId,
    string? CompanyNameEn,
    string? CompanyNameZhHans,
    bool CompanyFictional,
    EngagementStatus Status,
    EscalationStep CurrentStep,
    DateOnly StartedOn,
    DateOnly? NextDeadline,
    int OverdueMilestones,
    EngagementOutcome? Outcome)
{
    public bool Overdue => OverdueMilestones > 0;

    public string CompanyName(string language) =>
        (language.StartsWith("zh", StringComparison.Ordinal) ? CompanyNameZhHans ?? CompanyNameEn : CompanyNameEn ?? CompanyNameZhHans) ?? "";
}

/// <summary>An engagement with everything recorded on it, in the order people read them.</summary>
public sealed record EngagementView(
    Engagement Engagement,
    Companies.Company Company,
    string LeadName,
    IReadOnlyList<EngagementObjective> Objectives,
    IReadOnlyList<EngagementMilestone> Milestones,
    IReadOnlyList<EscalationEntry> History,
    IReadOnlyList<EngagementInteraction> Interactions,
    DateOnly Today)
{
    public bool IsOverdue(EngagementMilestone milestone) =>
        EngagementRules.IsOverdue(Engagement.Status, milestone.Status, milestone.Deadline, Today);

    public int OverdueMilestones => Milestones.Count(IsOverdue);

    public DateOnly? NextDeadline => EngagementRules.NextDeadline(Milestones.Select(m => (m.Status, m.Deadline)));
}

/// <summary>Reads engagements for the pages and the API, through the tenant filter; "today" comes from the injected clock.</summary>
public sealed class EngagementQueries(RightscopeDbContext db, TimeProvider clock)
{
    public const int ListLimit = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<EngagementRow>> ListAsync(EngagementFilter filter, Guid? companyId, CancellationToken cancellationToken)
    {
        var today = Today;
        var query = db.Engagements.AsNoTracking();
        if (companyId is { } company)
        {
            query = query.Where(e => e.CompanyId == company);
        }

        query = filter switch
        {
            EngagementFilter.Open => query.Where(e => e.Status == EngagementStatus.Open),
            EngagementFilter.Closed => query.Where(e => e.Status == EngagementStatus.Closed),
            EngagementFilter.Overdue => query.Where(e => e.Status == EngagementStatus.Open
                && db.EngagementMilestones.Any(m => m.EngagementId == e.Id && m.Status == MilestoneStatus.Open && m.Deadline < today)),
            _ => query,
        };

        var rows = await (
            from e in query
            join c in db.Companies.AsNoTracking() on e.CompanyId equals c.Id
            orderby e.StartedOn descending, e.Id descending
            select new { e.Id, e.Title, e.CompanyId, c.NameEn, c.NameZhHans, c.Fictional, e.Status, e.CurrentStep, e.StartedOn, e.Outcome })
            .Take(ListLimit)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var milestones = await db.EngagementMilestones.AsNoTracking()
            .Where(m => ids.Contains(m.EngagementId) && m.Status == MilestoneStatus.Open)
            .Select(m => new { m.EngagementId, m.Status, m.Deadline })
            .ToListAsync(cancellationToken);
        var byEngagement = milestones.ToLookup(m => m.EngagementId);
        return [.. rows.Select(r => new EngagementRow(
            r.Id, r.Title, r.CompanyId, r.NameEn, r.NameZhHans, r.Fictional, r.Status, r.CurrentStep, r.StartedOn,
            EngagementRules.NextDeadline(byEngagement[r.Id].Select(m => (m.Status, m.Deadline))),
            byEngagement[r.Id].Count(m => EngagementRules.IsOverdue(r.Status, m.Status, m.Deadline, today)),
            r.Outcome))];
    }

    public async Task<EngagementView?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return null;
        }

        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == engagement.CompanyId, cancellationToken);
        var lead = await db.Users.AsNoTracking().Where(u => u.Id == engagement.LeadUserId)
            .Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        var objectives = await db.EngagementObjectives.AsNoTracking().Where(o => o.EngagementId == id).ToListAsync(cancellationToken);
        var milestones = await db.EngagementMilestones.AsNoTracking().Where(m => m.EngagementId == id).ToListAsync(cancellationToken);
        var history = await db.EscalationEntries.AsNoTracking().Where(h => h.EngagementId == id).ToListAsync(cancellationToken);
        var interactions = await db.EngagementInteractions.AsNoTracking().Where(i => i.EngagementId == id).ToListAsync(cancellationToken);
        // Ordered in memory; the id only makes the order stable where nothing else tells two rows apart.
        return new EngagementView(
            engagement,
            company,
            lead is null ? "—" : lead.DisplayName.Length > 0 ? lead.DisplayName : lead.Email ?? "—",
            [.. objectives.OrderBy(o => o.Position).ThenBy(o => o.CreatedAt).ThenBy(o => o.Id)],
            [.. milestones.OrderBy(m => m.Deadline).ThenBy(m => m.Id)],
            [.. history.OrderBy(h => h.RecordedAt).ThenBy(h => h.Id)],
            [.. interactions.OrderBy(i => i.OccurredOn).ThenBy(i => i.RecordedAt).ThenBy(i => i.Id)],
            Today);
    }
}
