using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The public form of a channel: no sign-in, no script, no cookie but the anti-forgery one. The form is read as a
/// stream (<see cref="PublicFormReader"/>), so files are encrypted as they arrive and never touch the disk in clear. The
/// receipt is shown only after the case and its files are committed together, and only in this response.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // PublicFormReader checks it before anything else is read
[StreamedPublicForm]
[RequestFormLimits(ValueCountLimit = PublicChannelPage.MaxFormValues, ValueLengthLimit = PublicChannelPage.MaxValueLength, KeyLengthLimit = 256, MultipartBodyLengthLimit = 0)]
public sealed class ReportModel(
    RightscopeDbContext db, TenantScope tenant, CaseIntake intake, PublicChannelLimiter limiter, PublicFormReader reader, IStringLocalizer<RemedyText> text)
    : PublicChannelPage(db, tenant)
{
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The receipt to show once, formatted; set only after the case is stored.</summary>
    public string? ReceiptText { get; private set; }

    /// <summary>How many files were stored with the case, for the receipt page.</summary>
    public int StoredFiles { get; private set; }

    /// <summary>Set when no current case handler can read a report sent here: nothing is taken and no receipt given.</summary>
    public bool NotAccepting { get; private set; }

    /// <summary>Whether the "remove hidden information from photos" box is ticked (it is, unless the reporter unticked it).</summary>
    public bool RemoveMetadata { get; private set; } = true;

    public UploadLimits Limits => reader.Limits;

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
        CaseKey? key = null;
        var admitted = false;
        try
        {
            var form = await reader.ReadAsync(HttpContext, FieldName(Questionnaire.FilesKey), _ =>
            {
                // The first file: the limits are asked before any encryption work is spent on it.
                if (!Admitted(limiter, PublicPostKind.Submit))
                {
                    return Task.FromResult<CaseKey?>(null);
                }

                admitted = true;
                key = CaseKey.Create(Guid.NewGuid());
                return Task.FromResult<CaseKey?>(key);
            }, cancellationToken);
            return await HandleAsync(form, admitted, key, cancellationToken);
        }
        finally
        {
            key?.Dispose();
        }
    }

    private async Task<IActionResult> HandleAsync(PublicForm form, bool admitted, CaseKey? key, CancellationToken cancellationToken)
    {
        switch (form.Outcome)
        {
            case PublicFormOutcome.Forged or PublicFormOutcome.Malformed:
                return BadRequest();
            case PublicFormOutcome.NoKey:
                KeepAnswers(form);
                return RateLimited();
        }

        KeepAnswers(form);
        if (form.Outcome == PublicFormOutcome.TooLarge)
        {
            return TooLargePage();
        }

        foreach (var (field, problem) in Questionnaire.Validate(Channel.Questionnaire, Answers, intake.Today))
        {
            ModelState.AddModelError(FieldName(field), text[problem]);
        }

        AddUploadProblems(form);
        if (!ModelState.IsValid)
        {
            var invalid = this.InvalidForm();
            if (form.Problems.Any(p => p.TextKey == "Upload.TooLarge"))
            {
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }

            return invalid;
        }

        if (!admitted && !Admitted(limiter, PublicPostKind.Submit))
        {
            return RateLimited();
        }

        var document = Questionnaire.ToDocument(Channel.Questionnaire, Chinese ? "zh-Hans" : "en", Answers);
        using var newKey = key is null ? CaseKey.Create(Guid.NewGuid()) : null;
        var submitted = await intake.SubmitAsync(Channel, document, key ?? newKey!, form.Files, cancellationToken);
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
        StoredFiles = form.Files.Count;
        return Page();
    }

    // Only the channel's own questions are kept: whatever else was posted is neither validated nor stored.
    private void KeepAnswers(PublicForm form)
    {
        Answers = Questions.Where(q => q.Type != QuestionType.File)
            .Select(q => (q.Key, Value: form.Value(FieldName(q.Key))))
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        RemoveMetadata = !form.Fields.ContainsKey(PublicFormReader.MetadataChoiceShown) || form.Fields.ContainsKey(PublicFormReader.RemoveMetadata);
    }

    private void AddUploadProblems(PublicForm form)
    {
        var field = FieldName(Questionnaire.FilesKey);
        var label = text[$"Q.{Questionnaire.FilesKey}"];
        foreach (var problem in form.Problems)
        {
            ModelState.AddModelError(field, UploadMessage(text, problem, label, Limits));
        }

        if (!ModelState.IsValid && (form.Files.Count > 0 || form.Problems.Count > 0))
        {
            ModelState.AddModelError(field, text["Upload.ChooseAgain"]);
        }
    }

    /// <summary>A file's problem as a sentence naming the field and the file.</summary>
    public static string UploadMessage(IStringLocalizer<RemedyText> text, UploadProblem problem, string fieldLabel, UploadLimits limits) =>
        text[problem.TextKey, fieldLabel, problem.FileName, limits.MaxFileMiB, limits.MaxFiles];

    private IActionResult TooLargePage()
    {
        ModelState.AddModelError("", text["Upload.RequestTooLarge", Limits.MaxFiles, Limits.MaxFileMiB]);
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
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
