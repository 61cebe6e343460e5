using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Assessments;

/// <summary>
/// Who runs a command: the organization, the person accountable for the change (an API token's creator for a
/// token), and how the audit trail names the actor.
/// </summary>
public sealed record CommandActor(Guid OrganizationId, Guid UserId, AuditActor Audit);

public enum CommandStatus
{
    /// <summary>Saved, with one audit entry.</summary>
    Done,

    /// <summary>Some fields are wrong (see <see cref="CommandOutcome.Errors"/>); nothing was saved.</summary>
    Invalid,

    /// <summary>The assessment's status does not allow the command; nothing was saved.</summary>
    Refused,

    /// <summary>Someone else saved the assessment first; nothing was saved.</summary>
    Conflict,

    /// <summary>The thing the command names (an evidence id) is not part of the assessment.</summary>
    NotFound,
}

/// <summary>
/// What a command did. Field keys are the API's (<c>subjectName</c>, <c>answers[3].option</c>,
/// <c>attributes[exposure-type]</c>); pages translate them to their own form fields.
/// </summary>
public sealed record CommandOutcome(CommandStatus Status, string? Message, IReadOnlyDictionary<string, string[]> Errors, Guid? Id = null)
{
    private static readonly Dictionary<string, string[]> None = [];

    public bool Succeeded => Status == CommandStatus.Done;

    public static CommandOutcome Done(Guid? id = null) => new(CommandStatus.Done, null, None, id);

    public static CommandOutcome Invalid(string message, FieldErrors errors) => new(CommandStatus.Invalid, message, errors.ToDictionary());

    public static CommandOutcome Refused(string message) => new(CommandStatus.Refused, message, None);

    public static CommandOutcome Conflict(string message) => new(CommandStatus.Conflict, message, None);

    public static CommandOutcome NotFound() => new(CommandStatus.NotFound, null, None);
}

/// <summary>Field errors in the order found; a field may have several.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>A new draft as a page form or an API client describes it.</summary>
public sealed record NewAssessment(
    string? Methodology,
    string? SubjectKind,
    string? SubjectName,
    IReadOnlyDictionary<string, string>? Attributes,
    IReadOnlyList<string>? Services,
    Guid? CompanyId = null);

/// <summary>One answer to set: a null or empty option clears the answer.</summary>
public sealed record AnswerChange(string? ItemKey, string? Component, string? Option, string? Note);

/// <summary>A piece of evidence as entered; every text is trimmed, an empty optional text is none.</summary>
public sealed record EvidenceInput(
    string? ItemKey,
    string? SourceKind,
    string? Title,
    string? Publisher,
    string? Url,
    string? PublishedOn,
    string? Excerpt,
    string? Reliability);

/// <summary>
/// The commands on assessments, shared by the pages and the API so both validate, score, save and audit the same
/// way: create a draft, set answers, add/edit/remove evidence, submit for review, comment. Callers have already
/// checked the permission and found the assessment through the tenant filter; approval and return stay on the
/// review page, because four eyes means two people and a token is not a person.
/// </summary>
public sealed partial class AssessmentCommands(
    RightscopeDbContext db,
    MethodologyRegistry registry,
    CompanyAssessments companies,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text)
{
    public const int MaxServices = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Language => MethodologyLanguage.Current;

    public async Task<CommandOutcome> CreateAsync(CommandActor actor, NewAssessment input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var available = await registry.AvailableAsync(db, cancellationToken);
        var methodology = string.IsNullOrWhiteSpace(input.Methodology) ? null : MethodologyRegistry.Find(available, input.Methodology)?.Methodology;
        if (methodology is null)
        {
            errors.Add("methodology", text["New.MethodologyInvalid"]);
            return CommandOutcome.Invalid(text["Api.NothingSaved"], errors);
        }

        if (!TryParseCode<SubjectKind>(input.SubjectKind, out var kind) || !methodology.Subjects.Contains(kind))
        {
            errors.Add("subjectKind", text["New.SubjectKindInvalid"]);
        }

        var name = input.SubjectName?.Trim() ?? "";
        Guid? companyId = null;
        if (input.CompanyId is { } wanted)
        {
            var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == wanted, cancellationToken);
            if (company is null)
            {
                errors.Add("companyId", text["New.CompanyUnknown"]);
            }
            else if (kind != SubjectKind.Company)
            {
                errors.Add("companyId", text["New.CompanyNeedsCompanySubject"]);
            }
            else
            {
                companyId = company.Id;
                if (name.Length == 0)
                {
                    name = company.NameEn is { } en && company.NameZhHans is { } zh ? $"{en} · {zh}" : company.NameEn ?? company.NameZhHans ?? "";
                }
            }
        }

        if (name.Length is 0 or > Assessment.SubjectNameMaxLength)
        {
            errors.Add("subjectName", text["New.SubjectNameInvalid", Assessment.SubjectNameMaxLength]);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in methodology.Attributes)
        {
            if (input.Attributes is not null && input.Attributes.TryGetValue(attribute.Key, out var value) && attribute.Options.Any(o => o.Key == value))
            {
                attributes[attribute.Key] = value;
            }
            else
            {
                errors.Add($"attributes[{attribute.Key}]", text["New.AttributeInvalid", attribute.Title.In(Language)]);
            }
        }

        foreach (var unknown in (input.Attributes?.Keys ?? []).Where(k => methodology.Attributes.All(a => a.Key != k)))
        {
            errors.Add($"attributes[{unknown}]", text["New.AttributeUnknown"]);
        }

        var services = (input.Services ?? []).Select(s => s?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (methodology.Components is null && services.Count > 0)
        {
            errors.Add("services", text["New.ServicesNotScored"]);
        }
        else if (services.Any(s => !ServiceKey().IsMatch(s) || s == AssessmentInput.Company) || services.Count > MaxServices)
        {
            errors.Add("services", text["New.ServicesInvalid"]);
        }

        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Api.NothingSaved"], errors);
        }

        if (companyId is null && kind == SubjectKind.Company)
        {
            companyId = await companies.MatchAsync(name, cancellationToken);
        }

        var now = Now;
        var assessment = new Assessment
        {
            OrganizationId = actor.OrganizationId,
            SubjectKind = kind,
            SubjectName = name,
            CompanyId = companyId,
            Attributes = JsonSerializer.Serialize(attributes),
            Services = JsonSerializer.Serialize(services),
            MethodologyKey = methodology.Key,
            MethodologyVersion = methodology.Version,
            AuthorUserId = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var result = AssessmentStore.Score(methodology, assessment, [], [], []);
        (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
        db.Assessments.Add(assessment);
        await audit.SaveChangesAsync(
            new AuditRecord(actor.OrganizationId, actor.Audit, "assessment.created", "assessment", assessment.Id.ToString("N"), $"{methodology.Id}, {kind}: {name}" + (companyId is { } id ? $" (company {id:N})" : "")),
            cancellationToken);
        return CommandOutcome.Done(assessment.Id);
    }

    /// <summary>
    /// Sets a batch of answers, all or nothing, then re-scores and caches total and tier. <paramref name="version"/>
    /// is the concurrency token the caller last saw; a save over someone else's newer answers is refused.
    /// </summary>
    public async Task<CommandOutcome> SetAnswersAsync(
        CommandActor actor, LoadedAssessment loaded, Guid version, IReadOnlyList<AnswerChange> changes, string scope, CancellationToken cancellationToken)
    {
        var assessment = loaded.Assessment;
        if (!AssessmentWorkflow.IsEditable(assessment.Status))
        {
            return CommandOutcome.Refused(text["Section.NotDraft"]);
        }

        if (version != assessment.ConcurrencyToken)
        {
            return CommandOutcome.Conflict(text["Workflow.Conflict"]);
        }

        var rows = Rows(loaded);
        var errors = new FieldErrors();
        var wanted = new List<(string Item, string Component, string? Option, string? Note)>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var field = $"answers[{i}]";
            var option = change.Option?.Trim() ?? "";
            var note = change.Note?.Trim() ?? "";
            if (change.ItemKey is null || !rows.TryGetValue(change.ItemKey, out var row))
            {
                errors.Add($"{field}.itemKey", text["Evidence.ItemInvalid"]);
                continue;
            }

            var title = row.Item.Title.In(Language);
            if (change.Component is null || !row.Components.Contains(change.Component, StringComparer.Ordinal))
            {
                errors.Add($"{field}.component", text["Answers.ComponentInvalid", title]);
                continue;
            }

            if (!seen.Add((change.ItemKey, change.Component)))
            {
                errors.Add($"{field}.component", text["Answers.Duplicate", title]);
                continue;
            }

            if (option.Length > 0 && row.AnswerSet.Find(option) is null)
            {
                errors.Add($"{field}.option", text["Section.OptionInvalid", title]);
            }

            if (note.Length > AssessmentAnswer.NoteMaxLength)
            {
                errors.Add($"{field}.note", text["Section.NoteTooLong", AssessmentAnswer.NoteMaxLength]);
            }
            else if (note.Length > 0 && option.Length == 0)
            {
                errors.Add($"{field}.option", text["Section.NoteWithoutAnswer", title]);
            }

            wanted.Add((change.ItemKey, change.Component, option.Length == 0 ? null : option, note.Length == 0 ? null : note));
        }

        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Section.NothingSaved"], errors);
        }

        var now = Now;
        var existing = loaded.Answers.ToDictionary(a => (a.ItemKey, a.Component));
        var (added, changed, cleared) = (0, 0, 0);
        foreach (var (item, component, option, note) in wanted)
        {
            existing.TryGetValue((item, component), out var answer);
            if (option is null)
            {
                if (answer is not null)
                {
                    db.AssessmentAnswers.Remove(answer);
                    existing.Remove((item, component));
                    cleared++;
                }
            }
            else if (answer is null)
            {
                answer = new AssessmentAnswer
                {
                    OrganizationId = assessment.OrganizationId,
                    AssessmentId = assessment.Id,
                    ItemKey = item,
                    Component = component,
                    OptionKey = option,
                    Note = note,
                    AnsweredByUserId = actor.UserId,
                    AnsweredAt = now,
                };
                db.AssessmentAnswers.Add(answer);
                existing[(item, component)] = answer;
                added++;
            }
            else if (answer.OptionKey != option || answer.Note != note)
            {
                (answer.OptionKey, answer.Note, answer.AnsweredByUserId, answer.AnsweredAt) = (option, note, actor.UserId, now);
                changed++;
            }
        }

        var result = AssessmentStore.Score(loaded.Methodology, assessment, existing.Values, loaded.Evidence, loaded.Impacts);
        (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{scope}: {added} answered, {changed} changed, {cleared} cleared; total {result.Total?.ToString("0.##", CultureInfo.InvariantCulture) ?? "none"}, tier {result.Tier?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        return await SaveAsync(actor, assessment, "assessment.answers-saved", summary, cancellationToken);
    }

    public async Task<CommandOutcome> AddEvidenceAsync(CommandActor actor, LoadedAssessment loaded, EvidenceInput input, CancellationToken cancellationToken)
    {
        var assessment = loaded.Assessment;
        if (!AssessmentWorkflow.IsEditable(assessment.Status))
        {
            return CommandOutcome.Refused(text["Section.NotDraft"]);
        }

        var errors = new FieldErrors();
        var evidence = new Evidence
        {
            OrganizationId = assessment.OrganizationId,
            AssessmentId = assessment.Id,
            ItemKey = "",
            Title = "",
            AddedByUserId = actor.UserId,
            AddedAt = Now,
        };
        if (!TryApply(loaded, input, evidence, errors))
        {
            return CommandOutcome.Invalid(text["Evidence.NothingSaved"], errors);
        }

        db.Evidence.Add(evidence);
        var saved = await SaveAsync(
            actor, assessment, "assessment.evidence-added", $"evidence {evidence.Id:N} ({evidence.SourceKind}, {evidence.Reliability}) for {evidence.ItemKey}", cancellationToken);
        return saved.Succeeded ? CommandOutcome.Done(evidence.Id) : saved;
    }

    public async Task<CommandOutcome> EditEvidenceAsync(
        CommandActor actor, LoadedAssessment loaded, Guid evidenceId, EvidenceInput input, CancellationToken cancellationToken)
    {
        var assessment = loaded.Assessment;
        if (!AssessmentWorkflow.IsEditable(assessment.Status))
        {
            return CommandOutcome.Refused(text["Section.NotDraft"]);
        }

        var evidence = await db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == assessment.Id, cancellationToken);
        if (evidence is null)
        {
            return CommandOutcome.NotFound();
        }

        var errors = new FieldErrors();
        if (!TryApply(loaded, input, evidence, errors))
        {
            return CommandOutcome.Invalid(text["Evidence.NothingSaved"], errors);
        }

        var saved = await SaveAsync(
            actor, assessment, "assessment.evidence-changed", $"evidence {evidence.Id:N} ({evidence.SourceKind}, {evidence.Reliability}) for {evidence.ItemKey}", cancellationToken);
        return saved.Succeeded ? CommandOutcome.Done(evidence.Id) : saved;
    }

    /// <summary>Removes one piece of evidence; the next scoring no longer cites its id in the derivation.</summary>
    public async Task<CommandOutcome> RemoveEvidenceAsync(CommandActor actor, LoadedAssessment loaded, Guid evidenceId, CancellationToken cancellationToken)
    {
        var assessment = loaded.Assessment;
        if (!AssessmentWorkflow.IsEditable(assessment.Status))
        {
            return CommandOutcome.Refused(text["Section.NotDraft"]);
        }

        var evidence = await db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == assessment.Id, cancellationToken);
        if (evidence is null)
        {
            return CommandOutcome.NotFound();
        }

        db.Evidence.Remove(evidence);
        return await SaveAsync(actor, assessment, "assessment.evidence-removed", $"evidence {evidence.Id:N} for {evidence.ItemKey} removed", cancellationToken);
    }

    public async Task<CommandOutcome> SubmitAsync(CommandActor actor, LoadedAssessment loaded, CancellationToken cancellationToken)
    {
        var assessment = loaded.Assessment;
        var result = AssessmentWorkflow.Submit(assessment.Status);
        if (!result.Succeeded)
        {
            return CommandOutcome.Refused(text["Workflow.NotDraft"]);
        }

        // An unanswered question drops out of the score, which can flatter it: a reviewer sees only complete work.
        var completeness = loaded.Result.Completeness;
        if (completeness.Answered < completeness.Applicable)
        {
            return CommandOutcome.Refused(text["Workflow.Incomplete", completeness.Answered, completeness.Applicable]);
        }

        assessment.Status = result.Status;
        assessment.SubmittedAt = Now;
        return await SaveAsync(actor, assessment, "assessment.submitted", $"{assessment.MethodologyId}: submitted for review", cancellationToken);
    }

    /// <summary>Adds a comment. It does not change the assessment, so it neither needs nor changes its concurrency token.</summary>
    public async Task<CommandOutcome> AddCommentAsync(CommandActor actor, LoadedAssessment loaded, string? body, CancellationToken cancellationToken)
    {
        var trimmed = body?.Trim() ?? "";
        if (trimmed.Length is 0 or > AssessmentComment.BodyMaxLength)
        {
            var errors = new FieldErrors();
            errors.Add("body", text["Comment.BodyInvalid", AssessmentComment.BodyMaxLength]);
            return CommandOutcome.Invalid(text["Comment.NothingSaved"], errors);
        }

        var comment = new AssessmentComment
        {
            OrganizationId = loaded.Assessment.OrganizationId,
            AssessmentId = loaded.Assessment.Id,
            AuthorUserId = actor.UserId,
            Body = trimmed,
            CreatedAt = Now,
        };
        db.AssessmentComments.Add(comment);
        // The summary says that a comment was written, not what it says.
        await audit.SaveChangesAsync(
            new AuditRecord(
                actor.OrganizationId,
                actor.Audit,
                "assessment.comment-added",
                "assessment",
                loaded.Assessment.Id.ToString("N"),
                string.Create(CultureInfo.InvariantCulture, $"comment {comment.Id:N} ({trimmed.Length} characters)")),
            cancellationToken);
        return CommandOutcome.Done(comment.Id);
    }

    /// <summary>Saves the tracked changes with one audit entry and a new concurrency token; a conflict when someone else saved first.</summary>
    public async Task<CommandOutcome> SaveAsync(CommandActor actor, Assessment assessment, string action, string summary, CancellationToken cancellationToken) =>
        await SaveAsync(audit, Now, assessment, new AuditRecord(actor.OrganizationId, actor.Audit, action, "assessment", assessment.Id.ToString("N"), summary), cancellationToken)
            ? CommandOutcome.Done(assessment.Id)
            : CommandOutcome.Conflict(text["Workflow.Conflict"]);

    /// <summary>The one way an assessment change is saved, by this service and by the review page.</summary>
    internal static async Task<bool> SaveAsync(AuditTrail audit, DateTime now, Assessment assessment, AuditRecord record, CancellationToken cancellationToken)
    {
        assessment.UpdatedAt = now;
        assessment.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await audit.SaveChangesAsync(record, cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || Remedy.CaseIntake.IsUniqueViolation(e))
        {
            // Two saves from the same version, each through its own server: the later one's new answer rows clash with
            // the earlier one's on the unique (assessment, item, component) index before its stale token is checked.
            return false;
        }
    }

    /// <summary>Every item of the assessment with its answer set and the components it is answered for.</summary>
    public static IReadOnlyDictionary<string, ItemRow> Rows(LoadedAssessment loaded) =>
        loaded.Methodology.Structure
            .SelectMany(section => AssessmentStore.Groups(loaded.Methodology, section, loaded.Services))
            .SelectMany(group => group.Items)
            .ToDictionary(row => row.Item.Key, StringComparer.Ordinal);

    /// <summary>
    /// Parses an enum from its name ("InReview") or the API's kebab-case code ("in-review"); numbers are refused,
    /// although <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would take them.
    /// </summary>
    public static bool TryParseCode<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        parsed = default;
        var name = value?.Trim().Replace("-", "", StringComparison.Ordinal) ?? "";
        return name.Length > 0 && char.IsAsciiLetter(name[0])
            && Enum.TryParse(name, ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    private bool TryApply(LoadedAssessment loaded, EvidenceInput input, Evidence evidence, FieldErrors errors)
    {
        var item = input.ItemKey?.Trim();
        if (item is null || !loaded.Methodology.Items.Any(n => n.Key == item))
        {
            errors.Add("itemKey", text["Evidence.ItemInvalid"]);
        }

        if (!TryParseCode<EvidenceSourceKind>(input.SourceKind, out var kind))
        {
            errors.Add("sourceKind", text["Evidence.SourceKindInvalid"]);
        }

        if (!TryParseCode<EvidenceReliability>(input.Reliability, out var reliability))
        {
            errors.Add("reliability", text["Evidence.ReliabilityInvalid"]);
        }

        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > Evidence.TitleMaxLength)
        {
            errors.Add("title", text["Evidence.TitleInvalid", Evidence.TitleMaxLength]);
        }

        var publisher = input.Publisher?.Trim() ?? "";
        if (publisher.Length > Evidence.PublisherMaxLength)
        {
            errors.Add("publisher", text["Evidence.PublisherTooLong", Evidence.PublisherMaxLength]);
        }

        var url = input.Url?.Trim() ?? "";
        if (url.Length > 0 && (url.Length > Evidence.UrlMaxLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("url", text["Evidence.UrlInvalid"]);
        }

        DateOnly? publishedOn = null;
        if (!string.IsNullOrWhiteSpace(input.PublishedOn))
        {
            if (DateOnly.TryParseExact(input.PublishedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                publishedOn = date;
            }
            else
            {
                errors.Add("publishedOn", text["Evidence.DateInvalid"]);
            }
        }

        var excerpt = input.Excerpt?.Trim() ?? "";
        if (excerpt.Length > Evidence.ExcerptMaxLength)
        {
            errors.Add("excerpt", text["Evidence.ExcerptTooLong", Evidence.ExcerptMaxLength]);
        }

        if (errors.Any)
        {
            return false;
        }

        evidence.ItemKey = item!;
        evidence.SourceKind = kind;
        evidence.Title = title;
        evidence.Publisher = publisher.Length == 0 ? null : publisher;
        evidence.Url = url.Length == 0 ? null : url;
        evidence.PublishedOn = publishedOn;
        evidence.Excerpt = excerpt.Length == 0 ? null : excerpt;
        evidence.Reliability = reliability;
        return true;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex ServiceKey();
}
