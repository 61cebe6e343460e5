using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// One HRIA project: its fields (editable), its <c>ungp-hria</c> assessments with their status, score and salient
/// impacts in priority order, and per impact a button that takes it into the salient issues register.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class HriaDetailModel(
    RightscopeDbContext db,
    HriaCommands commands,
    SalientIssueCommands issues,
    AssessmentStore store,
    MethodologyRegistry registry,
    OrganizationContext context) : PageModel
{
    [BindProperty]
    public HriaForm Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public string Language => MethodologyLanguage.Current;

    public HriaProject Project { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    public IReadOnlyList<LoadedAssessment> Assessments { get; private set; } = [];

    public IReadOnlyList<Assessment> Linkable { get; private set; } = [];

    /// <summary>Impacts already in the register, with the issue each became.</summary>
    public IReadOnlyDictionary<Guid, Guid> Taken { get; private set; } = new Dictionary<Guid, Guid>();

    public ReferenceCatalog? Rights => registry.Shipped.Reference(AssessmentImpactsModel.RightsCatalog);

    public ReferenceCatalog? AffectedGroups => registry.Shipped.Reference(AssessmentImpactsModel.GroupsCatalog);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = HriaForm.From(Project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await RefuseAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await commands.UpdateAsync(Actor, id, Input.Version ?? Guid.Empty, Input.ToInput(), cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/hria/{id}?saved=1") : HrddOutcomes.Failed(this, outcome);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await RefuseAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await commands.CreateAssessmentAsync(Actor, id, cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/assessments/{outcome.Id}") : Failed(outcome);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid? assessmentId, CancellationToken cancellationToken)
    {
        var refusal = await RefuseAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await commands.LinkAssessmentAsync(Actor, id, assessmentId, cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/hria/{id}#assessments") : Failed(outcome);
    }

    public async Task<IActionResult> OnPostTakeAsync(Guid id, Guid impactId, CancellationToken cancellationToken)
    {
        var refusal = await RefuseAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await issues.TakeImpactAsync(Actor, id, impactId, Language, cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/salient-issues/{outcome.Id}?taken=1") : Failed(outcome);
    }

    private CommandActor Actor => new(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));

    // The permission first, so a role without it learns nothing; then the project through the tenant filter.
    private async Task<IActionResult?> RefuseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        return await LoadAsync(id, cancellationToken) ? null : NotFound();
    }

    private IActionResult Failed(CommandOutcome outcome)
    {
        Input = HriaForm.From(Project);
        return HrddOutcomes.Failed(this, outcome);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var project = await db.HriaProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return false;
        }

        Project = project;
        Members = await HrddMembers.ListAsync(db, cancellationToken);
        var linked = await db.HriaAssessments.AsNoTracking().Where(l => l.HriaProjectId == id)
            .OrderBy(l => l.LinkedAt).Select(l => l.AssessmentId).ToListAsync(cancellationToken);
        var loaded = new List<LoadedAssessment>();
        foreach (var assessmentId in linked)
        {
            if (await store.LoadAsync(assessmentId, track: false, cancellationToken) is { } assessment)
            {
                loaded.Add(assessment);
            }
        }

        Assessments = loaded;
        var impactIds = loaded.SelectMany(a => a.Impacts).Select(i => (Guid?)i.Id).ToList();
        var taken = impactIds.Count == 0
            ? []
            : await db.SalientIssues.AsNoTracking().Where(i => impactIds.Contains(i.SourceImpactId))
                .Select(i => new { Impact = i.SourceImpactId!.Value, i.Id })
                .ToListAsync(cancellationToken);
        Taken = taken.DistinctBy(t => t.Impact).ToDictionary(t => t.Impact, t => t.Id);
        Linkable = CanEdit ? await commands.LinkableAsync(id, cancellationToken) : [];
        return true;
    }

    public string EntryTitle(ReferenceCatalog? catalog, string key) => catalog?.Find(key)?.Title.In(Language) ?? key;
}
