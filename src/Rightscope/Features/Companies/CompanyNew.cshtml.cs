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

/// <summary>
/// Adds a company to the registry. With <c>?holding=ID</c> the form starts from an unmatched holding's name and
/// identifiers, and the holding is linked to the new company when it is saved.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class CompanyNewModel(RightscopeDbContext db, OrganizationContext context, CompanyCommands commands) : PageModel
{
    [BindProperty]
    public CompanyForm Input { get; set; } = new() { ExposureType = "unknown" };

    [BindProperty(SupportsGet = true)]
    public Guid? Holding { get; set; }

    public string Slug => context.Current.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Holding is { } id)
        {
            var holding = await db.Holdings.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
            if (holding is null)
            {
                return NotFound();
            }

            Input.NameEn = holding.Name;
            (Input.Isin, Input.Lei, Input.Ticker, Input.Country) = (holding.Isin, holding.Lei, holding.Ticker, holding.Country);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Version = null;
        var holding = Holding is { } holdingId ? await db.Holdings.SingleOrDefaultAsync(h => h.Id == holdingId, cancellationToken) : null;
        if (Holding is not null && holding is null)
        {
            return NotFound();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.CreateAsync(actor, Input.ToInput(), cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (key, messages) in outcome.Errors)
            {
                ModelState.AddModelError(CompanyForm.Field(key), string.Join(" ", messages));
            }

            return this.InvalidForm();
        }

        // The holding was loaded before the company was saved; linking it is a second, small audited change.
        if (holding is not null && holding.CompanyId is null)
        {
            holding.CompanyId = outcome.Id;
            await commands.LinkHoldingAsync(actor, holding, cancellationToken);
        }

        return Redirect($"/o/{Slug}/companies/{outcome.Id}");
    }
}
