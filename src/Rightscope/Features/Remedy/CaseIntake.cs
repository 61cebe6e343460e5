using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// What the public channel does with the database and the keys: store a new case (sealed to every recipient and to
/// the reporter), open a case from its receipt, and add the reporter's messages. Every receipt derivation goes
/// through the <see cref="KeyDerivationQueue"/>; nothing here logs or audits, because anything written about a
/// submission (even its exact time) would be about the reporter.
/// </summary>
public sealed class CaseIntake(RightscopeDbContext db, KeyDerivationQueue queue, TimeProvider clock)
{
    private const int MaxAttempts = 20;

    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> NumberLocks = new();

    /// <summary>What a submission came to: stored (with the receipt to show), the queue full, or nobody to seal it to.</summary>
    public sealed record Submitted(bool Busy, Receipt? Receipt, bool NoRecipients = false);

    /// <summary>The case a receipt opened, with its key (dispose it), or why not.</summary>
    public sealed record Opened(bool Busy, GrievanceCase? Case, CaseKey? Key);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Stores the case and commits; only then returns the receipt to show (dispose it after rendering).</summary>
    public async Task<Submitted> SubmitAsync(Channel channel, string document, CancellationToken cancellationToken)
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        return await SubmitAsync(channel, document, caseKey, [], cancellationToken);
    }

    /// <summary>
    /// Stores the case with its files (encrypted with <paramref name="caseKey"/> while they arrived) in one transaction
    /// and commits; only then returns the receipt to show (dispose it after rendering).
    /// </summary>
    public async Task<Submitted> SubmitAsync(Channel channel, string document, CaseKey caseKey, IReadOnlyList<SealedUpload> files, CancellationToken cancellationToken)
    {
        // Only handlers who are members of the channel's organization with the case-handler role now; a case sealed
        // to nobody (or to someone who has left) must never be acknowledged with a receipt.
        var recipients = await RecipientsAsync(channel, cancellationToken);
        if (recipients.Count == 0)
        {
            return new Submitted(false, null, NoRecipients: true);
        }

        var cost = KeyDerivationCost.Parse(channel.ReceiptCost);
        var receipt = Receipt.Generate();
        try
        {
            return await StoreAsync(channel, caseKey.CaseId, caseKey, document, files, recipients, receipt, cost, cancellationToken);
        }
        catch
        {
            // Whatever failed, the receipt (and the key material below) never outlives this call.
            receipt.Dispose();
            throw;
        }
    }

    /// <summary>Whether the channel can take a report now: some recipient can read it.</summary>
    public async Task<bool> AcceptsReportsAsync(Channel channel, CancellationToken cancellationToken) =>
        (await RecipientsAsync(channel, cancellationToken)).Count > 0;

    private async Task<List<(Guid UserId, byte[] PublicKey)>> RecipientsAsync(Channel channel, CancellationToken cancellationToken)
    {
        var rows = await (
                from recipient in db.ChannelRecipients
                join key in db.HandlerKeys on recipient.UserId equals key.UserId
                join membership in db.Memberships on recipient.UserId equals membership.UserId
                where recipient.ChannelId == channel.Id
                    && membership.OrganizationId == channel.OrganizationId
                    && membership.Role == Role.CaseHandler
                select new { key.UserId, key.PublicKey })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.UserId, r.PublicKey)).ToList();
    }

    private async Task<Submitted> StoreAsync(
        Channel channel, Guid caseId, CaseKey caseKey, string document, IReadOnlyList<SealedUpload> files, List<(Guid UserId, byte[] PublicKey)> recipients,
        Receipt receipt, KeyDerivationCost cost, CancellationToken cancellationToken)
    {
        var (admitted, derived) = await queue.TryRunAsync(() => ReporterAccessKey.Derive(receipt, channel.ReceiptSalt, cost), cancellationToken);
        if (!admitted)
        {
            receipt.Dispose();
            return new Submitted(true, null);
        }

        using var access = derived!;
        var grievance = new GrievanceCase
        {
            Id = caseId,
            OrganizationId = channel.OrganizationId,
            ChannelId = channel.Id,
            Status = CaseStatus.Received,
            ReceivedOn = Today,
            LookupId = access.LookupId,
            ReporterEnvelope = ReporterEnvelope.Seal(caseKey, access),
            Report = CaseCipher.EncryptText(caseKey, ContentPurpose.Report, document),
        };
        db.Cases.Add(grievance);
        foreach (var recipient in recipients)
        {
            db.CaseRecipientEnvelopes.Add(new CaseRecipientEnvelope
            {
                OrganizationId = channel.OrganizationId,
                CaseId = caseId,
                UserId = recipient.UserId,
                SealedKey = SealedBox.Seal(caseKey, RecipientPublicKey.FromBytes(recipient.PublicKey)),
            });
        }

        AddAttachments(grievance, MessageAuthor.Reporter, files);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveNumberedAsync(grievance, cancellationToken);
                return new Submitted(false, receipt);
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                // The number is taken under a lock, so what clashed is (once in ~10^8 cases) the receipt, or a number
                // taken by a writer outside the lock: try again, with a new receipt if it was the receipt.
                if (await db.Cases.AnyAsync(c => c.ChannelId == channel.Id && c.LookupId == grievance.LookupId, cancellationToken))
                {
                    receipt.Dispose();
                    receipt = Receipt.Generate();
                    var (again, fresh) = await queue.TryRunAsync(() => ReporterAccessKey.Derive(receipt, channel.ReceiptSalt, cost), cancellationToken);
                    if (!again)
                    {
                        receipt.Dispose();
                        db.ChangeTracker.Clear();
                        return new Submitted(true, null);
                    }

                    using var freshAccess = fresh!;
                    grievance.LookupId = freshAccess.LookupId;
                    grievance.ReporterEnvelope = ReporterEnvelope.Seal(caseKey, freshAccess);
                }

                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Gives the case the organization's next number and commits it, with every other writer of that organization's
    /// numbers waiting: an in-process lock, the transaction (SQLite's <c>BEGIN IMMEDIATE</c> takes the write lock
    /// before the number is read) and, on PostgreSQL, an advisory lock for other instances. Without it concurrent
    /// submissions read the same largest number and all but one fail the unique index and retry, again and again
    /// under load (DESIGN §8). Everything slow (Argon2id, encryption) is done before; the lock covers one read and
    /// the insert.
    /// </summary>
    private async Task SaveNumberedAsync(GrievanceCase grievance, CancellationToken cancellationToken)
    {
        var numberLock = NumberLocks.GetOrAdd(grievance.OrganizationId, _ => new SemaphoreSlim(1, 1));
        await numberLock.WaitAsync(cancellationToken);
        try
        {
            // A caller's transaction (if any) is used and committed by the caller; otherwise this one commits.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (db.Database.IsNpgsql())
            {
                var key = $"case-number:{grievance.OrganizationId:N}";
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
            }

            grievance.Number = await NextNumberAsync(grievance.OrganizationId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            numberLock.Release();
        }
    }

    /// <summary>
    /// Derives from the receipt and opens its case. A malformed receipt is derived as a random one, so the answer
    /// takes the same time and says the same whether the receipt was malformed, wrong or unknown.
    /// </summary>
    public async Task<Opened> OpenAsync(Channel channel, string? receiptText, CancellationToken cancellationToken)
    {
        var cost = KeyDerivationCost.Parse(channel.ReceiptCost);
        var wellFormed = Receipt.TryParse(receiptText, out var parsed);
        using var receipt = parsed ?? Receipt.Generate();
        var (admitted, derived) = await queue.TryRunAsync(() => ReporterAccessKey.Derive(receipt, channel.ReceiptSalt, cost), cancellationToken);
        if (!admitted)
        {
            return new Opened(true, null, null);
        }

        using var access = derived!;
        var lookupId = access.LookupId;
        var found = await db.Cases.FirstOrDefaultAsync(c => c.ChannelId == channel.Id && c.LookupId == lookupId, cancellationToken);
        if (found is null || !wellFormed)
        {
            return new Opened(false, null, null);
        }

        try
        {
            return new Opened(false, found, ReporterEnvelope.Open(found.ReporterEnvelope, access, found.Id));
        }
        catch (CryptoOpenException)
        {
            return new Opened(false, null, null);
        }
    }

    /// <summary>Adds an encrypted message to the case and commits.</summary>
    public async Task AddMessageAsync(GrievanceCase grievance, CaseKey key, MessageAuthor author, Guid? authorUserId, string text, CancellationToken cancellationToken)
    {
        var message = new CaseMessage
        {
            OrganizationId = grievance.OrganizationId,
            CaseId = grievance.Id,
            Author = author,
            AuthorUserId = authorUserId,
            SentOn = Today,
            Body = [],
        };
        message.Body = CaseCipher.EncryptText(key, message.Purpose, Pad(text.Trim()));
        db.CaseMessages.Add(message);
        if (author == MessageAuthor.Handler)
        {
            grievance.NoteHandlerReply(message.SentOn);
        }

        for (var attempt = 1; ; attempt++)
        {
            message.Sequence = 1 + (await db.CaseMessages.Where(m => m.CaseId == grievance.Id).MaxAsync(m => (int?)m.Sequence, cancellationToken) ?? 0);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Stores the reporter's answer to the satisfaction question (the coarse value only) and commits.</summary>
    public async Task RecordSatisfactionAsync(GrievanceCase grievance, ReporterSatisfaction satisfaction, CancellationToken cancellationToken)
    {
        grievance.Satisfaction = satisfaction;
        grievance.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds files to the case (all or none) and commits.</summary>
    public async Task AddAttachmentsAsync(GrievanceCase grievance, MessageAuthor author, IReadOnlyList<SealedUpload> files, CancellationToken cancellationToken)
    {
        AddAttachments(grievance, author, files);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddAttachments(GrievanceCase grievance, MessageAuthor author, IReadOnlyList<SealedUpload> files)
    {
        foreach (var file in files)
        {
            db.CaseAttachments.Add(new CaseAttachment
            {
                Id = file.Id,
                OrganizationId = grievance.OrganizationId,
                CaseId = grievance.Id,
                AddedBy = author,
                AddedOn = Today,
                Details = file.Details,
                Content = file.Content,
            });
        }
    }

    /// <summary>The messages of a case, decrypted, in order.</summary>
    public async Task<List<(CaseMessage Message, string Text)>> MessagesAsync(GrievanceCase grievance, CaseKey key, CancellationToken cancellationToken)
    {
        var messages = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == grievance.Id).OrderBy(m => m.Sequence).ToListAsync(cancellationToken);
        return messages.Select(m => (m, CaseCipher.DecryptText(key, m.Purpose, m.Body).TrimEnd())).ToList();
    }

    // Messages are padded like reports, so their stored length tells little about what was written.
    private static string Pad(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        return text + new string(' ', (bytes / 256 + 1) * 256 - bytes);
    }

    private async Task<int> NextNumberAsync(Guid organizationId, CancellationToken cancellationToken) =>
        1 + (await db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == organizationId).MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0);

    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555) only: a foreign-key or NOT NULL failure
    // (also SQLITE_CONSTRAINT, 19) is a bug to surface, not a clash to retry.
    internal static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
