using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Decisions;

/// <summary>The proposer revises a returned decision and proposes it again; nobody else may.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class DecisionReviseModel(
    RightscopeDbContext db, OrganizationContext context, DecisionBasis basis, DecisionCommands commands, IStringLocalizer<DecisionsText> text)
    : DecisionFormPage(context, basis)
{
    public Decision Decision { get; private set; } = null!;

    public bool CanRevise => DecisionWorkflow.Revise(Decision.Status, Decision.ProposedByUserId, UserId).Succeeded;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = DecisionForm.From(Decision);
        var allowed = DecisionWorkflow.Revise(Decision.Status, Decision.ProposedByUserId, UserId);
        if (!allowed.Succeeded)
        {
            ModelState.AddModelError("", allowed.Failure == DecisionFailure.NotProposer ? text["Workflow.NotProposer"] : text["Workflow.InvalidTransition"]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await commands.ReviseAsync(Actor, id, Input.Version, Input.ToInput(), cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/decisions/{id}") : Failed(outcome);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var company = decision is null ? null : await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == decision.CompanyId, cancellationToken);
        if (decision is null || company is null)
        {
            return false;
        }

        Decision = decision;
        await LoadBasisAsync(company, cancellationToken);
        return true;
    }
}
