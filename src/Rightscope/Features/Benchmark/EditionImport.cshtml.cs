using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Benchmark;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Benchmark;

/// <summary>Uploads benchmark results as a CSV and creates a draft edition from them (all or nothing unless bad rows are skipped).</summary>
[RequirePermission(Permission.EditWorkspace)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed class EditionImportModel(OrganizationContext context, BenchmarkEditions editions, IStringLocalizer<BenchmarkText> text) : PageModel
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const string DefaultMethodology = "digital-rights-benchmark@1.0.0";

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string Methodology { get; set; } = DefaultMethodology;

    [BindProperty]
    public string Level { get; set; } = "element";

    [BindProperty]
    public string? Mapping { get; set; }

    [BindProperty]
    public bool SkipBadRows { get; set; }

    [BindProperty(Name = "File")]
    public IFormFile? Upload { get; set; }

    public string Slug => context.Current.Slug;

    public IReadOnlyList<string> Issues { get; private set; } = [];

    public BenchmarkImportOutcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Name = Name.Trim();
        if (Name.Length is 0 or > BenchmarkEdition.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), text["Import.NameInvalid", BenchmarkEdition.NameMaxLength]);
        }

        var year = BenchmarkEditions.YearIn(Name) ?? DateTime.UtcNow.Year;
        if (!string.IsNullOrWhiteSpace(Year) && (!int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 1990 or > 2200))
        {
            ModelState.AddModelError(nameof(Year), text["Import.YearInvalid"]);
        }

        var level = Level switch { "element" => BenchmarkImportLevel.Element, "indicator" => BenchmarkImportLevel.Indicator, _ => (BenchmarkImportLevel?)null };
        if (level is null)
        {
            ModelState.AddModelError(nameof(Level), text["Import.LevelInvalid"]);
        }

        var methodology = await editions.MethodologyAsync(Methodology.Trim(), cancellationToken);
        if (methodology is null)
        {
            ModelState.AddModelError(nameof(Methodology), text["Import.MethodologyUnknown", Methodology]);
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("File", text["Import.FileRequired"]);
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError("File", text["Import.FileTooLarge"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        BenchmarkImportResult read;
        await using (var stream = Upload!.OpenReadStream())
        {
            read = BenchmarkImportReader.Read(stream, methodology!, level!.Value, (Mapping ?? "").Split('\n'));
        }

        Issues = [.. read.Issues.Select(i => BenchmarkMessages.Line(text, Upload.FileName, i))];
        if (!read.CanWrite(SkipBadRows))
        {
            ModelState.AddModelError("File", read.BadRows > 0 && !read.FileIssues
                ? text["Import.BadRows", read.BadRows, read.RowsRead]
                : text["Import.Unreadable"]);
            return this.InvalidForm();
        }

        var actor = AuditActor.SignedIn(User);
        Outcome = await editions.ImportAsync(
            context.Current.Id, actor, context.Membership!.UserId, Name, year, methodology!, level!.Value, read, Path.GetFileName(Upload.FileName), cancellationToken);
        if (Outcome.Error == BenchmarkImportOutcome.Ambiguous)
        {
            ModelState.AddModelError("File", text["Import.Ambiguous", Path.GetFileName(Upload.FileName), Outcome.AmbiguousCompany!, Outcome.Matches]);
            return this.InvalidForm();
        }

        if (Outcome.Error == BenchmarkImportOutcome.Identifiers)
        {
            Issues = [.. Outcome.Issues.Select(i => BenchmarkMessages.Line(text, Path.GetFileName(Upload.FileName), i))];
            ModelState.AddModelError("File", text["Import.IdentifierIssues", Path.GetFileName(Upload.FileName), Outcome.Issues.Count]);
            return this.InvalidForm();
        }

        if (Outcome.Error is not null)
        {
            ModelState.AddModelError(nameof(Name), text["Import.Exists", Name]);
            return this.InvalidForm();
        }

        return Page();
    }
}
