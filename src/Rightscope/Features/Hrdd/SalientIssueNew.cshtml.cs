using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

[RequirePermission(Permission.EditWorkspace)]
public sealed class SalientIssueNewModel(RightscopeDbContext db, SalientIssueCommands commands, OrganizationContext context) : PageModel
{
    [BindProperty]
    public SalientIssueForm Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Members = await HrddMembers.ListAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.CreateAsync(actor, Input.ToInput(), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/o/{Slug}/salient-issues/{outcome.Id}");
        }

        Members = await HrddMembers.ListAsync(db, cancellationToken);
        return HrddOutcomes.Failed(this, outcome);
    }
}
