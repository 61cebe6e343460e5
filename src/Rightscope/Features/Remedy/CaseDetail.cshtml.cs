using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// One case, decrypted with the handler's session key: the report, the messages and the reply to the reporter here;
/// the workflow, triage, notes, referrals and remedy outcomes in <c>CaseDetail.Workflow.cs</c>. Only recipients of the
/// case find it (anyone else gets 404); every read of its content and every step is audited without any of the content.
/// </summary>
[RequirePermission(Permission.HandleCases)]
public sealed partial class CaseDetailModel(
    RightscopeDbContext db,
    OrganizationContext context,
    HandlerSession session,
    CaseIntake intake,
    CaseHandling handling,
    CaseAttachments attachments,
    CaseDeletion deletion,
    AuditTrail audit,
    IStringLocalizer<RemedyText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public GrievanceCase Case { get; private set; } = null!;

    public Channel Channel { get; private set; } = null!;

    public ReportDocument Report { get; private set; } = null!;

    public IReadOnlyList<(CaseMessage Message, string Text)> Messages { get; private set; } = [];

    public IReadOnlyList<AttachmentListing> Attachments { get; private set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    private string CaseUrl => $"/o/{Slug}/cases/{Case.Id}";

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            await ReadAsync(key, cancellationToken);
            return Page();
        }, cancellationToken);

    // A form without a step (or a stale one) goes back to the case.
    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, _ => Task.FromResult<IActionResult>(Redirect(CaseUrl)), cancellationToken);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, key => TransitionAsync(CaseAction.Acknowledge, key, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            var message = Message?.Trim();
            if (string.IsNullOrEmpty(message) || message.Length > ReportFollowUpModel.MessageMaxLength || !Case.CanReply)
            {
                ModelState.AddModelError(nameof(Message), text[!Case.CanReply ? "FollowUp.Closed" : string.IsNullOrEmpty(message) ? "Validation.Required" : "Validation.TooLong"]);
                await ReadAsync(key, cancellationToken);
                return this.InvalidForm();
            }

            await intake.AddMessageAsync(Case, key, MessageAuthor.Handler, context.Membership!.UserId, message, cancellationToken);
            await audit.SaveChangesAsync(Record("case.replied", "message to the reporter"), cancellationToken);
            return Redirect(CaseUrl + "?done=replied");
        }, cancellationToken);

    /// <summary>Finds the case among those sealed to this user, then opens its key with the session's private key.</summary>
    private async Task<IActionResult> WithKeyAsync(Guid id, Func<CaseKey, Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        var userId = context.Membership!.UserId;
        var envelope = await db.CaseRecipientEnvelopes.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == id && e.UserId == userId, cancellationToken);
        var found = envelope is null ? null : await db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (envelope is null || found is null)
        {
            return NotFound();
        }

        Case = found;
        Channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == found.ChannelId, cancellationToken);
        using var key = await session.OpenCaseKeyAsync(envelope.SealedKey, id);
        if (key is null)
        {
            return Redirect($"/account/case-keys/unlock?returnUrl={Uri.EscapeDataString($"/o/{Slug}/cases/{id}")}");
        }

        return await action(key);
    }

    private async Task ReadAsync(CaseKey key, CancellationToken cancellationToken)
    {
        Report = Questionnaire.ReadDocument(CaseCipher.DecryptText(key, ContentPurpose.Report, Case.Report));
        Messages = await intake.MessagesAsync(Case, key, cancellationToken);
        await ReadWorkflowAsync(key, cancellationToken);
        Attachments = await attachments.ListAsync(Case.Id, key, cancellationToken);
        // Who read which case, never what it says (DESIGN §9.4).
        await audit.SaveChangesAsync(Record("case.read", "case content read"), cancellationToken);
    }

    private async Task<IActionResult> SaveStepAsync(string action, string summary, string done, CaseKey key, CancellationToken cancellationToken)
    {
        Case.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await audit.SaveChangesAsync(Record(action, summary), cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || CaseIntake.IsUniqueViolation(e))
        {
            // The case changed meanwhile, or the same person was given the case key by someone else at the same moment.
            db.ChangeTracker.Clear();
            return await RefusedAsync(key, "Case.Conflict", cancellationToken);
        }

        return Redirect($"{CaseUrl}?done={done}");
    }

    private async Task<IActionResult> RefusedAsync(CaseKey key, string message, CancellationToken cancellationToken, int status = StatusCodes.Status409Conflict)
    {
        ModelState.AddModelError("", text[message]);
        await ReadAsync(key, cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private AuditRecord Record(string action, string summary) =>
        new(context.Current.Id, AuditActor.SignedIn(User), action, "case", Case.Id.ToString("N"), $"case {Case.Number}: {summary}");
}
