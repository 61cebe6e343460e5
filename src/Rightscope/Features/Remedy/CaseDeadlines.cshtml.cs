using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The service-level dashboard of a case handler: counts of deadlines due soon and overdue, and each open case they
/// receive with its next deadline, filtered by <c>?deadline=overdue|due</c> (bookmarkable). Below, their unread
/// reminders, which name only a case number, a deadline and its day, and can be marked read.
/// </summary>
[RequirePermission(Permission.HandleCases)]
public sealed class CaseDeadlinesModel(RightscopeDbContext db, OrganizationContext context, CaseDeadlineBoard board, AuditTrail audit) : PageModel
{
    public const string OverdueFilter = "overdue";

    public const string DueFilter = "due";

    /// <summary>Rows shown of each list, the most urgent first; the counts above cover all (a handler may receive thousands).</summary>
    public const int MaxRows = 200;

    public string Slug => context.Current.Slug;

    public DateOnly Today => board.Today;

    public int WarningDays => board.Settings.WarningDays;

    public CaseDeadlineCounts Counts { get; private set; } = CaseDeadlineCounts.None;

    public IReadOnlyList<CaseDeadlineRow> Cases { get; private set; } = [];

    public IReadOnlyList<(CaseReminder Reminder, Guid CaseId)> Reminders { get; private set; } = [];

    /// <summary>Cases of the list not shown (beyond <see cref="MaxRows"/>).</summary>
    public CappedCount MoreCases { get; private set; }

    /// <summary>Unread reminders not shown (beyond <see cref="MaxRows"/>).</summary>
    public CappedCount MoreReminders { get; private set; }

    [FromQuery(Name = "deadline")]
    public string? DeadlineFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (DeadlineFilter is not (null or "" or OverdueFilter or DueFilter))
        {
            ModelState.AddModelError("deadline", "deadline");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(null, cancellationToken);
            return Page();
        }

        await LoadAsync(DeadlineFilter, cancellationToken);
        return Page();
    }

    // A form without a handler goes back to the page.
    public IActionResult OnPost() => Redirect($"/o/{Slug}/cases/deadlines");

    /// <summary>Marks one reminder (<paramref name="reminder"/>) or, without it, all of the handler's unread reminders as read.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid? reminder, CancellationToken cancellationToken)
    {
        var userId = context.Membership!.UserId;
        var today = board.Today;
        var mine = db.CaseReminders.Where(r => r.UserId == userId && r.ReadOn == null);
        if (reminder is { } id)
        {
            mine = mine.Where(r => r.Id == id);
        }

        // One statement, however many are unread (a handler may have thousands), in the audit entry's transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await mine.ExecuteUpdateAsync(set => set.SetProperty(r => r.ReadOn, today), cancellationToken);
        if (reminder is not null && marked == 0)
        {
            // Someone else's, another organization's, already read or unknown: the same answer for all.
            return NotFound();
        }

        if (marked > 0)
        {
            await AggregateStampInterceptor.TouchAsync(db, context.Current.Id, AggregateArea.Cases, cancellationToken);
            await audit.SaveChangesAsync(
                new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "case-reminders.read", "case-reminder",
                    reminder?.ToString("N"), string.Create(CultureInfo.InvariantCulture, $"{marked} reminder(s) marked read")),
                cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return Redirect($"/o/{Slug}/cases/deadlines?done=read");
    }

    private async Task LoadAsync(string? filter, CancellationToken cancellationToken)
    {
        var userId = context.Membership!.UserId;
        Counts = await board.CountsForRecipientAsync(userId, cancellationToken);
        var (selection, total) = filter switch
        {
            OverdueFilter => (CaseDeadlineBoard.Selection.Overdue, Counts.Overdue),
            DueFilter => (CaseDeadlineBoard.Selection.DueSoon, Counts.DueSoon),
            _ => (CaseDeadlineBoard.Selection.WithOpenDeadline, Counts.WithOpenDeadline),
        };
        Cases = await board.MostUrgentForRecipientAsync(userId, selection, MaxRows, cancellationToken);
        MoreCases = total.Minus(Cases.Count);
        Reminders = await board.UnreadRemindersAsync(userId, MaxRows, cancellationToken);
        MoreReminders = (await board.UnreadReminderCountAsync(userId, cancellationToken)).Minus(Reminders.Count);
    }
}
