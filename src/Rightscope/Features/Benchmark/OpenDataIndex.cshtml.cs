using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Benchmark;

namespace Rightscope.Features.Benchmark;

/// <summary><c>GET /open-data/</c>: every published edition with its downloads, licence and content hash (docs/open-data-schema.md).</summary>
[AllowAnonymous]
public sealed class OpenDataIndexModel(PublicBenchmark benchmark) : PageModel
{
    public IReadOnlyList<PublicEdition> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Editions = await benchmark.PublishedAsync(cancellationToken);

    public static object Entry(PublicEdition e) => new
    {
        publisher = e.Publisher,
        publisher_slug = e.PublisherSlug,
        edition = e.Snapshot.Name,
        edition_slug = e.Snapshot.Slug,
        year = e.Snapshot.Year,
        methodology = e.Snapshot.Methodology,
        licence = e.Snapshot.Licence,
        published_on = e.Snapshot.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        content_sha256 = e.Snapshot.ContentHash,
        companies = e.Snapshot.Companies.Count,
        csv = $"/open-data/{e.PublisherSlug}/{e.Snapshot.Slug}.csv",
        json = $"/open-data/{e.PublisherSlug}/{e.Snapshot.Slug}.json",
    };
}

/// <summary><c>GET /open-data/index.json</c>: the same list as JSON.</summary>
[AllowAnonymous]
public sealed class OpenDataIndexJsonModel(PublicBenchmark benchmark) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var editions = await benchmark.PublishedAsync(cancellationToken);
        var json = JsonSerializer.Serialize(new { schema = OpenData.Schema, editions = editions.Select(OpenDataIndexModel.Entry) }, new JsonSerializerOptions { WriteIndented = true });
        return Content(json, "application/json; charset=utf-8");
    }
}

/// <summary><c>GET /open-data/{org}/{edition}.csv|.json</c>: the stored snapshot of a published edition, never a live query.</summary>
[AllowAnonymous]
public sealed class OpenDataFileModel(PublicBenchmark benchmark) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string org, string edition, string format, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "json"))
        {
            return NotFound();
        }

        var found = await benchmark.FindAsync(org, edition, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var data = found.Snapshot.ToOpenData();
        var body = format == "csv" ? OpenData.Csv(data) : OpenData.Json(data);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        Response.Headers["X-Content-SHA256"] = data.ContentSha256;
        return File(bytes, format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", $"{found.PublisherSlug}-{found.Snapshot.Slug}.{format}");
    }
}
