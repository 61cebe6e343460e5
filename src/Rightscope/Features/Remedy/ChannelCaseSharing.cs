using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Sharing a channel's existing cases with a recipient who joined it after they arrived (or whose envelopes were lost
/// with a key replacement): the sharing handler opens each case key they hold and seals it to the newcomer. Cases the
/// newcomer is excluded from are never shared. Counts only leave this class, never content.
/// </summary>
public sealed class ChannelCaseSharing(RightscopeDbContext db)
{
    /// <summary>A recipient of a channel who cannot open <see cref="Cases"/> of its cases that the sharer can open.</summary>
    public sealed record Pending(Guid ChannelId, Guid RecipientId, string RecipientName, int Cases);

    /// <summary>What <paramref name="sharerId"/> could share, per channel and recipient.</summary>
    public async Task<IReadOnlyList<Pending>> PendingAsync(Guid sharerId, CancellationToken cancellationToken)
    {
        var rows = new List<(Guid ChannelId, Guid UserId, int Cases)>();
        foreach (var pair in await PairsAsync(sharerId, cancellationToken))
        {
            var cases = await Unshared(sharerId, pair.ChannelId, pair.UserId).CountAsync(cancellationToken);
            if (cases > 0)
            {
                rows.Add((pair.ChannelId, pair.UserId, cases));
            }
        }

        var ids = rows.Select(r => r.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        return [.. rows
            .Select(r => new Pending(r.ChannelId, r.UserId, NameOf(names[r.UserId].DisplayName, names[r.UserId].Email), r.Cases))
            .OrderBy(p => p.ChannelId).ThenBy(p => p.RecipientName, StringComparer.CurrentCulture)];
    }

    /// <summary>How many shares <see cref="PendingAsync"/> would list, counting each pair up to <see cref="CappedCount.Cap"/> (for the case list).</summary>
    public async Task<CappedCount> PendingCountAsync(Guid sharerId, CancellationToken cancellationToken)
    {
        var total = CappedCount.Zero;
        foreach (var pair in await PairsAsync(sharerId, cancellationToken))
        {
            total = total.Plus(await CappedCount.CountAsync(Unshared(sharerId, pair.ChannelId, pair.UserId), cancellationToken));
        }

        return total;
    }

    /// <summary>
    /// The (channel, other recipient with a key) pairs of the sharer's channels: first these few pairs, then one count of
    /// cases per pair, because joining every case of the sharer with every recipient took most of a second at 20,000
    /// cases, even with no one to share with (issue 8).
    /// </summary>
    private async Task<List<(Guid ChannelId, Guid UserId)>> PairsAsync(Guid sharerId, CancellationToken cancellationToken)
    {
        var pairs = await (
                from recipient in db.ChannelRecipients.AsNoTracking()
                join key in db.HandlerKeys on recipient.UserId equals key.UserId
                join membership in db.Memberships on recipient.UserId equals membership.UserId
                where recipient.UserId != sharerId
                    && membership.OrganizationId == recipient.OrganizationId
                    && membership.Role == Core.Accounts.Role.CaseHandler
                select new { recipient.ChannelId, recipient.UserId })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. pairs.Select(p => (p.ChannelId, p.UserId))];
    }

    /// <summary>The cases of the channel that the sharer can open and the recipient cannot, and is not excluded from.</summary>
    private IQueryable<GrievanceCase> Unshared(Guid sharerId, Guid channelId, Guid recipientId) =>
        db.Cases.AsNoTracking().Where(grievance => grievance.ChannelId == channelId
            && db.CaseRecipientEnvelopes.Any(e => e.CaseId == grievance.Id && e.UserId == sharerId)
            && !db.CaseRecipientEnvelopes.Any(e => e.CaseId == grievance.Id && e.UserId == recipientId)
            && !db.CaseExclusions.Any(e => e.CaseId == grievance.Id && e.UserId == recipientId));

    /// <summary>
    /// Seals to <paramref name="recipientId"/> every case key of <paramref name="channelId"/> that
    /// <paramref name="sharerKey"/> opens and the recipient lacks (and is not excluded from). Returns the case numbers,
    /// empty when there is nothing (left) to share or the person is no longer a recipient with a key. Does not save.
    /// </summary>
    public async Task<IReadOnlyList<int>> ShareAllAsync(
        Guid sharerId, RecipientPrivateKey sharerKey, Guid channelId, Guid recipientId, CancellationToken cancellationToken)
    {
        var pending = (await PendingAsync(sharerId, cancellationToken)).Any(p => p.ChannelId == channelId && p.RecipientId == recipientId);
        if (!pending)
        {
            return [];
        }

        var publicKey = RecipientPublicKey.FromBytes(
            await db.HandlerKeys.Where(k => k.UserId == recipientId).Select(k => k.PublicKey).SingleAsync(cancellationToken));
        var cases = await (
                from mine in db.CaseRecipientEnvelopes.AsNoTracking()
                join grievance in db.Cases.AsNoTracking() on mine.CaseId equals grievance.Id
                where mine.UserId == sharerId && grievance.ChannelId == channelId
                    && !db.CaseRecipientEnvelopes.Any(e => e.CaseId == grievance.Id && e.UserId == recipientId)
                    && !db.CaseExclusions.Any(e => e.CaseId == grievance.Id && e.UserId == recipientId)
                select new { grievance.Id, grievance.OrganizationId, grievance.Number, mine.SealedKey })
            .ToListAsync(cancellationToken);
        var shared = new List<int>(cases.Count);
        foreach (var grievance in cases)
        {
            using var caseKey = SealedBox.Open(grievance.SealedKey, sharerKey, grievance.Id);
            db.CaseRecipientEnvelopes.Add(new CaseRecipientEnvelope
            {
                OrganizationId = grievance.OrganizationId,
                CaseId = grievance.Id,
                UserId = recipientId,
                SealedKey = SealedBox.Seal(caseKey, publicKey),
            });
            shared.Add(grievance.Number);
        }

        return [.. shared.Order()];
    }

    private static string NameOf(string? displayName, string? email) => string.IsNullOrEmpty(displayName) ? email ?? "" : displayName;
}
