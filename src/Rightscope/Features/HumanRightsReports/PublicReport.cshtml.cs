using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.HumanRightsReports;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// A published human rights report for everyone, in the language of the URL (<c>?lang=en</c> or <c>?lang=zh-Hans</c>),
/// printable, with a table of contents and links to the Markdown and Word exports. Before publication, after
/// withdrawal, and for an unknown organization or year: the same 404.
/// </summary>
[AllowAnonymous]
public sealed class PublicReportModel(PublishedReports reports) : PageModel
{
    public ReportOutline Outline { get; private set; } = null!;

    public PublishedReports.Published Found { get; private set; } = null!;

    public string Language => Outline.Language;

    public string BasePath => $"/human-rights-reports/{Found.Organization.Slug}/{Found.Report.Year}";

    public async Task<IActionResult> OnGetAsync(string org, int year, CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(org, year, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Found = found;
        Outline = ReportOutline.Build(found.Content, PublicReportCultureProvider.LanguageOf(Request));
        return Page();
    }
}

/// <summary>The published report as Markdown (<c>?lang=</c> as on the page).</summary>
[AllowAnonymous]
public sealed class PublicReportMarkdownModel(PublishedReports reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string org, int year, CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(org, year, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var language = PublicReportCultureProvider.LanguageOf(Request);
        var markdown = MarkdownReport.Render(ReportOutline.Build(found.Content, language));
        return File(System.Text.Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8",
            PublishedReports.FileName(found.Organization.Slug, year, language, "md"));
    }
}

/// <summary>The published report as a Word document (<c>?lang=</c> as on the page).</summary>
[AllowAnonymous]
public sealed class PublicReportDocxModel(PublishedReports reports) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(string org, int year, CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(org, year, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var language = PublicReportCultureProvider.LanguageOf(Request);
        using var buffer = new MemoryStream();
        DocxReport.Write(ReportOutline.Build(found.Content, language), buffer);
        return File(buffer.ToArray(), ContentType, PublishedReports.FileName(found.Organization.Slug, year, language, "docx"));
    }
}
