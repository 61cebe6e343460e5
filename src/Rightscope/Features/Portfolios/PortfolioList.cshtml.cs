using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Portfolios;

/// <summary>The organization's portfolios with their latest snapshot; members who may edit create new ones here.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class PortfolioListModel(
    RightscopeDbContext db,
    OrganizationContext context,
    PortfolioCommands commands) : PageModel
{
    public sealed record Row(Guid Id, string Name, string BaseCurrency, DateOnly? LatestAsOf, int? Holdings, int? Matched);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? BaseCurrency { get; set; } = "USD";

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public IReadOnlyList<Row> Portfolios { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.CreateAsync(actor, Name, BaseCurrency, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (key, messages) in outcome.Errors)
            {
                ModelState.AddModelError(key == "name" ? nameof(Name) : nameof(BaseCurrency), string.Join(" ", messages));
            }

            await LoadAsync(cancellationToken);
            return this.InvalidForm();
        }

        return Redirect($"/o/{Slug}/portfolios/{outcome.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var portfolios = await db.Portfolios.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var latest = (await db.HoldingsSnapshots.AsNoTracking()
            .Select(s => new { s.PortfolioId, s.AsOf, s.RowCount, s.MatchedCount })
            .ToListAsync(cancellationToken))
            .GroupBy(s => s.PortfolioId)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.AsOf)!);
        Portfolios = [.. portfolios.Select(p => latest.TryGetValue(p.Id, out var s)
            ? new Row(p.Id, p.Name, p.BaseCurrency, s.AsOf, s.RowCount, s.MatchedCount)
            : new Row(p.Id, p.Name, p.BaseCurrency, null, null, null))];
    }
}
