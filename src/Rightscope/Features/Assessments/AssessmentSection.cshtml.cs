using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>
/// One top-level section of an assessment: its questions grouped by sub-section, answered per component. The
/// whole section saves at once and only if every answer is valid; the assessment is then re-scored.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentSectionModel(
    AssessmentCommands commands,
    AssessmentStore store,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    public Node Section { get; private set; } = null!;

    public IReadOnlyList<ItemGroup> Groups { get; private set; } = [];

    public string Language => MethodologyLanguage.Current;

    public bool CanEdit => Context.Allows(Permission.EditWorkspace) && AssessmentWorkflow.IsEditable(Loaded.Assessment.Status);

    /// <summary>The posted form, so a refused form shows what was entered.</summary>
    public IFormCollection? Posted { get; private set; }

    public const string VersionField = "version";

    public static string AnswerField(string item, string component) => $"answer:{item}:{component}";

    public static string NoteField(string item, string component) => $"note:{item}:{component}";

    public async Task<IActionResult> OnGetAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.ReadWorkspace, track: false, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        return SelectSection(section) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        if (!SelectSection(section))
        {
            return NotFound();
        }

        // The form carries the version it was rendered from, so a save over someone else's newer answers is refused
        // instead of silently undoing them. The whole section is posted: an empty answer clears it.
        Guid.TryParse(Request.Form[VersionField], out var version);
        Posted = Request.Form;
        var changes = Groups.SelectMany(g => g.Items)
            .SelectMany(row => row.Components.Select(component => new AnswerChange(
                row.Item.Key, component, Request.Form[AnswerField(row.Item.Key, component)], Request.Form[NoteField(row.Item.Key, component)])))
            .ToList();
        var outcome = await commands.SetAnswersAsync(Actor, Loaded, version, changes, $"section {Section.Key}", cancellationToken);
        return outcome.Succeeded
            ? Redirect($"{OverviewUrl(id)}/sections/{Section.Key}?saved=1")
            : Failed(outcome, key => FormField(changes, key));
    }

    // "answers[3].note" → the note field of the fourth answer of the form.
    private static string FormField(List<AnswerChange> changes, string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var close = key.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open || !int.TryParse(key[(open + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= changes.Count)
        {
            return "";
        }

        var change = changes[index];
        return key.EndsWith(".note", StringComparison.Ordinal)
            ? NoteField(change.ItemKey!, change.Component!)
            : AnswerField(change.ItemKey!, change.Component!);
    }

    /// <summary>The value a field shows: what was just posted, else the stored answer.</summary>
    public string? ValueOf(string item, string component, bool note)
    {
        if (Posted is { } form)
        {
            var posted = form[note ? NoteField(item, component) : AnswerField(item, component)].ToString();
            return posted.Length == 0 ? null : posted;
        }

        var answer = Loaded.Answers.FirstOrDefault(a => a.ItemKey == item && a.Component == component);
        return note ? answer?.Note : answer?.OptionKey;
    }

    public int EvidenceCount(string item) => Loaded.Evidence.Count(e => e.ItemKey == item);

    private bool SelectSection(string key)
    {
        var section = Loaded.Methodology.Structure.FirstOrDefault(n => n.Key == key);
        if (section is null)
        {
            return false;
        }

        Section = section;
        Groups = AssessmentStore.Groups(Loaded.Methodology, section, Loaded.Services);
        return true;
    }
}
