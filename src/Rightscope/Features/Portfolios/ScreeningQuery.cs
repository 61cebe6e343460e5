using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Assessments;
using Rightscope.Core.Portfolios.Screening;
using Rightscope.Data;

namespace Rightscope.Features.Portfolios;

/// <summary>How a matched company is shown: its names and whether it is fictional.</summary>
public sealed record ScreenedCompany(Guid Id, string? NameEn, string? NameZhHans, bool Fictional)
{
    public string DisplayName(string language) =>
        (language.StartsWith("zh", StringComparison.Ordinal) ? NameZhHans ?? NameEn : NameEn ?? NameZhHans) ?? "";
}

/// <summary>A snapshot's holdings for screening, the previous snapshot's (with the tiers they had on its date), and the companies.</summary>
public sealed record ScreeningData(
    IReadOnlyList<ScreeningHolding> Current,
    IReadOnlyList<ScreeningHolding>? Previous,
    IReadOnlyDictionary<Guid, ScreenedCompany> Companies);

/// <summary>
/// Loads what the dashboard screens in a fixed number of queries whatever the number of holdings: the holdings of
/// both snapshots joined to their companies, then the approved assessments of those companies (by company id, or by
/// subject name for assessments without one, as in <see cref="Companies.CompanyAssessments"/>); the current tier is the
/// latest approved (not superseded) one, and the tier on the previous snapshot's date is that of the latest assessment
/// approved by then, superseded or not.
/// </summary>
public sealed class ScreeningQuery(RightscopeDbContext db)
{
    private sealed record Row(
        Guid SnapshotId, int Line, Guid? CompanyId, string? Name, string? Isin, string? Lei, string? Ticker, string? Country,
        double? Weight, long? MarketValueMinor, string? Currency,
        string? NameEn, string? NameZhHans, string? NormalizedName, string? NormalizedAltName, int? ExposureType, string? Technologies,
        string? CompanyCountry, bool? Fictional);

    private sealed record Approval(Guid? CompanyId, string SubjectName, int? Tier, DateTime ApprovedAt, DateOnly? NextReviewOn, bool Current);

    public async Task<ScreeningData> LoadAsync(HoldingsSnapshot current, HoldingsSnapshot? previous, CancellationToken cancellationToken)
    {
        var currentId = current.Id;
        var previousId = previous?.Id ?? current.Id;
        var rows = await (
                from h in db.Holdings.AsNoTracking()
                where h.SnapshotId == currentId || h.SnapshotId == previousId
                join c in db.Companies.AsNoTracking() on h.CompanyId equals c.Id into matched
                from c in matched.DefaultIfEmpty()
                select new Row(
                    h.SnapshotId, h.Line, h.CompanyId, h.Name, h.Isin, h.Lei, h.Ticker, h.Country, h.Weight, h.MarketValueMinor, h.Currency,
                    c == null ? null : c.NameEn, c == null ? null : c.NameZhHans, c == null ? null : c.NormalizedName, c == null ? null : c.NormalizedAltName,
                    c == null ? null : c.ExposureType, c == null ? null : c.Technologies, c == null ? null : c.Country, c == null ? null : (bool?)c.Fictional))
            .ToListAsync(cancellationToken);

        var companies = new Dictionary<Guid, ScreenedCompany>();
        var byName = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.CompanyId is not null && r.NormalizedName is not null))
        {
            var id = row.CompanyId!.Value;
            if (companies.TryAdd(id, new ScreenedCompany(id, row.NameEn, row.NameZhHans, row.Fictional ?? false)))
            {
                foreach (var name in new[] { row.NormalizedName, row.NormalizedAltName })
                {
                    if (!string.IsNullOrEmpty(name))
                    {
                        byName.TryAdd(name, id);
                    }
                }
            }
        }

        var companyIds = companies.Keys.ToList();
        var approvals = companyIds.Count == 0 ? [] : await db.Assessments.AsNoTracking()
            .Where(a => a.ApprovedAt != null && (a.Status == AssessmentStatus.Approved || a.Status == AssessmentStatus.Superseded))
            .Where(a => a.CompanyId == null ? a.SubjectKind == Core.Methodologies.SubjectKind.Company : companyIds.Contains(a.CompanyId.Value))
            .OrderByDescending(a => a.ApprovedAt)
            .Select(a => new Approval(a.CompanyId, a.SubjectName, a.Tier, a.ApprovedAt!.Value, a.NextReviewOn, a.Status == AssessmentStatus.Approved))
            .ToListAsync(cancellationToken);
        var byCompany = approvals
            .Select(a => (Approval: a, Company: a.CompanyId
                ?? Companies.CompanyAssessments.SubjectKeys(a.SubjectName).Select(k => byName.TryGetValue(k, out var id) ? id : (Guid?)null).FirstOrDefault(id => id != null)))
            .Where(a => a.Company is not null)
            .GroupBy(a => a.Company!.Value, a => a.Approval)
            .ToDictionary(g => g.Key, g => g.ToList());

        Approval? CurrentOf(Guid? company) =>
            company is { } id && byCompany.TryGetValue(id, out var list) ? list.FirstOrDefault(a => a.Current) : null;

        Approval? AsOf(Guid? company, DateOnly day)
        {
            var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return company is { } id && byCompany.TryGetValue(id, out var list) ? list.FirstOrDefault(a => a.ApprovedAt < end) : null;
        }

        ScreeningHolding ToHolding(Row row, Approval? approval) => new(
            HoldingIdentity.Of(row.CompanyId, row.Isin, row.Lei, row.Ticker, row.Name),
            row.Line,
            row.CompanyId,
            row.Name ?? row.NameEn ?? row.NameZhHans ?? "",
            row.Weight,
            row.MarketValueMinor,
            row.Currency,
            row.ExposureType,
            string.IsNullOrEmpty(row.Technologies) ? [] : row.Technologies.Split(',', StringSplitOptions.RemoveEmptyEntries),
            approval?.Tier,
            approval is null ? null : DateOnly.FromDateTime(approval.ApprovedAt),
            row.CompanyCountry ?? row.Country,
            approval?.NextReviewOn);

        var currentRows = rows.Where(r => r.SnapshotId == currentId).OrderBy(r => r.Line).Select(r => ToHolding(r, CurrentOf(r.CompanyId))).ToList();
        var previousRows = previous is null ? null
            : rows.Where(r => r.SnapshotId == previousId).OrderBy(r => r.Line).Select(r => ToHolding(r, AsOf(r.CompanyId, previous.AsOf))).ToList();
        return new ScreeningData(currentRows, previousRows, companies);
    }
}
