using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>One salient issue: its rating, where it came from, its grievance signal, and the edit form.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class SalientIssueDetailModel(
    RightscopeDbContext db,
    SalientIssueRegister register,
    SalientIssueCommands commands,
    OrganizationContext context) : PageModel
{
    [BindProperty]
    public SalientIssueForm Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public RegisterRow Row { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    /// <summary>The HRIA project the issue came from, when it did and still exists.</summary>
    public HriaProject? Project { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = SalientIssueForm.From(Row.Issue);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.UpdateAsync(actor, id, Input.Version ?? Guid.Empty, Input.ToInput(), cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/salient-issues/{id}?saved=1") : HrddOutcomes.Failed(this, outcome);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await register.FindAsync(id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        Row = row;
        Members = await HrddMembers.ListAsync(db, cancellationToken);
        Project = row.Issue.HriaProjectId is { } projectId
            ? await db.HriaProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            : null;
        return true;
    }
}
