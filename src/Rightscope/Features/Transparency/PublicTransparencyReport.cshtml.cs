using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Transparency;

namespace Rightscope.Features.Transparency;

/// <summary>
/// The public, printable transparency report of an organization for a period: no sign-in, no script, the snapshot frozen
/// at publication. <c>{period}.csv</c> and <c>{period}.json</c> are the documented exports (docs/transparency-schema.md).
/// A period that is not published (never, or withdrawn) is a 404, the same as an organization that does not exist.
/// </summary>
[AllowAnonymous]
public sealed class PublicTransparencyReportModel(TransparencyReports reports) : PageModel
{
    [FromRoute(Name = "org")]
    public string OrganizationSlug { get; set; } = "";

    [FromRoute(Name = "period")]
    public string PeriodText { get; set; } = "";

    public TransparencyDocument Document { get; private set; } = null!;

    public TransparencyPeriod Period { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (periodText, format) = PeriodText switch
        {
            var p when p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) => (p[..^4], "csv"),
            var p when p.EndsWith(".json", StringComparison.OrdinalIgnoreCase) => (p[..^5], "json"),
            var p => (p, "html"),
        };
        var document = await reports.PublishedAsync(OrganizationSlug, periodText, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var fileName = $"{document.Organization}-transparency-{document.Period}.{format}";
        switch (format)
        {
            case "csv":
                return File(Encoding.UTF8.GetBytes(document.ToCsv()), "text/csv; charset=utf-8", fileName);
            case "json":
                return File(Encoding.UTF8.GetBytes(document.ToJson()), "application/json; charset=utf-8", fileName);
        }

        Document = document;
        Period = TransparencyPeriod.Parse(document.Period);
        return Page();
    }
}
