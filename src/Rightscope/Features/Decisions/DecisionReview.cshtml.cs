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

namespace Rightscope.Features.Decisions;

/// <summary>
/// Approves a proposed decision or returns it with a reason. Only in the web interface, by a person with the review
/// permission who did not propose it (four eyes); the command checks that again on the server.
/// </summary>
[RequirePermission(Permission.Review)]
public sealed class DecisionReviewModel(RightscopeDbContext db, OrganizationContext context, DecisionCommands commands, IStringLocalizer<DecisionsText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Decisions.AnyAsync(d => d.Id == id, cancellationToken) ? Redirect($"/o/{Slug}/decisions/{id}") : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? command, Guid? version, string? reason, CancellationToken cancellationToken)
    {
        Id = id;
        if (!await db.Decisions.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = command switch
        {
            "approve" => await commands.ApproveAsync(actor, id, version, cancellationToken),
            "return" => await commands.ReturnAsync(actor, id, version, reason, cancellationToken),
            _ => CommandOutcome.Refused(text["Review.CommandInvalid"]),
        };
        if (outcome.Succeeded)
        {
            return Redirect($"/o/{Slug}/decisions/{id}");
        }

        foreach (var (key, messages) in outcome.Errors)
        {
            ModelState.AddModelError(key, string.Join(" ", messages));
        }

        if (outcome.Errors.Count == 0)
        {
            ModelState.AddModelError("", outcome.Message ?? "");
        }

        switch (outcome.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return this.InvalidForm();
        }
    }
}
