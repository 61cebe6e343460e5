using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Decisions;

/// <summary>Proposes a decision about a company, prefilled with the latest approved assessment's recommendation.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class DecisionNewModel(
    RightscopeDbContext db, OrganizationContext context, DecisionBasis basis, DecisionCommands commands, TimeProvider clock)
    : DecisionFormPage(context, basis)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = DecisionForm.Recommended(Assessments.FirstOrDefault(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Version = null;
        var outcome = await commands.ProposeAsync(Actor, id, Input.ToInput(), cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/decisions/{outcome.Id}") : Failed(outcome);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return false;
        }

        await LoadBasisAsync(company, cancellationToken);
        return true;
    }
}
