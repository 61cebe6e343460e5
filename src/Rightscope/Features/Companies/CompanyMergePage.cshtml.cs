using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Companies;

/// <summary>
/// Merges a duplicate into this company in three steps: find the duplicate (same normalized name first, or a search),
/// look at what would move and what would be dropped, then confirm with both companies' versions.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class CompanyMergePageModel(
    RightscopeDbContext db, OrganizationContext context, CompanyMerge merge, IStringLocalizer<CompaniesText> text) : PageModel
{
    public const int MaxCandidates = 20;

    public string Slug => context.Current.Slug;

    public Company Company { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "duplicate")]
    public Guid? DuplicateId { get; set; }

    [BindProperty(Name = "survivorVersion")]
    public Guid SurvivorVersion { get; set; }

    [BindProperty(Name = "duplicateVersion")]
    public Guid DuplicateVersion { get; set; }

    /// <summary>Companies that may be this one's duplicate: the same normalized name, or the search's matches.</summary>
    public IReadOnlyList<Company> Candidates { get; private set; } = [];

    public CompanyMerge.Preview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (DuplicateId is { } duplicate)
        {
            Preview = await merge.PreviewAsync(id, duplicate, cancellationToken);
            if (Preview is null)
            {
                ModelState.AddModelError("duplicate", text["Merge.DuplicateMissing"]);
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
            else if (Preview.Refusal is { } refusal)
            {
                ModelState.AddModelError("duplicate", refusal);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return Page();
        }

        Candidates = await CandidatesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (DuplicateId is not { } duplicate)
        {
            ModelState.AddModelError("duplicate", text["Merge.DuplicateRequired"]);
            Candidates = await CandidatesAsync(cancellationToken);
            return this.InvalidForm();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await merge.MergeAsync(actor, id, duplicate, SurvivorVersion, DuplicateVersion, cancellationToken);
        switch (outcome.Status)
        {
            case CommandStatus.Done:
                return Redirect($"/o/{Slug}/companies/{id}?merged=true");
            case CommandStatus.NotFound:
                ModelState.AddModelError("duplicate", text["Merge.DuplicateMissing"]);
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            default:
                // A refusal or a conflict: show the fresh preview, so the user sees what changed before trying again.
                ModelState.AddModelError("", outcome.Message!);
                Preview = await merge.PreviewAsync(id, duplicate, cancellationToken);
                Response.StatusCode = outcome.Status == CommandStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return NotFound();
        }

        Company = company;
        return null;
    }

    private async Task<IReadOnlyList<Company>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var others = db.Companies.AsNoTracking().Where(c => c.Id != Company.Id);
        if (string.IsNullOrWhiteSpace(Query))
        {
            var names = new[] { Company.NormalizedName, Company.NormalizedAltName }.OfType<string>().Where(n => n.Length > 0).ToList();
            others = others.Where(c => names.Contains(c.NormalizedName) || (c.NormalizedAltName != null && names.Contains(c.NormalizedAltName)));
        }
        else
        {
            others = others.Matching(Query);
        }

        return await others.OrderBy(c => c.NormalizedName).ThenBy(c => c.Id).Take(MaxCandidates).ToListAsync(cancellationToken);
    }
}
