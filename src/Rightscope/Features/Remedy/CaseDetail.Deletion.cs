using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rightscope.Core.Remedy;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Deleting the case by hand, and when its retention period will delete it. Only a recipient of the case can delete
/// it — not an owner who is not one: owners do not see case content (DESIGN §9.4), and the power to destroy a report
/// unread would let the organization a grievance is about make it disappear. The handler confirms by typing the case
/// number, with the case key open (a fresh unlock after 15 idle minutes), and an open case needs a reason from a fixed
/// list, so the audit entry says why without free text.
/// </summary>
public sealed partial class CaseDetailModel
{
    public sealed class DeletionInput
    {
        public string? ConfirmNumber { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty]
    public DeletionInput Deletion { get; set; } = new();

    /// <summary>The day the retention job deletes the case; null while it is open.</summary>
    public DateOnly? PurgeOn => CaseRetention.PurgeOn(Case.ClosedOn, Channel.RetentionDays);

    /// <summary>Open, and received longer ago than the channel's retention period: the handlers must decide.</summary>
    public bool RetentionDecisionNeeded => CaseRetention.NeedsDecision(Case.ReceivedOn, Case.ClosedOn, Channel.RetentionDays, handling.Today);

    /// <summary>The reasons a handler may give; "not needed any more" only for a closed case.</summary>
    public IReadOnlyList<ManualDeletionReason> DeletionReasons =>
        [.. Enum.GetValues<ManualDeletionReason>().Where(r => r != ManualDeletionReason.RetentionNotNeeded || Case.ClosedOn is not null)];

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            if (Deletion.ConfirmNumber?.Trim() != Case.Number.ToString(CultureInfo.InvariantCulture))
            {
                ModelState.AddModelError("Deletion.ConfirmNumber", text["Deletion.ConfirmMismatch"]);
            }

            ManualDeletionReason? reason = null;
            if (!string.IsNullOrEmpty(Deletion.Reason))
            {
                if (EnumInput.TryParse<ManualDeletionReason>(Deletion.Reason, out var parsed) && DeletionReasons.Contains(parsed))
                {
                    reason = parsed;
                }
                else
                {
                    ModelState.AddModelError("Deletion.Reason", text["Deletion.ReasonInvalid"]);
                }
            }
            else if (Case.ClosedOn is null)
            {
                ModelState.AddModelError("Deletion.Reason", text["Deletion.ReasonRequired"]);
            }

            if (!ModelState.IsValid)
            {
                await ReadAsync(key, cancellationToken);
                return this.InvalidForm();
            }

            var detail = (reason ?? ManualDeletionReason.RetentionNotNeeded) switch
            {
                ManualDeletionReason.RetentionNotNeeded => "no longer needed",
                ManualDeletionReason.Duplicate => "duplicate",
                ManualDeletionReason.NotAGrievance => "not a grievance",
                ManualDeletionReason.ReporterRequest => "at the reporter's request",
                ManualDeletionReason.HandedOver => "handed over",
                _ => throw new InvalidOperationException(),
            };
            // Whether this request or a concurrent one deleted it, the case is gone: the same page either way.
            await deletion.DeleteAsync(Case.OrganizationId, Case.Id, CaseDeletionReason.Manual, detail, AuditActor.SignedIn(User), cancellationToken);
            return Redirect($"/o/{Slug}/cases?done=deleted");
        }, cancellationToken);
}
