using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Money;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Portfolios;

/// <summary>
/// A portfolio: its snapshots, and the holdings of the chosen (default: latest) snapshot with their registry
/// companies; unmatched holdings are flagged with links to link them or create their company. Also the export.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class PortfolioDetailModel(RightscopeDbContext db, OrganizationContext context, PortfolioExport export, CompanyAssessments assessments) : PageModel
{
    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public Portfolio Portfolio { get; private set; } = null!;

    public IReadOnlyList<HoldingsSnapshot> Snapshots { get; private set; } = [];

    public HoldingsSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<Holding> Holdings { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Company> Companies { get; private set; } = new Dictionary<Guid, Company>();

    /// <summary>Each matched company's current approved assessment (tier, recommended decision).</summary>
    public IReadOnlyDictionary<Guid, CompanyAssessments.Current> Assessments { get; private set; } = new Dictionary<Guid, CompanyAssessments.Current>();

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public DateOnly? AsOf { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portfolio is null)
        {
            return NotFound();
        }

        Portfolio = portfolio;
        Snapshots = await db.HoldingsSnapshots.AsNoTracking().Where(s => s.PortfolioId == id).OrderByDescending(s => s.AsOf).ToListAsync(cancellationToken);
        Snapshot = AsOf is { } asOf ? Snapshots.FirstOrDefault(s => s.AsOf == asOf) : Snapshots.FirstOrDefault();
        if (Snapshot is not null)
        {
            Holdings = await db.Holdings.AsNoTracking().Where(h => h.SnapshotId == Snapshot.Id).OrderBy(h => h.Line).ToListAsync(cancellationToken);
            var ids = Holdings.Where(h => h.CompanyId != null).Select(h => h.CompanyId!.Value).Distinct().ToList();
            Companies = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            Assessments = await assessments.CurrentAsync(Companies.Values, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portfolio is null)
        {
            return NotFound();
        }

        if (!Enum.TryParse<ExportFormat>(format, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return BadRequest();
        }

        var document = await export.LoadAsync(portfolio, AsOf, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var buffer = new MemoryStream();
        PortfolioExport.Write(document, kind, buffer);
        buffer.Position = 0;
        var (type, extension) = kind switch
        {
            ExportFormat.Json => ("application/json", "json"),
            ExportFormat.Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            _ => ("text/csv", "csv"),
        };
        return File(buffer, type, $"portfolio-{document.AsOf:yyyy-MM-dd}.{extension}");
    }

    public static string Money(Holding holding) =>
        holding.MarketValueMinor is { } minor && holding.Currency is { } code && Currency.TryParse(code, out var currency)
            ? $"{currency.FromMinorUnits(minor).ToString("N" + currency.MinorUnits, System.Globalization.CultureInfo.CurrentCulture)} {code}"
            : "—";
}
