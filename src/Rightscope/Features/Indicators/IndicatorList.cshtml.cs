using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Exports;
using Rightscope.Core.Indicators;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Indicators;

/// <summary>
/// The organization's indicator datasets, the catalog's indicators and indices, the countries with data, and the
/// import of a dataset from a CSV file (all or nothing unless bad rows are skipped; every issue with line and field).
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024)]
public sealed class IndicatorListModel(
    RightscopeDbContext db,
    OrganizationContext context,
    IndicatorCatalog catalog,
    IndicatorDatasets datasets,
    IStringLocalizer<IndicatorsText> text) : PageModel
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public const string FileField = "File";

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public IndicatorCatalog Catalog => catalog;

    [BindProperty(Name = FileField)]
    public IFormFile? SourceFile { get; set; }

    [BindProperty]
    public string? Dataset { get; set; }

    [BindProperty]
    public string? Mapping { get; set; }

    [BindProperty]
    public bool SkipBadRows { get; set; }

    [FromQuery(Name = "imported")]
    public Guid? Imported { get; set; }

    public IReadOnlyList<IndicatorDataset> Datasets { get; private set; } = [];

    public IReadOnlyList<string> Countries { get; private set; } = [];

    public IndicatorImportResult? Report { get; private set; }

    public IReadOnlyList<IndicatorIssue> MappingIssues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>A dataset's values as CSV, in the import format, so it can be re-imported or published.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        var dataset = await db.IndicatorDatasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }

        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.DatasetId == id)
            .OrderBy(v => v.IndicatorKey).ThenBy(v => v.Country).ThenBy(v => v.Year)
            .ThenBy(v => v.Sex).ThenBy(v => v.AgeGroup).ThenBy(v => v.Location).ThenBy(v => v.Disability)
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(SafeCsv.Line(Enum.GetValues<IndicatorField>().Select(IndicatorImport.Name)));
        foreach (var v in values)
        {
            csv.AppendLine(SafeCsv.Line([
                v.IndicatorKey, v.Country, v.Year.ToString(CultureInfo.InvariantCulture), v.Value.ToString("R", CultureInfo.InvariantCulture), v.Unit,
                v.Sex, v.AgeGroup, v.Location, v.Disability, v.Source]));
        }

        return IndicatorCsv.File(csv.ToString(), $"indicators-{Slugify(dataset.Name)}.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var name = Dataset?.Trim() ?? "";
        if (name.Length is 0 or > IndicatorDataset.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Dataset), text["Import.DatasetInvalid", IndicatorDataset.NameMaxLength]);
        }

        var extension = Path.GetExtension(SourceFile?.FileName ?? "").ToLowerInvariant();
        if (SourceFile is null || SourceFile.Length == 0)
        {
            ModelState.AddModelError(FileField, text["Import.ChooseFile"]);
        }
        else if (SourceFile.Length > MaxUploadBytes)
        {
            ModelState.AddModelError(FileField, text["Import.FileTooLarge", MaxUploadBytes / 1024 / 1024]);
        }
        else if (extension != ".csv")
        {
            ModelState.AddModelError(FileField, text["Import.FileType"]);
        }

        var mappingIssues = new List<IndicatorIssue>();
        var mapping = IndicatorImport.ParseMapping([Mapping ?? ""], mappingIssues);
        MappingIssues = mappingIssues;
        if (mappingIssues.Count > 0)
        {
            ModelState.AddModelError(nameof(Mapping), string.Join(" ", mappingIssues.Select(i => text["Issue.BadMapping", i.Value].Value)));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return this.InvalidForm();
        }

        await using (var stream = SourceFile!.OpenReadStream())
        {
            Report = IndicatorImport.Read(stream, catalog, mapping, SkipBadRows, cancellationToken);
        }

        if (!Report.CanWrite)
        {
            ModelState.AddModelError(FileField, Report.Rows.Count == 0 && Report.Issues.Count == 0 ? text["Import.NoRows"] : text["Import.NothingWritten"]);
            await LoadAsync(cancellationToken);
            return this.InvalidForm();
        }

        var outcome = await datasets.WriteAsync(context.Current.Id, AuditActor.SignedIn(User), name, Path.GetFileName(SourceFile.FileName), Report, cancellationToken);
        return Redirect($"/o/{Slug}/indicators?imported={outcome.Dataset.Id}");
    }

    public string Describe(IndicatorIssue issue) => IndicatorMessages.Describe(text, issue);

    public string Name(IndicatorDefinition indicator) => indicator.Name.In(CultureInfo.CurrentUICulture.Name);

    public string Name(CompositeIndexDefinition index) => index.Name.In(CultureInfo.CurrentUICulture.Name);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Datasets = await db.IndicatorDatasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        Countries = await datasets.CountriesAsync(cancellationToken);
    }

    private static string Slugify(string name)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return slug.Length == 0 ? "dataset" : slug;
    }
}
