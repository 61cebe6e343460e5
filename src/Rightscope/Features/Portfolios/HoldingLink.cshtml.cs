using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Portfolios;

/// <summary>Links an unmatched holding to a registry company the analyst chooses (searched by name or identifier).</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class HoldingLinkModel(
    RightscopeDbContext db,
    OrganizationContext context,
    CompanyCommands commands,
    IStringLocalizer<PortfoliosText> text) : PageModel
{
    public const int MaxCandidates = 100;

    public string Slug => context.Current.Slug;

    public Guid PortfolioId { get; private set; }

    public Holding Holding { get; private set; } = null!;

    public IReadOnlyList<Company> Candidates { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public Guid? CompanyId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid holdingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, holdingId, cancellationToken))
        {
            return NotFound();
        }

        Query ??= Holding.Name;
        await SearchAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid holdingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, holdingId, cancellationToken))
        {
            return NotFound();
        }

        var company = CompanyId is { } companyId ? await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken) : null;
        if (company is null)
        {
            ModelState.AddModelError(nameof(CompanyId), text["Link.ChooseCompany"]);
            await SearchAsync(cancellationToken);
            return this.InvalidForm();
        }

        Holding.CompanyId = company.Id;
        await commands.LinkHoldingAsync(new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User)), Holding, cancellationToken);
        return Redirect($"/o/{Slug}/portfolios/{id}");
    }

    private async Task<bool> LoadAsync(Guid portfolioId, Guid holdingId, CancellationToken cancellationToken)
    {
        var holding = await (
            from h in db.Holdings
            join s in db.HoldingsSnapshots on h.SnapshotId equals s.Id
            where h.Id == holdingId && s.PortfolioId == portfolioId
            select h).SingleOrDefaultAsync(cancellationToken);
        if (holding is null)
        {
            return false;
        }

        (PortfolioId, Holding) = (portfolioId, holding);
        return true;
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        var companies = db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            companies = companies.Matching(Query);
        }

        Candidates = await companies.OrderBy(c => c.NormalizedName).Take(MaxCandidates).ToListAsync(cancellationToken);
    }
}
