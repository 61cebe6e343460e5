using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Exports;
using Rightscope.Core.Money;
using Rightscope.Data;
using Rightscope.Features.Companies;

namespace Rightscope.Features.Portfolios;

public enum ExportFormat
{
    Csv,
    Xlsx,
    Json,
}

/// <summary>One holding of an export, with its company and the company's current approved assessment.</summary>
public sealed record ExportedHolding(
    int Line,
    string? Name,
    string? Isin,
    string? Lei,
    string? Ticker,
    string? Country,
    double? Weight,
    decimal? MarketValue,
    string? Currency,
    double? Shares,
    Guid? CompanyId,
    string? Company,
    bool? Fictional,
    int? ExposureType,
    int? Tier,
    string? Decision,
    string? RecommendedDecision,
    DateOnly? AssessedOn);

public sealed record PortfolioExportDocument(string Portfolio, DateOnly AsOf, Guid SnapshotId, IReadOnlyList<ExportedHolding> Holdings);

/// <summary>
/// A snapshot's holdings for other systems, in the import's own default columns first (so an export imports again
/// unchanged) and then the company, its exposure type, the tier of its current approved assessment
/// (<see cref="CompanyAssessments"/>), its recorded current decision (empty until one is approved: an export never
/// claims a decision nobody took), the tier's recommended decision, and the assessment's date.
/// </summary>
public sealed class PortfolioExport(RightscopeDbContext db, CompanyAssessments assessments)
{
    public static readonly string[] Columns =
        ["name", "isin", "lei", "ticker", "country", "weight", "market_value", "currency", "shares", "company", "company_id", "fictional", "exposure_type", "tier", "decision", "recommended_decision", "assessed_on"];

    /// <summary>The snapshot of <paramref name="asOf"/>, or the latest; null when there is none.</summary>
    public async Task<PortfolioExportDocument?> LoadAsync(Portfolio portfolio, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var snapshot = await db.HoldingsSnapshots.AsNoTracking()
            .Where(s => s.PortfolioId == portfolio.Id && (asOf == null || s.AsOf == asOf))
            .OrderByDescending(s => s.AsOf)
            .FirstOrDefaultAsync(cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var holdings = await db.Holdings.AsNoTracking().Where(h => h.SnapshotId == snapshot.Id).OrderBy(h => h.Line).ToListAsync(cancellationToken);
        var companyIds = holdings.Where(h => h.CompanyId != null).Select(h => h.CompanyId!.Value).Distinct().ToList();
        var companies = await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var current = await assessments.CurrentAsync(companies.Values, cancellationToken);
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => companyIds.Contains(d.CompanyId) && d.Status == Core.Decisions.DecisionStatus.Approved)
            .ToDictionaryAsync(d => d.CompanyId, d => d.Kind, cancellationToken);
        var rows = holdings.Select(h =>
        {
            var company = h.CompanyId is { } id && companies.TryGetValue(id, out var c) ? c : null;
            var assessment = company is null ? null : current.GetValueOrDefault(company.Id);
            return new ExportedHolding(
                h.Line, h.Name, h.Isin, h.Lei, h.Ticker, h.Country, h.Weight,
                h.MarketValueMinor is { } minor && h.Currency is { } code && Currency.TryParse(code, out var currency) ? currency.FromMinorUnits(minor) : null,
                h.Currency, h.Shares, company?.Id, company?.DisplayName("en"), company?.Fictional, company?.ExposureType,
                assessment?.Tier,
                company is not null && decisions.TryGetValue(company.Id, out var decided) ? Core.Decisions.DecisionKinds.ToCode(decided) : null,
                assessment?.Decision, assessment?.On);
        }).ToList();
        return new PortfolioExportDocument(portfolio.Name, snapshot.AsOf, snapshot.Id, rows);
    }

    public static void Write(PortfolioExportDocument document, ExportFormat format, Stream output)
    {
        switch (format)
        {
            case ExportFormat.Json:
                JsonSerializer.Serialize(output, document, JsonOptions);
                break;
            case ExportFormat.Xlsx:
                WriteXlsx(document, output);
                break;
            default:
                WriteCsv(document, output);
                break;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static IEnumerable<object?> Values(ExportedHolding h) =>
    [
        h.Name, h.Isin, h.Lei, h.Ticker, h.Country, h.Weight, h.MarketValue, h.Currency, h.Shares,
        h.Company, h.CompanyId?.ToString(), h.Fictional is { } f ? (f ? "yes" : "no") : null, h.ExposureType, h.Tier, h.Decision, h.RecommendedDecision,
        h.AssessedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];

    private static string Invariant(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void WriteCsv(PortfolioExportDocument document, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Columns));
        foreach (var holding in document.Holdings)
        {
            writer.WriteLine(string.Join(',', Values(holding).Select(v => Quote(Invariant(v)))));
        }
    }

    // Shared with the exclusion list, so every export is safe against formula injection the same way.
    private static string Quote(string value) => SafeCsv.Field(value);

    private static void WriteXlsx(PortfolioExportDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Columns));
            foreach (var holding in document.Holdings)
            {
                data.Append(Row(Values(holding)));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Holdings" }));
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Row Row(IEnumerable<object?> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(value switch
            {
                null => new Cell(),
                double or decimal or int => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Invariant(value)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Invariant(value))) },
            });
        }

        return row;
    }
}
