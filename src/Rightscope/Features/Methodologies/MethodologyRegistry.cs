using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Data;
using Rightscope.Infrastructure;

namespace Rightscope.Features.Methodologies;

/// <summary>
/// The methodologies Rightscope can score: the shipped catalog (loaded once at start-up; an invalid file stops
/// the server with its file, line and key) and the ones each organization added.
/// </summary>
public sealed class MethodologyRegistry
{
    // Organization methodologies are parsed once per distinct text.
    private readonly ConcurrentDictionary<string, Methodology> _parsed = new(StringComparer.Ordinal);

    private MethodologyRegistry(string catalogPath, Catalog shipped)
    {
        CatalogPath = catalogPath;
        Shipped = shipped;
    }

    public string CatalogPath { get; }

    public Catalog Shipped { get; }

    public static string DefaultCatalogPath(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Catalog:Path"] ?? Path.Combine(AppContext.BaseDirectory, "catalog"));

    public static MethodologyRegistry Load(IConfiguration configuration)
    {
        var path = DefaultCatalogPath(configuration);
        if (!Directory.Exists(path))
        {
            throw new StartupException($"The catalog directory {path} does not exist. Set Catalog:Path to the directory that holds methodologies/ and reference/.");
        }

        var result = CatalogLoader.LoadDirectory(path);
        if (!result.Succeeded)
        {
            throw new StartupException($"The catalog at {path} is invalid; fix these and start again:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", result.Errors.Select(e => e.ToString())));
        }

        return new MethodologyRegistry(path, result.Value!);
    }

    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>The shipped methodologies and those of the organization in the current tenant scope.</summary>
    public async Task<IReadOnlyList<AvailableMethodology>> AvailableAsync(RightscopeDbContext db, CancellationToken cancellationToken)
    {
        var own = await db.OrganizationMethodologies.AsNoTracking()
            .OrderBy(m => m.Key).ThenBy(m => m.AddedAt)
            .ToListAsync(cancellationToken);
        return Shipped.Methodologies.Select(m => new AvailableMethodology(m, Shipped: true))
            .Concat(own.Select(m => new AvailableMethodology(Parse(m), Shipped: false)))
            .ToList();
    }

    /// <summary>Finds <c>KEY</c> (latest version) or <c>KEY@VERSION</c> among <paramref name="available"/>.</summary>
    public static AvailableMethodology? Find(IReadOnlyList<AvailableMethodology> available, string id)
    {
        var (key, version) = SplitId(id);
        // Catalog.Find orders versions semantically (1.10.0 after 1.9.3).
        var found = new Catalog(available.Select(a => a.Methodology).ToList(), []).Find(key, version);
        return found is null ? null : available.First(a => ReferenceEquals(a.Methodology, found));
    }

    public static (string Key, string? Version) SplitId(string id)
    {
        var at = id.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (id.Trim(), null) : (id[..at].Trim(), id[(at + 1)..].Trim());
    }

    private Methodology Parse(OrganizationMethodology stored) =>
        _parsed.GetOrAdd(stored.ContentHash, _ =>
        {
            var result = MethodologyLoader.Parse(stored.Content, stored.FileName, requireAllLanguages: false);
            // Stored methodologies were validated when added; failing now means the validator became stricter.
            return result.Value ?? throw new InvalidOperationException(
                $"The stored methodology {stored.Key}@{stored.Version} no longer validates: {string.Join("; ", result.Errors)}");
        });
}

/// <summary>A methodology and where it comes from: the shipped catalog or the organization.</summary>
public sealed record AvailableMethodology(Methodology Methodology, bool Shipped);
