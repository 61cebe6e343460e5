using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Money;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Portfolios;

/// <summary>The organization's portfolios with their latest snapshot; members who may edit create new ones here.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class PortfolioListModel(
    RightscopeDbContext db,
    OrganizationContext context,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<PortfoliosText> text) : PageModel
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

        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > Portfolio.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), text["List.NameInvalid", Portfolio.NameMaxLength]);
        }
        else if (await db.Portfolios.AnyAsync(p => p.Name == name, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), text["List.NameTaken", name]);
        }

        if (!Currency.TryParse(BaseCurrency?.Trim(), out var currency))
        {
            ModelState.AddModelError(nameof(BaseCurrency), text["List.CurrencyInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return this.InvalidForm();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var portfolio = new Portfolio { OrganizationId = context.Current.Id, Name = name, BaseCurrency = currency!.Code, CreatedAt = now, UpdatedAt = now };
        db.Portfolios.Add(portfolio);
        await audit.SaveChangesAsync(
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "portfolio.created", "portfolio", portfolio.Id.ToString("N"), $"{name} ({currency.Code})"),
            cancellationToken);
        return Redirect($"/o/{Slug}/portfolios/{portfolio.Id}");
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
