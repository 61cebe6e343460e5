using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Data.Aggregates;

namespace Rightscope.Features.Remedy;

/// <summary>What the deadlines of a case depend on, and what is shown of it: no content, none of the encrypted columns.</summary>
public sealed record CaseDeadlineCase(
    Guid Id, Guid OrganizationId, int Number, CaseStatus Status, DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? FeedbackGivenOn);

/// <summary>An open case with its channel and its deadlines as of today; no content.</summary>
public sealed record CaseDeadlineRow(CaseDeadlineCase Case, Channel Channel, IReadOnlyList<CaseDeadline> Deadlines)
{
    /// <summary>The deadline that matters most now: the earliest-due open one.</summary>
    public CaseDeadline? Next => Deadlines.Where(d => d.State is not (DeadlineState.Met or DeadlineState.Stopped)).MinBy(d => d.DueOn);

    public bool Overdue => Deadlines.Any(d => d.State == DeadlineState.Overdue);

    public bool DueSoon => Deadlines.Any(d => d.State == DeadlineState.DueSoon);
}

/// <summary>
/// Counts for the deadlines dashboard: cases with a deadline due soon, overdue deadlines of each kind, and open cases
/// with a deadline still to meet (<see cref="WithOpenDeadline"/>). An open case has at most one deadline to meet:
/// feedback is only due once the acknowledgement is done. Each stops at <see cref="CappedCount.Cap"/> per channel.
/// </summary>
public sealed record CaseDeadlineCounts(CappedCount DueSoon, CappedCount OverdueAcknowledgement, CappedCount OverdueFeedback, CappedCount WithOpenDeadline)
{
    public static readonly CaseDeadlineCounts None = new(CappedCount.Zero, CappedCount.Zero, CappedCount.Zero, CappedCount.Zero);

    public CappedCount Overdue => OverdueAcknowledgement.Plus(OverdueFeedback);

    public CaseDeadlineCounts Plus(CaseDeadlineCounts other) => new(
        DueSoon.Plus(other.DueSoon),
        OverdueAcknowledgement.Plus(other.OverdueAcknowledgement),
        OverdueFeedback.Plus(other.OverdueFeedback),
        WithOpenDeadline.Plus(other.WithOpenDeadline));
}

/// <summary>
/// The deadlines of open cases, from what is stored about each case (days received and acknowledged, and the day of
/// the first feedback, <see cref="GrievanceCase.FeedbackGivenOn"/>) and the rules of <see cref="CaseDeadlines"/>, for the
/// dashboard and the reminder job. The database does the counting and picks the most urgent cases, channel by channel,
/// with the day ranges of <see cref="DeadlineDayRanges"/> over an index that covers them, so a handler with 200,000
/// cases costs a scan of an index, not of the cases (issue 8). Reads no content.
/// </summary>
public sealed class CaseDeadlineBoard(RightscopeDbContext db, CaseDeadlineSettings settings, TimeProvider clock, AggregateCache aggregates)
{
    /// <summary>The states of open cases; written out as constants in queries, so the database can seek each one in the index.</summary>
    public static readonly CaseStatus[] OpenStatuses = [.. Enum.GetValues<CaseStatus>().Where(CaseWorkflow.IsOpen)];

    /// <summary>Which open cases a list holds: all with a deadline to meet, the overdue ones, or those due soon.</summary>
    public enum Selection
    {
        WithOpenDeadline,
        Overdue,
        DueSoon,
    }

    public CaseDeadlineSettings Settings => settings;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The counts over the open cases of the current organization of which <paramref name="userId"/> is a recipient.</summary>
    public Task<CaseDeadlineCounts> CountsForRecipientAsync(Guid userId, CancellationToken cancellationToken) =>
        Kept($"deadline-counts|{userId}", token => CountAsync(Received(userId), db.Channels, token), cancellationToken);

    /// <summary>The counts over the open cases of the current organization, whoever receives them (shown to owners, never rows).</summary>
    public Task<CaseDeadlineCounts> CountsForOrganizationAsync(CancellationToken cancellationToken) =>
        Kept("deadline-counts", token => CountAsync(db.Cases, db.Channels, token), cancellationToken);

    /// <summary>
    /// The <paramref name="max"/> most urgent cases of <paramref name="selection"/> among those of the current
    /// organization that <paramref name="userId"/> receives: earliest due first, then by number.
    /// </summary>
    public Task<List<CaseDeadlineRow>> MostUrgentForRecipientAsync(Guid userId, Selection selection, int max, CancellationToken cancellationToken) =>
        Kept($"most-urgent|{userId}|{selection}|{max}", token => ComputeMostUrgentAsync(userId, selection, max, token), cancellationToken);

    private async Task<List<CaseDeadlineRow>> ComputeMostUrgentAsync(Guid userId, Selection selection, int max, CancellationToken cancellationToken)
    {
        var rows = new List<CaseDeadlineRow>();
        foreach (var channel in await db.Channels.AsNoTracking().ToListAsync(cancellationToken))
        {
            rows.AddRange(await ListAsync(Received(userId), channel, selection, max, cancellationToken));
        }

        return [.. rows.OrderBy(r => r.Next?.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Case.Number).Take(max)];
    }

    /// <summary>
    /// The open cases of every organization with a deadline due soon or overdue, for the reminder job (outside any
    /// request), in batches of at most <paramref name="batchSize"/> cases of one channel, so memory stays the same
    /// however many cases need attention. Each batch is read after the caller is done with the one before (keyset
    /// pagination on the day and number), so the caller can store what it derives from a batch before the next.
    /// </summary>
    public async IAsyncEnumerable<List<CaseDeadlineRow>> NeedingAttentionAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var today = Today;
        foreach (var channel in await db.Channels.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken))
        {
            // Overdue and due soon are adjacent ranges: every case received (acknowledged) up to the last due-soon day.
            var ranges = DeadlineDayRanges.For(channel.ServiceLevel, settings.WarningDays, today);
            var lastReceived = Later(ranges.AcknowledgementOverdueReceivedOnOrBefore, ranges.AcknowledgementDueSoonReceived.To);
            var lastAcknowledged = Later(ranges.FeedbackOverdueAcknowledgedOnOrBefore, ranges.FeedbackDueSoonAcknowledged.To);
            var open = OpenIn(db.Cases.IgnoreQueryFilters(), channel);

            (DateOnly Day, int Number)? after = null;
            while (true)
            {
                var awaiting = open.Where(c => c.AcknowledgedOn == null && c.ReceivedOn <= lastReceived);
                if (after is { } cursor)
                {
                    awaiting = awaiting.Where(c => c.ReceivedOn > cursor.Day || (c.ReceivedOn == cursor.Day && c.Number > cursor.Number));
                }

                var batch = await awaiting.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Number).Take(batchSize)
                    .Select(c => new CaseDeadlineCase(c.Id, c.OrganizationId, c.Number, c.Status, c.ReceivedOn, c.AcknowledgedOn, c.FeedbackGivenOn))
                    .ToListAsync(cancellationToken);
                if (batch.Count > 0)
                {
                    yield return Rows(batch, channel, today);
                }

                if (batch.Count < batchSize)
                {
                    break;
                }

                after = (batch[^1].ReceivedOn, batch[^1].Number);
            }

            after = null;
            while (true)
            {
                var awaiting = open.Where(c => c.AcknowledgedOn != null && c.FeedbackGivenOn == null && c.AcknowledgedOn <= lastAcknowledged);
                if (after is { } cursor)
                {
                    awaiting = awaiting.Where(c => c.AcknowledgedOn > cursor.Day || (c.AcknowledgedOn == cursor.Day && c.Number > cursor.Number));
                }

                var batch = await awaiting.OrderBy(c => c.AcknowledgedOn).ThenBy(c => c.Number).Take(batchSize)
                    .Select(c => new CaseDeadlineCase(c.Id, c.OrganizationId, c.Number, c.Status, c.ReceivedOn, c.AcknowledgedOn, c.FeedbackGivenOn))
                    .ToListAsync(cancellationToken);
                if (batch.Count > 0)
                {
                    yield return Rows(batch, channel, today);
                }

                if (batch.Count < batchSize)
                {
                    break;
                }

                after = (batch[^1].AcknowledgedOn!.Value, batch[^1].Number);
            }
        }
    }

    /// <summary>
    /// The first <paramref name="max"/> unread reminders of <paramref name="userId"/> in the current organization, by
    /// due day, for cases they still receive (an excluded recipient's reminders are not shown), with the case id for
    /// the link.
    /// </summary>
    public Task<List<(CaseReminder Reminder, Guid CaseId)>> UnreadRemindersAsync(Guid userId, int max, CancellationToken cancellationToken) =>
        Kept($"unread-reminders|{userId}|{max}", token => ComputeUnreadRemindersAsync(userId, max, token), cancellationToken);

    private async Task<List<(CaseReminder Reminder, Guid CaseId)>> ComputeUnreadRemindersAsync(Guid userId, int max, CancellationToken cancellationToken)
    {
        var rows = await (
                from reminder in UnreadReminders(userId)
                join @case in db.Cases on new { reminder.OrganizationId, Number = reminder.CaseNumber } equals new { @case.OrganizationId, @case.Number }
                orderby reminder.DueOn, reminder.CaseNumber
                select new { reminder, CaseId = @case.Id })
            .Take(max)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.reminder, r.CaseId))];
    }

    /// <summary>How many reminders <see cref="UnreadRemindersAsync"/> would give without a limit, up to <see cref="CappedCount.Cap"/>.</summary>
    public Task<CappedCount> UnreadReminderCountAsync(Guid userId, CancellationToken cancellationToken) =>
        Kept($"unread-reminder-count|{userId}", token => CappedCount.CountAsync(UnreadReminders(userId), token), cancellationToken);

    /// <summary>
    /// Kept for the current organization until its cases, channels, envelopes or reminders change, and for today only:
    /// a deadline moves from due soon to overdue with the date, not with the data.
    /// </summary>
    private Task<T> Kept<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken) =>
        aggregates.GetOrComputeAsync(db, AggregateArea.Cases, $"{key}|{Today:yyyy-MM-dd}|{settings.WarningDays}", compute, cancellationToken);

    private IQueryable<CaseReminder> UnreadReminders(Guid userId) =>
        db.CaseReminders.AsNoTracking().Where(reminder => reminder.UserId == userId && reminder.ReadOn == null
            && db.Cases.Any(c => c.OrganizationId == reminder.OrganizationId && c.Number == reminder.CaseNumber
                && db.CaseRecipientEnvelopes.Any(e => e.CaseId == c.Id && e.UserId == userId)));

    /// <summary>
    /// As a condition on each case (not a join), so the database can walk the cases' index and look each envelope up in
    /// its own index. Never IgnoreQueryFilters inside: it would lift the tenant filter from the whole query.
    /// </summary>
    private IQueryable<GrievanceCase> Received(Guid userId) =>
        db.Cases.Where(c => db.CaseRecipientEnvelopes.Any(e => e.CaseId == c.Id && e.UserId == userId));

    private static IQueryable<GrievanceCase> OpenIn(IQueryable<GrievanceCase> cases, Channel channel) =>
        cases.AsNoTracking().Where(c =>
            c.OrganizationId == channel.OrganizationId && c.ChannelId == channel.Id && EF.Constant(OpenStatuses).Contains(c.Status));

    /// <summary>
    /// Channel by channel, four counts over ranges of the deadline index, each stopping after <see cref="CappedCount.Cap"/>
    /// cases: the cost does not grow with the number of cases (issue 8).
    /// </summary>
    private async Task<CaseDeadlineCounts> CountAsync(IQueryable<GrievanceCase> cases, IQueryable<Channel> channels, CancellationToken cancellationToken)
    {
        var total = CaseDeadlineCounts.None;
        foreach (var channel in await channels.AsNoTracking().ToListAsync(cancellationToken))
        {
            var ranges = DeadlineDayRanges.For(channel.ServiceLevel, settings.WarningDays, Today);
            var acknowledgementOverdue = ranges.AcknowledgementOverdueReceivedOnOrBefore;
            var acknowledgementSoon = ranges.AcknowledgementDueSoonReceived;
            var feedbackOverdue = ranges.FeedbackOverdueAcknowledgedOnOrBefore;
            var feedbackSoon = ranges.FeedbackDueSoonAcknowledged;
            var open = OpenIn(cases, channel);
            var awaitingAcknowledgement = open.Where(c => c.AcknowledgedOn == null);
            var awaitingFeedback = open.Where(c => c.AcknowledgedOn != null && c.FeedbackGivenOn == null);
            var dueSoon = (await CappedCount.CountAsync(
                    awaitingAcknowledgement.Where(c => c.ReceivedOn >= acknowledgementSoon.From && c.ReceivedOn <= acknowledgementSoon.To), cancellationToken))
                .Plus(await CappedCount.CountAsync(
                    awaitingFeedback.Where(c => c.AcknowledgedOn >= feedbackSoon.From && c.AcknowledgedOn <= feedbackSoon.To), cancellationToken));
            var counts = new CaseDeadlineCounts(
                dueSoon,
                await CappedCount.CountAsync(awaitingAcknowledgement.Where(c => c.ReceivedOn <= acknowledgementOverdue), cancellationToken),
                await CappedCount.CountAsync(awaitingFeedback.Where(c => c.AcknowledgedOn <= feedbackOverdue), cancellationToken),
                await CappedCount.CountAsync(open.Where(c => c.AcknowledgedOn == null || c.FeedbackGivenOn == null), cancellationToken));
            total = total.Plus(counts);
        }

        return total;
    }

    /// <summary>
    /// Up to <paramref name="max"/> cases of one channel: the earliest received among those awaiting acknowledgement and
    /// the earliest acknowledged among those awaiting feedback, which are the earliest due of each kind.
    /// </summary>
    private async Task<List<CaseDeadlineRow>> ListAsync(
        IQueryable<GrievanceCase> cases, Channel channel, Selection selection, int max, CancellationToken cancellationToken)
    {
        var ranges = DeadlineDayRanges.For(channel.ServiceLevel, settings.WarningDays, Today);
        var (received, acknowledged) = selection switch
        {
            Selection.Overdue => (
                new DayRange(DateOnly.MinValue, ranges.AcknowledgementOverdueReceivedOnOrBefore),
                new DayRange(DateOnly.MinValue, ranges.FeedbackOverdueAcknowledgedOnOrBefore)),
            Selection.DueSoon => (ranges.AcknowledgementDueSoonReceived, ranges.FeedbackDueSoonAcknowledged),
            _ => (new DayRange(DateOnly.MinValue, DateOnly.MaxValue), new DayRange(DateOnly.MinValue, DateOnly.MaxValue)),
        };
        // One state at a time: within a state the deadline index is in day order, so each query reads about max entries
        // and stops, where one query over all open states sorted every open case of the channel (issue 8).
        var awaitingAcknowledgement = new List<CaseDeadlineCase>();
        var awaitingFeedback = new List<CaseDeadlineCase>();
        foreach (var status in OpenStatuses)
        {
            var inState = cases.AsNoTracking().Where(c => c.OrganizationId == channel.OrganizationId && c.ChannelId == channel.Id && c.Status == status);
            awaitingAcknowledgement.AddRange(await inState
                .Where(c => c.AcknowledgedOn == null && c.ReceivedOn >= received.From && c.ReceivedOn <= received.To)
                .OrderBy(c => c.ReceivedOn).ThenBy(c => c.Number)
                .Take(max)
                .Select(c => new CaseDeadlineCase(c.Id, c.OrganizationId, c.Number, c.Status, c.ReceivedOn, c.AcknowledgedOn, c.FeedbackGivenOn))
                .ToListAsync(cancellationToken));
            awaitingFeedback.AddRange(await inState
                .Where(c => c.AcknowledgedOn != null && c.FeedbackGivenOn == null && c.AcknowledgedOn >= acknowledged.From && c.AcknowledgedOn <= acknowledged.To)
                .OrderBy(c => c.AcknowledgedOn).ThenBy(c => c.Number)
                .Take(max)
                .Select(c => new CaseDeadlineCase(c.Id, c.OrganizationId, c.Number, c.Status, c.ReceivedOn, c.AcknowledgedOn, c.FeedbackGivenOn))
                .ToListAsync(cancellationToken));
        }

        return Rows(
            [.. awaitingAcknowledgement.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Number).Take(max),
             .. awaitingFeedback.OrderBy(c => c.AcknowledgedOn).ThenBy(c => c.Number).Take(max)],
            channel,
            Today);
    }

    private List<CaseDeadlineRow> Rows(List<CaseDeadlineCase> cases, Channel channel, DateOnly today) =>
        [.. cases.Select(c => new CaseDeadlineRow(c, channel, CaseDeadlines.Evaluate(
            new CaseTimeline(c.Status, c.ReceivedOn, c.AcknowledgedOn, c.FeedbackGivenOn), channel.ServiceLevel, settings.WarningDays, today)))];

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
