using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Taking a handler's access away: their channel recipient rows and their sealed copies of case keys (envelopes) are
/// deleted and the cases assigned to them become unassigned — all tracked on the context, so they commit in the
/// caller's save (and transaction) together with its audit entry. Runs within the current organization's tenant
/// filter: a handler of several organizations keeps their access elsewhere.
/// </summary>
public sealed class RecipientAccess(RightscopeDbContext db)
{
    /// <summary>What a revocation removed, for the audit entry (counts only).</summary>
    public sealed record Revoked(int Channels, int Envelopes, int Unassigned, IReadOnlyList<int> UnreadableCases);

    /// <summary>
    /// The numbers of the cases (of <paramref name="channelId"/>, or of every channel when null) that nobody but
    /// <paramref name="userId"/> can open: removing their envelope would make them unreadable for good.
    /// </summary>
    public async Task<IReadOnlyList<int>> OnlyOpenedByAsync(Guid userId, Guid? channelId, CancellationToken cancellationToken)
    {
        var numbers = await (
                from envelope in db.CaseRecipientEnvelopes
                join grievance in db.Cases on envelope.CaseId equals grievance.Id
                where envelope.UserId == userId
                    && (channelId == null || grievance.ChannelId == channelId)
                    && !db.CaseRecipientEnvelopes.Any(other => other.CaseId == envelope.CaseId && other.UserId != userId)
                select grievance.Number)
            .ToListAsync(cancellationToken);
        return [.. numbers.Order()];
    }

    /// <summary>
    /// Removes <paramref name="userId"/> as a recipient of <paramref name="channelId"/> (or of every channel when
    /// null) with their envelopes of those channels' cases, and unassigns them. Does not save.
    /// </summary>
    public async Task<Revoked> RevokeAsync(Guid userId, Guid? channelId, CancellationToken cancellationToken)
    {
        var unreadable = await OnlyOpenedByAsync(userId, channelId, cancellationToken);
        var rows = await db.ChannelRecipients.Where(r => r.UserId == userId && (channelId == null || r.ChannelId == channelId)).ToListAsync(cancellationToken);
        db.ChannelRecipients.RemoveRange(rows);
        var envelopes = await (
                from envelope in db.CaseRecipientEnvelopes
                join grievance in db.Cases on envelope.CaseId equals grievance.Id
                where envelope.UserId == userId && (channelId == null || grievance.ChannelId == channelId)
                select envelope)
            .ToListAsync(cancellationToken);
        db.CaseRecipientEnvelopes.RemoveRange(envelopes);
        var assigned = await db.Cases.Where(c => c.AssignedUserId == userId && (channelId == null || c.ChannelId == channelId)).ToListAsync(cancellationToken);
        foreach (var grievance in assigned)
        {
            grievance.AssignedUserId = null;
            grievance.ConcurrencyToken = Guid.NewGuid();
        }

        return new Revoked(rows.Count, envelopes.Count, assigned.Count, unreadable);
    }

    /// <summary>The audit wording of a revocation: counts and case numbers, never content.</summary>
    public static string Describe(Revoked revoked) =>
        $"{revoked.Channels} channel recipient row(s), {revoked.Envelopes} case key envelope(s) removed, {revoked.Unassigned} case(s) unassigned"
        + (revoked.UnreadableCases.Count == 0 ? "" : $"; no one else could open case(s) {string.Join(", ", revoked.UnreadableCases)}");
}
