using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>The evidence of an assessment, each source attached to the question it supports.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentEvidenceModel(
    AssessmentCommands commands,
    AssessmentStore store,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    public sealed class InputModel
    {
        public string? ItemKey { get; set; }

        public string? SourceKind { get; set; }

        public string? Title { get; set; }

        public string? Publisher { get; set; }

        public string? Url { get; set; }

        public string? PublishedOn { get; set; }

        public string? Excerpt { get; set; }

        public string? Reliability { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Language => MethodologyLanguage.Current;

    public bool CanEdit => Context.Allows(Permission.EditWorkspace) && AssessmentWorkflow.IsEditable(Loaded.Assessment.Status);

    public string TitleOf(string item) =>
        Loaded.Methodology.Items.FirstOrDefault(n => n.Key == item)?.Title.In(Language) ?? item;

    /// <summary>The evidence being edited (<c>?edit={id}</c>), or null when the form adds new evidence.</summary>
    public Evidence? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? item, Guid? edit, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.ReadWorkspace, track: false, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        Input.ItemKey = item;
        if (edit is { } evidenceId)
        {
            Editing = Loaded.Evidence.FirstOrDefault(e => e.Id == evidenceId);
            if (Editing is null)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                ItemKey = Editing.ItemKey,
                SourceKind = Editing.SourceKind.ToString(),
                Title = Editing.Title,
                Publisher = Editing.Publisher,
                Url = Editing.Url,
                PublishedOn = Editing.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Excerpt = Editing.Excerpt,
                Reliability = Editing.Reliability.ToString(),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        var outcome = await commands.AddEvidenceAsync(Actor, Loaded, Entered(), cancellationToken);
        return outcome.Succeeded ? Redirect($"{OverviewUrl(id)}/evidence?added=1") : Failed(outcome, InputField);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid evidence, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        Editing = Loaded.Evidence.FirstOrDefault(e => e.Id == evidence);
        var outcome = await commands.EditEvidenceAsync(Actor, Loaded, evidence, Entered(), cancellationToken);
        return outcome.Succeeded ? Redirect($"{OverviewUrl(id)}/evidence?changed=1") : Failed(outcome, InputField);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid evidence, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        var outcome = await commands.RemoveEvidenceAsync(Actor, Loaded, evidence, cancellationToken);
        return outcome.Succeeded ? Redirect($"{OverviewUrl(id)}/evidence?removed=1") : Failed(outcome, InputField);
    }

    private EvidenceInput Entered() => new(
        Input.ItemKey, Input.SourceKind, Input.Title, Input.Publisher, Input.Url, Input.PublishedOn, Input.Excerpt, Input.Reliability);
}
