using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The public form of a channel: no sign-in, no script, no cookie but the anti-forgery one. The receipt is shown only
/// after the case is committed, and only in this response.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(PublicChannelPage.MaxRequestBytes)]
[RequestFormLimits(ValueCountLimit = PublicChannelPage.MaxFormValues, ValueLengthLimit = PublicChannelPage.MaxValueLength, KeyLengthLimit = 256, MultipartBodyLengthLimit = 0)]
public sealed class ReportModel(RightscopeDbContext db, TenantScope tenant, CaseIntake intake, PublicChannelLimiter limiter, IStringLocalizer<RemedyText> text)
    : PublicChannelPage(db, tenant)
{
    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The receipt to show once, formatted; set only after the case is stored.</summary>
    public string? ReceiptText { get; private set; }

    /// <summary>Set when no current case handler can read a report sent here: nothing is taken and no receipt given.</summary>
    public bool NotAccepting { get; private set; }

    public IReadOnlyList<Question> Questions => Questionnaire.For(Channel.Questionnaire);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindChannelAsync(cancellationToken))
        {
            return NotFound();
        }

        return await intake.AcceptsReportsAsync(Channel, cancellationToken) ? Page() : NotAcceptingPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindChannelAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        // Only the channel's own questions are kept: whatever else was posted is neither validated nor stored.
        Answers = Answers.Where(a => Questions.Any(q => q.Key == a.Key)).ToDictionary(StringComparer.Ordinal);
        foreach (var (key, problem) in Questionnaire.Validate(Channel.Questionnaire, Answers, intake.Today))
        {
            ModelState.AddModelError(FieldName(key), text[problem]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (!Admitted(limiter, PublicPostKind.Submit))
        {
            return RateLimited();
        }

        var document = Questionnaire.ToDocument(Channel.Questionnaire, Chinese ? "zh-Hans" : "en", Answers);
        var submitted = await intake.SubmitAsync(Channel, document, cancellationToken);
        if (submitted.NoRecipients)
        {
            return NotAcceptingPage();
        }

        if (submitted.Busy)
        {
            return BusyPage();
        }

        using Receipt receipt = submitted.Receipt!;
        ReceiptText = receipt.FormatForDisplay();
        return Page();
    }

    private IActionResult NotAcceptingPage()
    {
        NotAccepting = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    public static string FieldName(string key) => $"Answers[{key}]";

    public static string FieldId(string key) => "answer-" + key;
}
