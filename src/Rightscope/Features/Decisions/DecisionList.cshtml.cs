using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Decisions;

/// <summary>The decisions register: each company's current decision and its history, filtered by kind, status and company.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class DecisionListModel(RightscopeDbContext db, OrganizationContext context) : PageModel
{
    /// <summary>Enough for a stewardship team's register on one page; the filters narrow a longer one.</summary>
    public const int MaxRows = 500;

    public sealed record CompanyDecisions(Company Company, Decision? Current, IReadOnlyList<Decision> History);

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Company { get; set; }

    public string Slug => context.Current.Slug;

    public IReadOnlyList<CompanyDecisions> Companies { get; private set; } = [];

    public bool Truncated { get; private set; }

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var decisions = db.Decisions.AsNoTracking();
        if (DecisionTerms.TryKind(Kind, out var kind))
        {
            decisions = decisions.Where(d => d.Kind == kind);
        }
        else
        {
            Kind = null;
        }

        if (Enum.TryParse<DecisionStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            decisions = decisions.Where(d => d.Status == status);
        }
        else
        {
            Status = null;
        }

        var companies = db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Company))
        {
            companies = companies.Matching(Company);
        }

        var rows = await (
            from d in decisions
            join c in companies on d.CompanyId equals c.Id
            orderby c.NormalizedName, c.Id, d.CreatedAt descending
            select new { Decision = d, Company = c }).Take(MaxRows + 1).ToListAsync(cancellationToken);
        Truncated = rows.Count > MaxRows;
        rows = rows.Take(MaxRows).ToList();
        // The current decision is shown whatever the filters, so "no current decision" is never a filter's artefact.
        var ids = rows.Select(r => r.Company.Id).Distinct().ToList();
        var current = await db.Decisions.AsNoTracking()
            .Where(d => ids.Contains(d.CompanyId) && d.Status == DecisionStatus.Approved)
            .ToDictionaryAsync(d => d.CompanyId, cancellationToken);
        Companies = [.. rows
            .GroupBy(r => r.Company.Id)
            .Select(g => new CompanyDecisions(g.First().Company, current.GetValueOrDefault(g.Key), [.. g.Select(r => r.Decision)]))];
        People = await DecisionPeople.NamesAsync(db, rows.Select(r => (Guid?)r.Decision.ProposedByUserId), cancellationToken);
    }
}
