using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
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
    RightscopeDbContext db,
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

        var assessment = Loaded.Assessment;
        if (!AssessmentWorkflow.IsEditable(assessment.Status))
        {
            return Refused(Text["Section.NotDraft"]);
        }

        // The form carries the version it was rendered from, so a save over someone else's newer answers is refused
        // instead of silently undoing them.
        if (!Guid.TryParse(Request.Form[VersionField], out var version) || version != assessment.ConcurrencyToken)
        {
            return Conflicted();
        }

        Posted = Request.Form;
        var existing = Loaded.Answers.ToDictionary(a => (a.ItemKey, a.Component));
        var wanted = new List<(ItemRow Row, string Component, string? Option, string? Note)>();
        foreach (var row in Groups.SelectMany(g => g.Items))
        {
            foreach (var component in row.Components)
            {
                var answerField = AnswerField(row.Item.Key, component);
                var noteField = NoteField(row.Item.Key, component);
                var option = Request.Form[answerField].ToString();
                var note = Request.Form[noteField].ToString().Trim();
                if (option.Length > 0 && row.AnswerSet.Find(option) is null)
                {
                    ModelState.AddModelError(answerField, Text["Section.OptionInvalid", row.Item.Title.In(Language)]);
                }

                if (note.Length > AssessmentAnswer.NoteMaxLength)
                {
                    ModelState.AddModelError(noteField, Text["Section.NoteTooLong", AssessmentAnswer.NoteMaxLength]);
                }
                else if (note.Length > 0 && option.Length == 0)
                {
                    ModelState.AddModelError(answerField, Text["Section.NoteWithoutAnswer", row.Item.Title.In(Language)]);
                }

                wanted.Add((row, component, option.Length == 0 ? null : option, note.Length == 0 ? null : note));
            }
        }

        if (!ModelState.IsValid)
        {
            return Refused(Text["Section.NothingSaved"]);
        }

        var now = Now;
        var (added, changed, cleared) = (0, 0, 0);
        foreach (var (row, component, option, note) in wanted)
        {
            existing.TryGetValue((row.Item.Key, component), out var answer);
            if (option is null)
            {
                if (answer is not null)
                {
                    db.AssessmentAnswers.Remove(answer);
                    existing.Remove((row.Item.Key, component));
                    cleared++;
                }
            }
            else if (answer is null)
            {
                answer = new AssessmentAnswer
                {
                    OrganizationId = assessment.OrganizationId,
                    AssessmentId = assessment.Id,
                    ItemKey = row.Item.Key,
                    Component = component,
                    OptionKey = option,
                    Note = note,
                    AnsweredByUserId = UserId,
                    AnsweredAt = now,
                };
                db.AssessmentAnswers.Add(answer);
                existing[(row.Item.Key, component)] = answer;
                added++;
            }
            else if (answer.OptionKey != option || answer.Note != note)
            {
                (answer.OptionKey, answer.Note, answer.AnsweredByUserId, answer.AnsweredAt) = (option, note, UserId, now);
                changed++;
            }
        }

        var result = AssessmentStore.Score(Loaded.Methodology, assessment, existing.Values, Loaded.Evidence, Loaded.Impacts);
        (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"section {Section.Key}: {added} answered, {changed} changed, {cleared} cleared; total {result.Total?.ToString("0.##", CultureInfo.InvariantCulture) ?? "none"}, tier {result.Tier?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        return await SaveAsync("assessment.answers-saved", summary, cancellationToken)
            ? Redirect($"{OverviewUrl(id)}/sections/{Section.Key}?saved=1")
            : Conflicted();
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
