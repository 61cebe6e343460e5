using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The reporter's way back: the receipt opens the case's status, messages and files, a reply, and more files. No
/// session is kept (no cookie); each form carries the receipt back and derives again. A wrong, unknown or malformed
/// receipt gets the same answer after the same work. Files are read as a stream like on the report form: the receipt
/// comes before them in the form, so the case is opened first and each file is encrypted with its key as it arrives.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // PublicFormReader checks it before anything else is read
[StreamedPublicForm]
[RequestFormLimits(ValueCountLimit = PublicChannelPage.MaxFormValues, ValueLengthLimit = PublicChannelPage.MaxValueLength, KeyLengthLimit = 256, MultipartBodyLengthLimit = 0)]
public sealed partial class ReportFollowUpModel(
    RightscopeDbContext db, TenantScope tenant, CaseIntake intake, CaseAttachments attachments, PublicChannelLimiter limiter, ReceiptAttempts attempts,
    PublicFormReader reader, IStringLocalizer<RemedyText> text)
    : PublicChannelPage(db, tenant)
{
    public const int MessageMaxLength = 10_000;

    public const string FilesField = "Files";

    private enum PostKind
    {
        Open,
        Reply,
        Files,
        Satisfaction,
    }

    public string? Receipt { get; set; }

    public string? Message { get; set; }

    public GrievanceCase? Case { get; private set; }

    public IReadOnlyList<(CaseMessage Message, string Text)> Messages { get; private set; } = [];

    /// <summary>The names of the files the reporter sent (never the handlers' view of them).</summary>
    public IReadOnlyList<string> FileNames { get; private set; } = [];

    public bool Replied { get; private set; }

    public int FilesAdded { get; private set; }

    /// <summary>Whether the post was a reply, so a refused one shows the reply box again with its text.</summary>
    public bool Replying { get; private set; }

    public bool RemoveMetadata { get; private set; } = true;

    /// <summary>Set when too many wrong receipts were tried: the whole minutes to wait before trying again (429).</summary>
    public int? WaitMinutes { get; private set; }

    public UploadLimits Limits => reader.Limits;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindChannelAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => OpenAsync(PostKind.Open, cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken) => OpenAsync(PostKind.Reply, cancellationToken);

    public Task<IActionResult> OnPostFilesAsync(CancellationToken cancellationToken) => OpenAsync(PostKind.Files, cancellationToken);

    private async Task<IActionResult> OpenAsync(PostKind kind, CancellationToken cancellationToken)
    {
        if (!await FindChannelAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Replying = kind == PostKind.Reply;
        CaseIntake.Opened? opened = null;
        var limited = false;
        TimeSpan? slowed = null;
        try
        {
            async Task<CaseIntake.Opened?> OpenCaseAsync(PublicForm read)
            {
                if (opened is null && !limited && slowed is null)
                {
                    // Refused before any derivation is spent, whether the receipt is right or not.
                    slowed = attempts.RefusedFor(Request, Channel.Id);
                    if (slowed is not null)
                    {
                        return null;
                    }

                    if (!Admitted(limiter, PublicPostKind.FollowUp))
                    {
                        limited = true;
                        return null;
                    }

                    opened = await intake.OpenAsync(Channel, read.Value(nameof(Receipt)), cancellationToken);
                    if (opened is { Busy: false, Case: null })
                    {
                        attempts.Failed(Request, Channel.Id);
                    }
                }

                return opened;
            }

            var form = await reader.ReadAsync(
                HttpContext, kind == PostKind.Files ? FilesField : "", async read => (await OpenCaseAsync(read))?.Key, cancellationToken);
            switch (form.Outcome)
            {
                case PublicFormOutcome.Forged or PublicFormOutcome.Malformed:
                    return BadRequest();
                case PublicFormOutcome.TooLarge:
                    ModelState.AddModelError("", text["Upload.RequestTooLarge", Limits.MaxFiles, Limits.MaxFileMiB]);
                    Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return Page();
            }

            Receipt = form.Value(nameof(Receipt));
            Message = form.Value(nameof(Message));
            Satisfaction = form.Value(nameof(Satisfaction));
            RemoveMetadata = !form.Fields.ContainsKey(PublicFormReader.MetadataChoiceShown) || form.Fields.ContainsKey(PublicFormReader.RemoveMetadata);
            await OpenCaseAsync(form);
            if (slowed is { } wait)
            {
                var result = RateLimited();
                WaitMinutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return result;
            }

            if (limited)
            {
                return RateLimited();
            }

            if (opened!.Busy)
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

            var key = opened.Key!;
            Case = opened.Case;
            var status = StatusCodes.Status400BadRequest;
            if (kind == PostKind.Reply)
            {
                await ReplyAsync(key, cancellationToken);
            }
            else if (kind == PostKind.Files)
            {
                status = await AddFilesAsync(form, cancellationToken);
            }
            else if (kind == PostKind.Satisfaction)
            {
                await AnswerSatisfactionAsync(cancellationToken);
            }

            Messages = await intake.MessagesAsync(Case, key, cancellationToken);
            FileNames = (await attachments.ListAsync(Case.Id, key, cancellationToken))
                .Where(a => a.AddedBy == MessageAuthor.Reporter).Select(a => a.Details.Name).ToList();
            if (!ModelState.IsValid)
            {
                Response.StatusCode = status;
            }

            return Page();
        }
        finally
        {
            opened?.Key?.Dispose();
        }
    }

    private async Task ReplyAsync(CaseKey key, CancellationToken cancellationToken)
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
        else if (!Case!.CanReply)
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

    // All the files of the post or none: a refused file leaves the others unstored too, and the reporter sends again.
    private async Task<int> AddFilesAsync(PublicForm form, CancellationToken cancellationToken)
    {
        var label = text["FollowUp.Files"];
        foreach (var problem in form.Problems)
        {
            ModelState.AddModelError(FilesField, ReportModel.UploadMessage(text, problem, label, Limits));
        }

        if (!Case!.CanReply)
        {
            ModelState.AddModelError(FilesField, text["FollowUp.Closed"]);
        }
        else if (form.Files.Count == 0 && form.Problems.Count == 0)
        {
            ModelState.AddModelError(FilesField, text["Upload.NoneChosen", label]);
        }

        if (!ModelState.IsValid)
        {
            return form.Problems.Any(p => p.TextKey == "Upload.TooLarge") ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        }

        await intake.AddAttachmentsAsync(Case, MessageAuthor.Reporter, form.Files, cancellationToken);
        FilesAdded = form.Files.Count;
        return StatusCodes.Status200OK;
    }
}
