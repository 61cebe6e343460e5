using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Transparency;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Transparency;

/// <summary>
/// Imports a CSV of government requests or of aggregated counts (a report published before) with a column mapping and
/// an explicit country mapping. All or nothing unless bad lines are skipped; every problem is listed with its line and
/// field; one audit entry with the counts.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
[RequestSizeLimit(TransparencyImport.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = TransparencyImport.MaxBytes + 64 * 1024)]
public sealed class TransparencyImportPageModel(TransparencyReports reports, OrganizationContext context, IStringLocalizer<TransparencyText> text) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Empty (decide by the columns), <c>requests</c> or <c>aggregates</c>.</summary>
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Mapping { get; set; }

    [BindProperty]
    public string? CountryMap { get; set; }

    [BindProperty]
    public bool SkipBadRows { get; set; }

    public string Slug => context.Current.Slug;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public ImportOutcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ImportKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (!TransparencyCodes.TryParse<ImportKind>(Kind, out var parsed))
            {
                ModelState.AddModelError(nameof(Kind), text["Field.ChoiceInvalid", text["Label.kind"]]);
            }

            kind = parsed;
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Field.FileRequired"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var options = new TransparencyImportOptions
        {
            Kind = kind,
            Mapping = Mapping is null ? [] : [Mapping],
            CountryMap = Core.Transparency.CountryMap.Parse(CountryMap),
            SkipBadRows = SkipBadRows,
        };
        var name = Path.GetFileName(Upload!.FileName);
        TransparencyImportResult result;
        await using (var stream = Upload.OpenReadStream())
        {
            result = TransparencyImport.Read(stream, options);
        }

        Problems = [.. result.Issues.Take(200).Select(i => TransparencyReports.Line(text, name, i))];
        if (!result.CanWrite(SkipBadRows))
        {
            ModelState.AddModelError("", result.BadRows > 0 && !result.FileFailed
                ? text["Import.NothingWrittenBadRows", result.BadRows, result.RowsRead]
                : text["Import.NothingWritten"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Outcome = await reports.WriteImportAsync(context.Current.Id, AuditActor.SignedIn(User), context.Membership!.UserId, name, result, cancellationToken);
        return Page();
    }
}
