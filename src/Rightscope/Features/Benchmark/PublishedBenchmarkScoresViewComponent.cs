using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Benchmark;
using Rightscope.Data;

namespace Rightscope.Features.Benchmark;

/// <summary>
/// The latest published benchmark scores of a registry company, for its assessment and company pages (issue 7).
/// Only published snapshots are read, so another organization's drafts never appear: this organization's editions
/// are matched by the registry company, other publishers' by LEI or ISIN, never by name. The editions are found
/// through the entries of this company (and of other organizations' companies with its LEI or ISIN), so a page reads
/// only the snapshots that can hold it, whatever the number of published editions.
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

        var (own, lei, isin) = (company.OrganizationId, company.Lei, company.Isin);
        // One indexed lookup per identifier (an OR across them made the database read every company: issue 8).
        var sameCompany = new List<Guid> { companyId };
        if (lei is not null)
        {
            sameCompany.AddRange(await db.Companies.IgnoreQueryFilters().Where(c => c.Lei == lei && c.OrganizationId != own).Select(c => c.Id).ToListAsync(cancellationToken));
        }

        if (isin is not null)
        {
            sameCompany.AddRange(await db.Companies.IgnoreQueryFilters().Where(c => c.Isin == isin && c.OrganizationId != own).Select(c => c.Id).ToListAsync(cancellationToken));
        }

        var candidates = await (
                from entry in db.BenchmarkEntries.IgnoreQueryFilters().AsNoTracking()
                where sameCompany.Contains(entry.CompanyId)
                join edition in db.BenchmarkEditions.IgnoreQueryFilters().AsNoTracking() on entry.EditionId equals edition.Id
                where edition.Status == EditionStatus.Published && edition.Snapshot != null
                join organization in db.Organizations.AsNoTracking() on edition.OrganizationId equals organization.Id
                select new { EditionId = edition.Id, edition.PublishedAt, organization.Slug, entry.CompanyId, entry.CompanySlug })
            .ToListAsync(cancellationToken);

        // Newest first, as the public index lists them; the first edition that holds the company wins.
        foreach (var candidate in candidates.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Slug, StringComparer.Ordinal).ThenBy(c => c.CompanyId != companyId))
        {
            if (await benchmark.FindAsync(candidate.EditionId, cancellationToken) is not { } edition)
            {
                continue;
            }

            var found = edition.Edition.OrganizationId == own
                ? candidate.CompanyId == companyId ? edition.Snapshot.Company(candidate.CompanySlug) : null
                : edition.Snapshot.Companies.FirstOrDefault(c => SharesIdentifier(c, lei, isin));
            if (found is not null)
            {
                return View("/Features/Benchmark/_PublishedBenchmarkScores.cshtml", new Model(edition, found));
            }
        }

        return Content("");
    }

    // Registry ids are only meaningful within one organization; across publishers only LEI and ISIN identify.
    private static bool SharesIdentifier(PublishedCompany published, string? lei, string? isin) =>
        (lei is not null && published.Lei == lei) || (isin is not null && published.Isin == isin);
}
