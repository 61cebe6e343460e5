using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Transparency;

/// <summary>One government request: everyone who reads the workspace sees it; editors change it (POST needs edit).</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class GovernmentRequestDetailModel(RightscopeDbContext db, GovernmentRequestCommands commands, OrganizationContext context) : PageModel
{
    [BindProperty]
    public GovernmentRequestInput Input { get; set; } = new();

    public GovernmentRequest Item { get; private set; } = null!;

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = GovernmentRequestInput.From(Item);
        Saved = saved;
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
        var outcome = await commands.UpdateAsync(actor, id, Input, cancellationToken);
        if (outcome.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            return GovernmentRequestPage.Invalid(this, outcome);
        }

        return Redirect($"/o/{Slug}/government-requests/{id}?saved=true");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.GovernmentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return false;
        }

        Item = request;
        return true;
    }
}
