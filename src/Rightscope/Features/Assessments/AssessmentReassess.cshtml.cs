using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
/// Starts a re-assessment from an approved assessment: a new draft with the same subject, and the answers,
/// evidence and impacts that still fit the chosen methodology version. The approved assessment stays as it is
/// until the re-assessment is approved, which supersedes it.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class AssessmentReassessModel(
    RightscopeDbContext db,
    AssessmentStore store,
    MethodologyRegistry registry,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    /// <summary>Versions of the assessment's methodology the organization can use, newest first.</summary>
    public IReadOnlyList<Methodology> Versions { get; private set; } = [];

    [BindProperty]
    public string? Version { get; set; }

    /// <summary>The re-assessment already started from this assessment, if any.</summary>
    public Guid? ExistingId { get; private set; }

    /// <summary>What would be carried into each version: kept and dropped answers.</summary>
    public IReadOnlyDictionary<string, CarriedAnswers> Preview { get; private set; } = new Dictionary<string, CarriedAnswers>();

    public string Language => MethodologyLanguage.Current;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await PrepareAsync(id, track: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        Version = Versions[0].Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await PrepareAsync(id, track: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (ExistingId is not null)
        {
            return Refused(Text["Reassess.AlreadyStarted"]);
        }

        var target = Versions.FirstOrDefault(v => v.Version == Version?.Trim());
        if (target is null)
        {
            ModelState.AddModelError(nameof(Version), Text["Reassess.VersionInvalid"]);
            return Refused(Text["Reassess.NothingStarted"]);
        }

        var previous = Loaded.Assessment;
        var services = Loaded.Services;
        var now = Now;
        var draft = new Assessment
        {
            OrganizationId = previous.OrganizationId,
            SubjectKind = previous.SubjectKind,
            SubjectName = previous.SubjectName,
            Attributes = JsonSerializer.Serialize(AssessmentCarryOver.Attributes(target, Loaded.Attributes)),
            Services = previous.Services,
            MethodologyKey = target.Key,
            MethodologyVersion = target.Version,
            AuthorUserId = UserId,
            CreatedAt = now,
            UpdatedAt = now,
            PreviousAssessmentId = previous.Id,
            CompanyId = previous.CompanyId,
        };

        var carried = AssessmentCarryOver.Answers(target, services, Loaded.Answers);
        var answers = carried.Kept.Select(a => new AssessmentAnswer
        {
            OrganizationId = draft.OrganizationId,
            AssessmentId = draft.Id,
            ItemKey = a.ItemKey,
            Component = a.Component,
            OptionKey = a.OptionKey,
            Note = a.Note,
            AnsweredByUserId = a.AnsweredByUserId,
            AnsweredAt = a.AnsweredAt,
        }).ToList();

        var items = AssessmentCarryOver.ItemKeys(target);
        var evidence = Loaded.Evidence.Where(e => items.Contains(e.ItemKey)).Select(e => new Evidence
        {
            OrganizationId = draft.OrganizationId,
            AssessmentId = draft.Id,
            ItemKey = e.ItemKey,
            SourceKind = e.SourceKind,
            Title = e.Title,
            Publisher = e.Publisher,
            Url = e.Url,
            PublishedOn = e.PublishedOn,
            Excerpt = e.Excerpt,
            Reliability = e.Reliability,
            AddedByUserId = e.AddedByUserId,
            AddedAt = e.AddedAt,
        }).ToList();

        var impacts = target.Impacts is null ? [] : Loaded.Impacts.Select(i => new SalientImpact
        {
            OrganizationId = draft.OrganizationId,
            AssessmentId = draft.Id,
            RightKey = i.RightKey,
            Groups = i.Groups,
            Involvement = i.Involvement,
            Description = i.Description,
            Actual = i.Actual,
            Scale = i.Scale,
            Scope = i.Scope,
            Irremediability = i.Irremediability,
            Likelihood = i.Likelihood,
            RecordedByUserId = i.RecordedByUserId,
            RecordedAt = i.RecordedAt,
            UpdatedAt = now,
        }).ToList();

        var result = AssessmentStore.Score(target, draft, answers, evidence, impacts);
        (draft.Total, draft.Tier) = (result.Total, result.Tier);
        db.Assessments.Add(draft);
        db.AssessmentAnswers.AddRange(answers);
        db.Evidence.AddRange(evidence);
        db.SalientImpacts.AddRange(impacts);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"re-assessment of {previous.Id:N} ({previous.MethodologyId}) under {target.Id}: {answers.Count} answers, {evidence.Count} evidence, {impacts.Count} impacts carried; {carried.Dropped.Count} answers dropped");
        try
        {
            await SaveNewAsync(draft.Id, "assessment.reassessment-started", summary, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on the previous assessment: someone else started the re-assessment a moment ago.
            return Refused(Text["Reassess.AlreadyStarted"]);
        }

        return Redirect(OverviewUrl(draft.Id));
    }

    private async Task<IActionResult?> PrepareAsync(Guid id, bool track, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        if (Loaded.Assessment.Status != AssessmentStatus.Approved)
        {
            return Refused(Text["Reassess.NotApproved"]);
        }

        var available = await registry.AvailableAsync(db, cancellationToken);
        Versions = [.. available.Select(a => a.Methodology)
            .Where(m => m.Key == Loaded.Assessment.MethodologyKey)
            .OrderByDescending(m => Core.Methodologies.Loading.SemanticVersion.OrderKey(m.Version))];
        Preview = Versions.ToDictionary(v => v.Version, v => AssessmentCarryOver.Answers(v, Loaded.Services, Loaded.Answers));
        ExistingId = await db.Assessments.AsNoTracking()
            .Where(a => a.PreviousAssessmentId == id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return null;
    }
}
