using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>An open case with its channel and its deadlines as of today; no content.</summary>
public sealed record CaseDeadlineRow(GrievanceCase Case, Channel Channel, IReadOnlyList<CaseDeadline> Deadlines)
{
    /// <summary>The deadline that matters most now: the earliest-due open one.</summary>
    public CaseDeadline? Next => Deadlines.Where(d => d.State is not (DeadlineState.Met or DeadlineState.Stopped)).MinBy(d => d.DueOn);

    public bool Overdue => Deadlines.Any(d => d.State == DeadlineState.Overdue);

    public bool DueSoon => Deadlines.Any(d => d.State == DeadlineState.DueSoon);
}

/// <summary>Counts for the deadlines dashboard: cases with a deadline due soon, and overdue deadlines of each kind.</summary>
public sealed record CaseDeadlineCounts(int DueSoon, int OverdueAcknowledgement, int OverdueFeedback)
{
    public static CaseDeadlineCounts Of(IEnumerable<CaseDeadlineRow> rows)
    {
        var list = rows.ToList();
        return new CaseDeadlineCounts(
            list.Count(r => r.DueSoon),
            list.Count(r => r.Deadlines.Any(d => d is { Kind: DeadlineKind.Acknowledgement, State: DeadlineState.Overdue })),
            list.Count(r => r.Deadlines.Any(d => d is { Kind: DeadlineKind.Feedback, State: DeadlineState.Overdue })));
    }
}

/// <summary>
/// Works out the deadlines of open cases from what is stored (days received and acknowledged, the days of handler
/// replies and of workflow steps) with <see cref="CaseDeadlines"/>, for the dashboard and the reminder job. Reads no
/// content: message bodies are never loaded, only their days.
/// </summary>
public sealed class CaseDeadlineBoard(RightscopeDbContext db, CaseDeadlineSettings settings, TimeProvider clock)
{
    public CaseDeadlineSettings Settings => settings;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The open cases of the current organization of which <paramref name="userId"/> is a recipient.</summary>
    public Task<List<CaseDeadlineRow>> ForRecipientAsync(Guid userId, CancellationToken cancellationToken) =>
        EvaluateAsync(
            from @case in db.Cases.AsNoTracking()
            join envelope in db.CaseRecipientEnvelopes on @case.Id equals envelope.CaseId
            where envelope.UserId == userId
            select @case,
            ignoreTenant: false,
            cancellationToken);

    /// <summary>The open cases of the current organization, whoever receives them: for counts shown to owners, never rows.</summary>
    public async Task<CaseDeadlineCounts> CountsForOrganizationAsync(CancellationToken cancellationToken) =>
        CaseDeadlineCounts.Of(await EvaluateAsync(db.Cases.AsNoTracking(), ignoreTenant: false, cancellationToken));

    /// <summary>The open cases of every organization (for the reminder job, which runs outside any request).</summary>
    public Task<List<CaseDeadlineRow>> ForAllOrganizationsAsync(CancellationToken cancellationToken) =>
        EvaluateAsync(db.Cases.IgnoreQueryFilters().AsNoTracking(), ignoreTenant: true, cancellationToken);

    private async Task<List<CaseDeadlineRow>> EvaluateAsync(IQueryable<GrievanceCase> cases, bool ignoreTenant, CancellationToken cancellationToken)
    {
        var channels = ignoreTenant ? db.Channels.IgnoreQueryFilters() : db.Channels;
        var open = cases.Where(c => c.Status != CaseStatus.Closed);
        var rows = await (
                from @case in open
                join channel in channels.AsNoTracking() on @case.ChannelId equals channel.Id
                select new { @case, channel })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        // The same query of open cases as a subquery, not a list of ids: with thousands of open cases a list becomes
        // thousands of parameters, which took most of a second per request on the scale data (issue 8).
        var openIds = open.Select(c => c.Id);
        var messages = ignoreTenant ? db.CaseMessages.IgnoreQueryFilters() : db.CaseMessages;
        var steps = ignoreTenant ? db.CaseSteps.IgnoreQueryFilters() : db.CaseSteps;
        var replies = (await messages.AsNoTracking()
                .Where(m => openIds.Contains(m.CaseId) && m.Author == MessageAuthor.Handler)
                .Select(m => new { m.CaseId, m.SentOn })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.CaseId, m => m.SentOn);
        var moves = (await steps.AsNoTracking()
                .Where(s => openIds.Contains(s.CaseId))
                .Select(s => new { s.CaseId, s.To, s.On })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.CaseId, s => (s.To, s.On));
        var today = Today;
        return [.. rows.Select(row =>
        {
            var c = row.@case;
            var timeline = new CaseTimeline(c.Status, c.ReceivedOn, c.AcknowledgedOn, CaseDeadlines.FirstFeedback(c.AcknowledgedOn, replies[c.Id], moves[c.Id]));
            return new CaseDeadlineRow(c, row.channel, CaseDeadlines.Evaluate(timeline, row.channel.ServiceLevel, settings.WarningDays, today));
        })];
    }

    /// <summary>
    /// The unread reminders of <paramref name="userId"/> in the current organization, for cases they still receive
    /// (an excluded recipient's reminders are not shown), with the case id for the link.
    /// </summary>
    public async Task<List<(CaseReminder Reminder, Guid CaseId)>> UnreadRemindersAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await (
                from reminder in db.CaseReminders.AsNoTracking()
                join @case in db.Cases on new { reminder.OrganizationId, Number = reminder.CaseNumber } equals new { @case.OrganizationId, @case.Number }
                join envelope in db.CaseRecipientEnvelopes on new { CaseId = @case.Id, reminder.UserId } equals new { envelope.CaseId, envelope.UserId }
                where reminder.UserId == userId && reminder.ReadOn == null
                orderby reminder.DueOn, reminder.CaseNumber
                select new { reminder, CaseId = @case.Id })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.reminder, r.CaseId))];
    }
}
