using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Engagements;

/// <summary>The new engagement form's fields; objectives written freely come one per line.</summary>
public sealed class EngagementForm
{
    public string? Title { get; set; }

    /// <summary>The rested-on assessment's id, or empty for none.</summary>
    public string? AssessmentId { get; set; }

    public string? LeadUserId { get; set; }

    public string? StartedOn { get; set; }

    public List<string> Gaps { get; set; } = [];

    public string? Objectives { get; set; }

    public NewEngagement ToInput() => new(
        Title,
        AssessmentId,
        LeadUserId,
        StartedOn,
        Gaps,
        [.. (Objectives ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]);
}

/// <summary>
/// Starts an engagement with a company: the gaps of its current approved assessment are listed for the analyst to
/// tick as objectives, others can be written freely, and the engagement starts on the ladder's first step.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class EngagementNewModel(
    RightscopeDbContext db,
    OrganizationContext context,
    EngagementAssessments assessments,
    EngagementCommands commands,
    EngagementQueries queries) : PageModel
{
    [BindProperty]
    public EngagementForm Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    public Company Company { get; private set; } = null!;

    /// <summary>The current approved assessment and its gaps, when the company has one.</summary>
    public RestedOnAssessment? Assessment { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Leads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.AssessmentId = Assessment?.Loaded.Assessment.Id.ToString();
        Input.LeadUserId = context.Membership!.UserId.ToString();
        Input.StartedOn = queries.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.CreateAsync(actor, id, Input.ToInput(), cancellationToken);
        if (outcome.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Message!);
            foreach (var (key, messages) in outcome.Errors)
            {
                ModelState.AddModelError(AssessmentCommandPage.InputField(key), string.Join(" ", messages));
            }

            return this.InvalidForm();
        }

        return Redirect($"/o/{Slug}/engagements/{outcome.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return false;
        }

        Company = company;
        if (await assessments.CurrentAsync(company, cancellationToken) is { } current)
        {
            Assessment = await assessments.ApprovedOfAsync(company, current, cancellationToken);
        }

        var editors = RolePermissions.RolesWith(Permission.EditWorkspace).ToList();
        var members = await (
            from m in db.Memberships.AsNoTracking()
            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
            where editors.Contains(m.Role)
            select new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        Leads = [.. members.Select(m => (m.Id, m.DisplayName.Length > 0 ? $"{m.DisplayName} ({m.Email})" : m.Email ?? m.Id.ToString()))
            .OrderBy(m => m.Item2, StringComparer.CurrentCulture)];
        return true;
    }
}
