using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Benchmark;
using Rightscope.Data;

namespace Rightscope.Features.Benchmark;

/// <summary>
/// The latest published benchmark scores of a registry company, for its assessment and company pages (issue 7).
/// Only published snapshots are read, so another organization's drafts never appear: this organization's editions
/// are matched by the registry company, other publishers' by LEI or ISIN, never by name.
/// </summary>
public sealed class PublishedBenchmarkScoresViewComponent(RightscopeDbContext db, PublicBenchmark benchmark) : ViewComponent
{
    public sealed record Model(PublicEdition Edition, PublishedCompany Company);

    public async Task<IViewComponentResult> InvokeAsync(Guid companyId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new { c.OrganizationId, c.Lei, c.Isin }).FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return Content("");
        }

        var ownSlugs = (await db.BenchmarkEntries.AsNoTracking().Where(e => e.CompanyId == companyId)
            .Select(e => new { e.EditionId, e.CompanySlug }).ToListAsync(cancellationToken))
            .ToDictionary(e => e.EditionId, e => e.CompanySlug);
        var identity = new CompanyIdentity(CompanyIdentity.Of(companyId), company.Lei, company.Isin);
        foreach (var edition in await benchmark.PublishedAsync(cancellationToken))
        {
            var found = edition.Edition.OrganizationId == company.OrganizationId
                ? ownSlugs.TryGetValue(edition.Edition.Id, out var slug) ? edition.Snapshot.Company(slug) : null
                : edition.Snapshot.Companies.FirstOrDefault(c => SharesIdentifier(c, identity));
            if (found is not null)
            {
                return View("/Features/Benchmark/_PublishedBenchmarkScores.cshtml", new Model(edition, found));
            }
        }

        return Content("");
    }

    // Registry ids are only meaningful within one organization; across publishers only LEI and ISIN identify.
    private static bool SharesIdentifier(PublishedCompany published, CompanyIdentity identity) =>
        (identity.Lei is not null && published.Lei == identity.Lei) || (identity.Isin is not null && published.Isin == identity.Isin);
}
