using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Who handles the case, and the retaliation check-ins after it: conflict-of-interest exclusion (the recipient's
/// sealed case key is deleted, so they can no longer open it), re-sharing the key with a channel recipient who lacks
/// it, the assigned handler, and recording check-ins.
/// </summary>
public sealed partial class CaseDetailModel
{
    public sealed class CheckInInput
    {
        public Guid? Id { get; set; }

        public string? Result { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public Guid? Person { get; set; }

    [BindProperty]
    public CheckInInput CheckIn { get; set; } = new();

    public Guid CurrentUserId => context.Membership!.UserId;

    public Task<IActionResult> OnPostExcludeAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var envelope = Person is { } userId && userId != CurrentUserId
                ? await db.CaseRecipientEnvelopes.FirstOrDefaultAsync(e => e.CaseId == Case.Id && e.UserId == userId, cancellationToken)
                : null;
            if (envelope is null)
            {
                // Oneself, or someone who cannot open the case anyway: excluding them would change nothing.
                return await InvalidFieldAsync(nameof(Person), "People.ExcludeInvalid", key, cancellationToken);
            }

            db.CaseRecipientEnvelopes.Remove(envelope);
            db.CaseExclusions.Add(new CaseExclusion
            {
                OrganizationId = Case.OrganizationId,
                CaseId = Case.Id,
                UserId = envelope.UserId,
                ByUserId = CurrentUserId,
                ExcludedOn = handling.Today,
            });
            if (Case.AssignedUserId == envelope.UserId)
            {
                Case.AssignedUserId = null;
            }

            return await SaveStepAsync("case.recipient-excluded", $"recipient {envelope.UserId:N} excluded for a conflict of interest", "excluded", key, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Undoes a conflict-of-interest exclusion. The exclusion destroyed the person's sealed case key, so undoing it only
    /// allows sharing again: they open the case once a recipient shares it with them (the share form below).
    /// </summary>
    public Task<IActionResult> OnPostUnexcludeAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var exclusion = Person is { } userId
                ? await db.CaseExclusions.FirstOrDefaultAsync(e => e.CaseId == Case.Id && e.UserId == userId, cancellationToken)
                : null;
            if (exclusion is null)
            {
                return await InvalidFieldAsync(nameof(Person), "People.UnexcludeInvalid", key, cancellationToken);
            }

            db.CaseExclusions.Remove(exclusion);
            return await SaveStepAsync("case.exclusion-undone", $"exclusion of recipient {exclusion.UserId:N} undone; the case key must be shared again", "unexcluded", key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var candidate = (await handling.ShareCandidatesAsync(Case, cancellationToken)).FirstOrDefault(c => c.Id == Person);
            if (candidate is null)
            {
                return await InvalidFieldAsync(nameof(Person), "People.ShareInvalid", key, cancellationToken);
            }

            db.CaseRecipientEnvelopes.Add(new CaseRecipientEnvelope
            {
                OrganizationId = Case.OrganizationId,
                CaseId = Case.Id,
                UserId = candidate.Id,
                SealedKey = SealedBox.Seal(key, RecipientPublicKey.FromBytes(candidate.PublicKey)),
            });
            return await SaveStepAsync("case.shared", $"case key sealed to recipient {candidate.Id:N}", "shared", key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            if (Person is not { } userId || !await db.CaseRecipientEnvelopes.AnyAsync(e => e.CaseId == Case.Id && e.UserId == userId, cancellationToken))
            {
                return await InvalidFieldAsync(nameof(Person), "People.AssignInvalid", key, cancellationToken);
            }

            Case.AssignedUserId = userId;
            return await SaveStepAsync("case.assigned", $"assigned to {userId:N}", "assigned", key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var checkIn = CheckIn.Id is { } checkInId
                ? await db.CaseCheckIns.FirstOrDefaultAsync(c => c.Id == checkInId && c.CaseId == Case.Id, cancellationToken)
                : null;
            if (checkIn is null)
            {
                return NotFound();
            }

            if (checkIn.Result is not null)
            {
                return await RefusedAsync(key, "CheckIn.AlreadyRecorded", cancellationToken);
            }

            if (!EnumInput.TryParse<CheckInResult>(CheckIn.Result, out var result))
            {
                ModelState.AddModelError("CheckIn.Result", text["CheckIn.ResultInvalid"]);
            }

            var note = CheckIn.Note?.Trim() ?? "";
            if (note.Length > CaseCheckIn.NoteMaxLength)
            {
                ModelState.AddModelError("CheckIn.Note", text["Validation.TooLong"]);
            }

            if (!ModelState.IsValid)
            {
                await ReadAsync(key, cancellationToken);
                return this.InvalidForm();
            }

            checkIn.Result = result;
            checkIn.RecordedOn = handling.Today;
            checkIn.RecordedByUserId = CurrentUserId;
            checkIn.Note = note.Length == 0 ? null : CaseContent.Seal(key, checkIn.Purpose, note);
            checkIn.ConcurrencyToken = Guid.NewGuid();
            return await SaveStepAsync("case.check-in-recorded", $"retaliation check-in due {checkIn.DueOn:yyyy-MM-dd}: {result}", "checked-in", key, cancellationToken);
        }, cancellationToken);

    /// <summary>Closing schedules the check-ins; reopening drops those not yet made (closing again schedules anew).</summary>
    private async Task RescheduleCheckInsAsync(CaseTransition transition, CancellationToken cancellationToken)
    {
        if (transition.Action == CaseAction.Close)
        {
            foreach (var due in RetaliationCheckIns.ScheduleAfter(transition.On))
            {
                db.CaseCheckIns.Add(new CaseCheckIn { OrganizationId = Case.OrganizationId, CaseId = Case.Id, DueOn = due });
            }
        }
        else if (transition.Action == CaseAction.Reopen)
        {
            db.CaseCheckIns.RemoveRange(await db.CaseCheckIns.Where(c => c.CaseId == Case.Id && c.Result == null).ToListAsync(cancellationToken));
        }
    }
}
