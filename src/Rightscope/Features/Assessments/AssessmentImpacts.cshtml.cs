using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Scoring;
using Rightscope.Core.Statistics;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>
/// The salient impacts of an assessment in UNGP 24 order (most severe first, irremediable before remediable, then the
/// more likely), with a form to record, correct or remove one while the assessment is a draft. Each change re-scores
/// the assessment, since a severe impact can floor its tier.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentImpactsModel(
    RightscopeDbContext db,
    AssessmentStore store,
    MethodologyRegistry registry,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    public const string RightsCatalog = "human-rights";
    public const string GroupsCatalog = "affected-groups";
    public const string InvolvementCatalog = "involvement";

    [BindProperty]
    public SalientImpactForm Input { get; set; } = new();

    /// <summary>The impact being corrected, or null when the form records a new one.</summary>
    [BindProperty]
    public Guid? ImpactId { get; set; }

    public string Language => MethodologyLanguage.Current;

    public ImpactModel? ImpactModel => Loaded.Methodology.Impacts;

    public ReferenceCatalog Rights => Reference(RightsCatalog);

    public ReferenceCatalog AffectedGroups => Reference(GroupsCatalog);

    public ReferenceCatalog Involvements => Reference(InvolvementCatalog);

    public bool CanEdit => ImpactModel is not null
        && Context.Allows(Permission.EditWorkspace) && AssessmentWorkflow.IsEditable(Loaded.Assessment.Status);

    /// <summary>The rated impacts in priority order, each with its stored record.</summary>
    public IEnumerable<(ImpactRating Rating, SalientImpact Impact)> Prioritized =>
        Loaded.Result.Impacts.Select(rating => (rating, Loaded.Impacts.First(i => i.EngineId == rating.Id)));

    public string EntryTitle(ReferenceCatalog catalog, string key) => catalog.Find(key)?.Title.In(Language) ?? key;

    public string RightTitle(string key) => Rights.Find(key) is { } right
        ? right.Instrument is null ? right.Title.In(Language) : $"{right.Title.In(Language)} ({right.Instrument} {right.Article})"
        : key;

    public string InvolvementTitle(Involvement involvement) => EntryTitle(Involvements, SalientImpactForm.KeyOf(involvement));

    /// <summary>
    /// Per impact, the organization's grievance cases linked to it in triage (the learning loop, GP31(g)), each count
    /// suppressed on its own like the company page's signals; null when the page was not loaded by a GET.
    /// </summary>
    public IReadOnlyDictionary<Guid, PublishedCount>? Grievances { get; private set; }

    public string GrievancesOf(Guid impactId) => Grievances!.GetValueOrDefault(impactId, new PublishedCount(0, Suppression.None)) switch
    {
        { Suppression: Suppression.None, Value: var value } => value!.Value.ToString(CultureInfo.CurrentCulture),
        _ => $"<{SmallCellSuppression.DefaultThreshold}",
    };

    public static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? edit, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.ReadWorkspace, track: false, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        if (ImpactModel is null)
        {
            return NotFound();
        }

        if (edit is { } impactId)
        {
            var impact = Loaded.Impacts.FirstOrDefault(i => i.Id == impactId);
            if (impact is null)
            {
                return NotFound();
            }

            ImpactId = impact.Id;
            Input = SalientImpactForm.From(impact);
        }

        var impactIds = Loaded.Impacts.Select(i => (Guid?)i.Id).ToList();
        var linked = await db.Cases.AsNoTracking()
            .Where(c => c.SalientImpactId != null && impactIds.Contains(c.SalientImpactId))
            .GroupBy(c => c.SalientImpactId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Grievances = linked.ToDictionary(l => l.Key, l => SmallCellSuppression.Apply(CountTable.OneWay([l.Count])).Cell(0, 0));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await FindEditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var assessment = Loaded.Assessment;
        SalientImpact impact;
        if (ImpactId is { } existingId)
        {
            var existing = Loaded.Impacts.FirstOrDefault(i => i.Id == existingId);
            if (existing is null)
            {
                return NotFound();
            }

            impact = existing;
        }
        else
        {
            impact = new SalientImpact
            {
                OrganizationId = assessment.OrganizationId,
                AssessmentId = assessment.Id,
                RightKey = "",
                Description = "",
                RecordedByUserId = UserId,
                RecordedAt = Now,
            };
        }

        var errors = Input.ApplyTo(impact, Rights, AffectedGroups, ImpactModel!);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", Text[error.Key, error.Arguments]);
        }

        if (errors.Count > 0)
        {
            return Refused(Text["Impact.NothingSaved"]);
        }

        impact.UpdatedAt = Now;
        var impacts = Loaded.Impacts.ToList();
        if (ImpactId is null)
        {
            db.SalientImpacts.Add(impact);
            impacts.Add(impact);
        }

        var result = Rescore(impacts);
        var rating = result.Impacts.First(r => r.Id == impact.EngineId);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"impact {impact.EngineId}: {impact.RightKey}, {SalientImpactForm.KeyOf(impact.Involvement)}, severity {rating.Severity:0.##}; tier {result.Tier?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        return await SaveAsync(ImpactId is null ? "assessment.impact-recorded" : "assessment.impact-changed", summary, cancellationToken)
            ? Redirect($"{OverviewUrl(id)}/impacts?saved=1")
            : Conflicted();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid impactId, CancellationToken cancellationToken)
    {
        var refusal = await FindEditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var impact = Loaded.Impacts.FirstOrDefault(i => i.Id == impactId);
        if (impact is null)
        {
            return NotFound();
        }

        db.SalientImpacts.Remove(impact);
        var result = Rescore([.. Loaded.Impacts.Where(i => i.Id != impactId)]);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"impact {impact.EngineId} removed; tier {result.Tier?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        return await SaveAsync("assessment.impact-removed", summary, cancellationToken)
            ? Redirect($"{OverviewUrl(id)}/impacts?removed=1")
            : Conflicted();
    }

    private async Task<IActionResult?> FindEditableAsync(Guid id, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        if (ImpactModel is null)
        {
            return NotFound();
        }

        return AssessmentWorkflow.IsEditable(Loaded.Assessment.Status) ? null : Refused(Text["Section.NotDraft"]);
    }

    private ScoreResult Rescore(IReadOnlyList<SalientImpact> impacts)
    {
        var assessment = Loaded.Assessment;
        var result = AssessmentStore.Score(Loaded.Methodology, assessment, Loaded.Answers, Loaded.Evidence, impacts);
        (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
        return result;
    }

    private ReferenceCatalog Reference(string key) =>
        registry.Shipped.Reference(key) ?? throw new InvalidOperationException($"the catalog has no '{key}' reference list");
}
