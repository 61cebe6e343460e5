using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Companies;

/// <summary>A registry company: its fields, its current approved assessment, its assessment history, its decisions and the portfolios that hold it.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class CompanyDetailModel(RightscopeDbContext db, OrganizationContext context, CompanyAssessments assessments) : PageModel
{
    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public Company Company { get; private set; } = null!;

    /// <summary>Set when the merge page redirects here after merging a duplicate.</summary>
    [BindProperty(SupportsGet = true, Name = "merged")]
    public bool Merged { get; set; }

    public CompanyAssessments.Current? Assessment { get; private set; }

    /// <summary>Every assessment of the company, newest first: how its tier changed.</summary>
    public IReadOnlyList<Assessment> History { get; private set; } = [];

    /// <summary>The company's decisions, newest first; the approved one is the current decision.</summary>
    public IReadOnlyList<Decisions.Decision> Decisions { get; private set; } = [];

    public IReadOnlyList<(Guid PortfolioId, string Portfolio, DateOnly AsOf, double? Weight)> Holdings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return NotFound();
        }

        Company = company;
        Decisions = await db.Decisions.AsNoTracking().Where(d => d.CompanyId == id).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        Assessment = (await assessments.CurrentAsync([company], cancellationToken)).GetValueOrDefault(company.Id);
        History = await assessments.AllAsync(company, cancellationToken);
        var held = await (
            from h in db.Holdings.AsNoTracking()
            join s in db.HoldingsSnapshots.AsNoTracking() on h.SnapshotId equals s.Id
            join p in db.Portfolios.AsNoTracking() on s.PortfolioId equals p.Id
            where h.CompanyId == id
            orderby p.Name, s.AsOf descending
            select new { p.Id, p.Name, s.AsOf, h.Weight }).Take(200).ToListAsync(cancellationToken);
        Holdings = [.. held.Select(h => (h.Id, h.Name, h.AsOf, h.Weight))];
        return Page();
    }
}
