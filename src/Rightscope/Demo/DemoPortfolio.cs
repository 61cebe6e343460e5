using Rightscope.Core.Companies;
using Rightscope.Core.Money;
using Rightscope.Core.Organizations;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Features.Portfolios;

namespace Rightscope.Demo;

/// <summary>
/// The demo investor's company registry and one portfolio snapshot. The fictional companies are the subjects of
/// <see cref="DemoAssessments"/>, marked fictional. The real companies are the ones seed 001 names, classified only as
/// it states (NSO Group and Gamma Group: type 1; Alphabet and Amazon: type 2; Sandvine: type 3) with nothing else
/// about them (DESIGN §7); only Alphabet's and Amazon's listed share identifiers are given, because they are public
/// and certain. The portfolio is the fictional investor's, so its weights and values are fictional too; one holding
/// is deliberately left unmatched to show the linking step.
/// </summary>
public static class DemoPortfolio
{
    public const string PortfolioName = "Global Technology Equity (fictional) · 全球科技股票（虚构）";

    public static readonly DateOnly AsOf = new(2026, 6, 30);

    private sealed record RealCompany(string NameEn, string NameZhHans, int ExposureType, string? Isin = null, string? Ticker = null, string? Country = null);

    private static readonly RealCompany[] RealCompanies =
    [
        new("NSO Group", "NSO集团", 1),
        new("Gamma Group", "伽马集团", 1),
        new("Alphabet Inc.", "Alphabet公司", 2, "US02079K3059", "GOOGL", "US"),
        new("Amazon.com, Inc.", "亚马逊公司", 2, "US0231351067", "AMZN", "US"),
        new("Sandvine", "Sandvine公司", 3),
    ];

    /// <summary>Adds the companies, the portfolio and its snapshot to <paramref name="db"/> (not saved); a summary for the audit entry.</summary>
    public static string? Add(RightscopeDbContext db, Guid organizationId, OrganizationKind kind, DateTime now)
    {
        if (kind != OrganizationKind.Investor)
        {
            return null;
        }

        var companies = new List<Company>();
        foreach (var subject in DemoAssessments.For(kind))
        {
            var parts = subject.Name.Split('·', StringSplitOptions.TrimEntries);
            companies.Add(NewCompany(organizationId, now, new Company
            {
                NameEn = CompanyAssessments.WithoutFictionalMark(parts[0]),
                NameZhHans = parts.Length > 1 ? CompanyAssessments.WithoutFictionalMark(parts[1]) : null,
                ExposureType = subject.Attributes.TryGetValue("exposure-type", out var type) && int.TryParse(type, out var value) ? value : null,
                Fictional = true,
            }));
        }

        foreach (var real in RealCompanies)
        {
            companies.Add(NewCompany(organizationId, now, new Company
            {
                NameEn = real.NameEn,
                NameZhHans = real.NameZhHans,
                ExposureType = real.ExposureType,
                Isin = real.Isin is null ? null : Isin.Parse(real.Isin).Value,
                Ticker = real.Ticker,
                Country = real.Country,
                Products = "Classified only as seed 001 states; no other facts recorded. · 仅按种子文件 001 的表述分类；未记录其他事实。",
            }));
        }

        db.Companies.AddRange(companies);

        var usd = Currency.FromCode("USD");
        var fictional = companies.Where(c => c.Fictional).ToList();
        var rows = new List<HoldingRow>();
        var weights = new[] { 18.5, 22.0, 14.5 };
        for (var i = 0; i < fictional.Count; i++)
        {
            var weight = weights[i % weights.Length];
            rows.Add(new HoldingRow(i + 2, fictional[i].NameEn, null, null, null, null, weight, (decimal)weight * 100_000m, usd, null));
        }

        var alphabet = companies.Single(c => c.Ticker == "GOOGL");
        var amazon = companies.Single(c => c.Ticker == "AMZN");
        var line = rows.Count + 2;
        rows.Add(new HoldingRow(line++, "Alphabet Inc. Class A (fictional position)", Isin.Parse(alphabet.Isin!), null, null, Country.FromCode("US"), 20.0, 2_000_000m, usd, null));
        rows.Add(new HoldingRow(line++, "Amazon.com, Inc. (fictional position)", Isin.Parse(amazon.Isin!), null, null, Country.FromCode("US"), 15.0, 1_500_000m, usd, null));
        var restWeight = 100.0 - rows.Sum(r => r.WeightPercent!.Value);
        rows.Add(new HoldingRow(line, "Contoso Sensors (fictional)", null, null, null, null, restWeight, (decimal)restWeight * 100_000m, usd, null));

        var portfolio = new Portfolio { OrganizationId = organizationId, Name = PortfolioName, BaseCurrency = "USD", CreatedAt = now, UpdatedAt = now };
        var snapshot = new HoldingsSnapshot
        {
            OrganizationId = organizationId,
            PortfolioId = portfolio.Id,
            AsOf = AsOf,
            SourceFileName = "demo-holdings.csv",
            Fingerprint = HoldingsImporter.Fingerprint(rows),
            RowCount = rows.Count,
            ImportedBy = "system",
            ImportedAt = now,
        };
        var matcher = new CompanyMatcher(companies);
        var holdings = rows.Select(row => new Holding
        {
            OrganizationId = organizationId,
            SnapshotId = snapshot.Id,
            Line = row.Line,
            Name = row.Name,
            Isin = row.Isin?.Value,
            Country = row.Country?.Alpha2,
            Weight = row.WeightPercent,
            MarketValueMinor = row.MarketValueMinorUnits,
            Currency = row.Currency?.Code,
            CompanyId = matcher.Match(row.Isin?.Value, null, null, row.Country?.Alpha2, row.Name),
        }).ToList();
        snapshot.MatchedCount = holdings.Count(h => h.CompanyId is not null);
        db.Portfolios.Add(portfolio);
        db.HoldingsSnapshots.Add(snapshot);
        db.Holdings.AddRange(holdings);
        return $"demo companies added: {companies.Count} ({fictional.Count} fictional); demo portfolio snapshot {AsOf:yyyy-MM-dd}: {holdings.Count} holdings, {snapshot.MatchedCount} matched";
    }

    private static Company NewCompany(Guid organizationId, DateTime now, Company company)
    {
        company.OrganizationId = organizationId;
        company.CreatedAt = now;
        company.UpdatedAt = now;
        CompanyCommands.SetNormalizedNames(company);
        return company;
    }
}
