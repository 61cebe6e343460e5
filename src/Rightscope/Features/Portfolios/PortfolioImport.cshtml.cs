using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Portfolios;

/// <summary>
/// Imports a holdings file in two steps without JavaScript: upload shows the preview report (nothing written), and
/// the user confirms or changes the mapping and previews again. Between the steps the file is kept encrypted in
/// the database for an hour (<see cref="HoldingsUpload"/>), not in one server's memory, so any instance can finish
/// the import; confirming carries the previewed fingerprint, so what is written is exactly what was previewed.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024)]
public sealed class PortfolioImportModel(
    RightscopeDbContext db,
    OrganizationContext context,
    HoldingsImport import,
    IDataProtectionProvider protection,
    TimeProvider clock,
    IStringLocalizer<PortfoliosText> text) : PageModel
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    private static readonly TimeSpan UploadLifetime = TimeSpan.FromHours(1);

    public Portfolio Portfolio { get; private set; } = null!;

    public string Slug => context.Current.Slug;

    [BindProperty(Name = FileField)]
    public IFormFile? SourceFile { get; set; }

    public const string FileField = "File";

    [BindProperty]
    public string? AsOf { get; set; }

    [BindProperty]
    public string? Mapping { get; set; }

    [BindProperty]
    public bool SkipBadRows { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    [BindProperty]
    public Guid? Upload { get; set; }

    [BindProperty]
    public string? Fingerprint { get; set; }

    public string? FileName { get; private set; }

    public HoldingsImportResult? Report { get; private set; }

    /// <summary>Why nothing was written on confirm (already imported, date taken), or the preview changed.</summary>
    public string? Message { get; private set; }

    private IDataProtector Protector => protection.CreateProtector("Rightscope.HoldingsUpload.v1");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPortfolioAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Mapping = Portfolio.ColumnMapping;
        AsOf = DateOnly.FromDateTime(Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>Step 1: the upload. Reads the file, keeps it for the confirm step, shows the report.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPortfolioAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ParseDate();
        var extension = Path.GetExtension(SourceFile?.FileName ?? "").ToLowerInvariant();
        if (SourceFile is null || SourceFile.Length == 0)
        {
            ModelState.AddModelError(FileField, text["Import.ChooseFile"]);
        }
        else if (SourceFile.Length > MaxUploadBytes)
        {
            ModelState.AddModelError(FileField, text["Import.FileTooLarge", MaxUploadBytes / 1024 / 1024]);
        }
        else if (extension is not (".csv" or ".xlsx"))
        {
            ModelState.AddModelError(FileField, text["Import.FileType"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        byte[] content;
        using (var memory = new MemoryStream())
        {
            await SourceFile!.CopyToAsync(memory, cancellationToken);
            content = memory.ToArray();
        }

        var now = Now;
        // Expired uploads of the organization go whenever a new one arrives.
        await db.HoldingsUploads.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var upload = new HoldingsUpload
        {
            OrganizationId = context.Current.Id,
            PortfolioId = Portfolio.Id,
            UserId = context.Membership!.UserId,
            FileName = Path.GetFileName(SourceFile.FileName)[..Math.Min(Path.GetFileName(SourceFile.FileName).Length, HoldingsSnapshot.FileNameMaxLength)],
            Content = Protector.Protect(content),
            ExpiresAt = now + UploadLifetime,
        };
        db.HoldingsUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        Upload = upload.Id;
        FileName = upload.FileName;
        Preview(content);
        Fingerprint = Report!.Fingerprint;
        return ReportPage();
    }

    /// <summary>Step 2a: the same upload read again with a changed mapping or options.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPortfolioAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ParseDate();
        var upload = await FindUploadAsync(cancellationToken);
        if (upload is null)
        {
            return Expired();
        }

        FileName = upload.FileName;
        Preview(Protector.Unprotect(upload.Content));
        Fingerprint = Report!.Fingerprint;
        return ModelState.IsValid ? ReportPage() : this.InvalidForm();
    }

    /// <summary>Step 2b: writes what the preview showed, or nothing.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPortfolioAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var date = ParseDate();
        var upload = await FindUploadAsync(cancellationToken);
        if (upload is null)
        {
            return Expired();
        }

        FileName = upload.FileName;
        Preview(Protector.Unprotect(upload.Content));
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (Report!.Fingerprint != Fingerprint)
        {
            // The mapping or options changed since the preview: show the new preview instead of writing it unseen.
            Message = text["Import.PreviewChanged"];
            Fingerprint = Report.Fingerprint;
            return this.InvalidForm();
        }

        var mapping = Mapping?.Trim() ?? "";
        var outcome = await import.WriteAsync(
            context.Current.Id, AuditActor.SignedIn(User), Portfolio, date!.Value, upload.FileName, Report, mapping, Replace, cancellationToken);
        switch (outcome.Status)
        {
            case HoldingsImportStatus.Imported or HoldingsImportStatus.Replaced:
                await db.HoldingsUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
                return Redirect($"/o/{Slug}/portfolios/{Portfolio.Id}?asOf={date:yyyy-MM-dd}");
            case HoldingsImportStatus.AlreadyImported:
                Message = text["Import.AlreadyImported", Date(date.Value)];
                return Page();
            case HoldingsImportStatus.DateTaken:
                Message = text["Import.DateTaken", Date(date.Value)];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                Message = text["Import.Rejected"];
                return this.InvalidForm();
        }
    }

    public string Describe(ImportIssue issue) => ImportMessages.Format(text, issue);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The report of an upload: 200 when it may be written, 422 when it may not (the page still offers another
    /// mapping for the kept upload, but the file as read is refused).
    /// </summary>
    private PageResult ReportPage()
    {
        if (!Report!.CanWrite)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    private void Preview(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        Report = HoldingsImport.Read(stream, new HoldingsImportOptions
        {
            Mapping = string.IsNullOrWhiteSpace(Mapping) ? ColumnMapping.None : ColumnMapping.Parse(Mapping),
            SkipBadRows = SkipBadRows,
        });
    }

    private DateOnly? ParseDate()
    {
        if (DateOnly.TryParseExact(AsOf?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(nameof(AsOf), text["Import.AsOfInvalid"]);
        return null;
    }

    private async Task<HoldingsUpload?> FindUploadAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var userId = context.Membership!.UserId;
        return Upload is { } token
            ? await db.HoldingsUploads.AsNoTracking().SingleOrDefaultAsync(
                u => u.Id == token && u.PortfolioId == Portfolio.Id && u.UserId == userId && u.ExpiresAt > now, cancellationToken)
            : null;
    }

    private PageResult Expired()
    {
        Upload = null;
        Message = text["Import.UploadExpired"];
        ModelState.AddModelError(FileField, Message);
        return this.InvalidForm();
    }

    private async Task<bool> LoadPortfolioAsync(Guid id, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portfolio is null)
        {
            return false;
        }

        Portfolio = portfolio;
        return true;
    }
}
