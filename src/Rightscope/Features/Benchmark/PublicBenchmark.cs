using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Benchmark;
using Rightscope.Data;

namespace Rightscope.Features.Benchmark;

/// <summary>A published edition as the public sees it: who published it and its stored snapshot.</summary>
public sealed record PublicEdition(string PublisherSlug, string Publisher, BenchmarkEdition Edition, PublishedEdition Snapshot);

/// <summary>
/// Reads published editions across organizations (DESIGN §9.3: data crosses only by publication). Only the stored
/// snapshot of a published edition is ever read here; drafts and their assessments stay invisible.
/// </summary>
public sealed class PublicBenchmark(RightscopeDbContext db)
{
    /// <summary>
    /// Parsed snapshots by edition, with the JSON they came from: the company and assessment pages look every published
    /// edition up on each request, and parsing them cost ~20 ms a page (issue 8). A hit needs the same JSON, so a
    /// republished or changed snapshot is parsed again; snapshots are immutable records, safe to share across requests.
    /// </summary>
    private static readonly ConcurrentDictionary<Guid, (string Json, PublishedEdition Parsed)> Parsed = new();

    private static PublishedEdition Parse(BenchmarkEdition edition)
    {
        var json = edition.Snapshot!;
        if (Parsed.TryGetValue(edition.Id, out var cached) && string.Equals(cached.Json, json, StringComparison.Ordinal))
        {
            return cached.Parsed;
        }

        var parsed = PublishedEdition.FromJson(json);
        Parsed[edition.Id] = (json, parsed);
        return parsed;
    }

    public async Task<IReadOnlyList<PublicEdition>> PublishedAsync(CancellationToken cancellationToken)
    {
        var editions = await db.BenchmarkEditions.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status == EditionStatus.Published && e.Snapshot != null)
            .ToListAsync(cancellationToken);
        var orgIds = editions.Select(e => e.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        return [.. editions
            .Select(e => new PublicEdition(organizations[e.OrganizationId].Slug, organizations[e.OrganizationId].Name, e, Parse(e)))
            .OrderByDescending(e => e.Edition.PublishedAt).ThenBy(e => e.PublisherSlug, StringComparer.Ordinal)];
    }

    /// <summary>The published edition with this id, or null (a draft, or no such edition).</summary>
    public async Task<PublicEdition?> FindAsync(Guid editionId, CancellationToken cancellationToken)
    {
        var edition = await db.BenchmarkEditions.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == editionId && e.Status == EditionStatus.Published && e.Snapshot != null, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == edition.OrganizationId, cancellationToken);
        return new PublicEdition(organization.Slug, organization.Name, edition, Parse(edition));
    }

    public async Task<PublicEdition?> FindAsync(string orgSlug, string editionSlug, CancellationToken cancellationToken)
    {
        orgSlug = orgSlug.ToLowerInvariant();
        editionSlug = editionSlug.ToLowerInvariant();
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == orgSlug, cancellationToken);
        if (organization is null)
        {
            return null;
        }

        var edition = await db.BenchmarkEditions.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(e => e.OrganizationId == organization.Id && e.Slug == editionSlug && e.Status == EditionStatus.Published && e.Snapshot != null, cancellationToken);
        return edition is null ? null : new PublicEdition(organization.Slug, organization.Name, edition, Parse(edition));
    }
}
