using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Companies;

/// <summary>Edits a registry company; a save over someone else's newer save is refused with a 409.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class CompanyEditModel(RightscopeDbContext db, OrganizationContext context, CompanyCommands commands) : PageModel
{
    [BindProperty]
    public CompanyForm Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    public Guid Id { get; private set; }

    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return NotFound();
        }

        (Id, Input) = (id, CompanyForm.From(company));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.UpdateAsync(actor, id, Input.Version ?? Guid.Empty, Input.ToInput(), cancellationToken);
        switch (outcome.Status)
        {
            case CommandStatus.Done:
                return Redirect($"/o/{Slug}/companies/{id}");
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Conflict:
                Conflict = outcome.Message;
                ModelState.AddModelError("", outcome.Message!);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                foreach (var (key, messages) in outcome.Errors)
                {
                    ModelState.AddModelError(CompanyForm.Field(key), string.Join(" ", messages));
                }

                return this.InvalidForm();
        }
    }
}
