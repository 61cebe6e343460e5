using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Data;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The reporter's way back: the receipt opens the case's status and messages, and a reply. No session is kept
/// (no cookie); the reply form carries the receipt back and derives again. A wrong, unknown or malformed receipt
/// gets the same answer after the same work.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(PublicChannelPage.MaxRequestBytes)]
[RequestFormLimits(ValueCountLimit = PublicChannelPage.MaxFormValues, ValueLengthLimit = PublicChannelPage.MaxValueLength, KeyLengthLimit = 256, MultipartBodyLengthLimit = 0)]
public sealed partial class ReportFollowUpModel(RightscopeDbContext db, TenantScope tenant, CaseIntake intake, PublicChannelLimiter limiter, IStringLocalizer<RemedyText> text)
    : PublicChannelPage(db, tenant)
{
    public const int MessageMaxLength = 10_000;

    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public GrievanceCase? Case { get; private set; }

    public IReadOnlyList<(CaseMessage Message, string Text)> Messages { get; private set; } = [];

    public bool Replied { get; private set; }

    /// <summary>Whether the post was a reply, so a refused one shows the reply box again with its text.</summary>
    public bool Replying { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindChannelAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => OpenAsync(reply: false, cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken) => OpenAsync(reply: true, cancellationToken);

    private async Task<IActionResult> OpenAsync(bool reply, CancellationToken cancellationToken, bool satisfaction = false)
    {
        if (!await FindChannelAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Replying = reply;
        if (!Admitted(limiter, PublicPostKind.FollowUp))
        {
            return RateLimited();
        }

        var opened = await intake.OpenAsync(Channel, Receipt, cancellationToken);
        if (opened.Busy)
        {
            return BusyPage();
        }

        if (opened.Case is null)
        {
            // Never echo what was typed: the page is the same whatever the receipt was.
            Receipt = null;
            ModelState.AddModelError(nameof(Receipt), text["FollowUp.NotFound"]);
            return this.InvalidForm();
        }

        using var key = opened.Key!;
        Case = opened.Case;
        if (reply)
        {
            var message = Message?.Trim();
            if (string.IsNullOrEmpty(message))
            {
                ModelState.AddModelError(nameof(Message), text["Validation.Required"]);
            }
            else if (message.Length > MessageMaxLength)
            {
                ModelState.AddModelError(nameof(Message), text["Validation.TooLong"]);
            }
            else if (!Case.CanReply)
            {
                ModelState.AddModelError(nameof(Message), text["FollowUp.Closed"]);
            }
            else
            {
                await intake.AddMessageAsync(Case, key, MessageAuthor.Reporter, null, message, cancellationToken);
                Message = null;
                Replied = true;
            }
        }

        if (satisfaction)
        {
            await AnswerSatisfactionAsync(cancellationToken);
        }

        Messages = await intake.MessagesAsync(Case, key, cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        return Page();
    }
}
