using Rightscope.Core.Companies;
using Rightscope.Features.Companies;

namespace Rightscope.Features.Portfolios;

/// <summary>
/// Finds the registry company of a holding: by ISIN, then LEI, then ticker and country, then normalized name. A key
/// that two companies share (two companies with the same normalized name) matches neither: the analyst decides.
/// </summary>
public sealed class CompanyMatcher
{
    private readonly Dictionary<string, Guid?> _isin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid?> _lei = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid?> _tickerCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid?> _name = new(StringComparer.Ordinal);

    public CompanyMatcher(IEnumerable<Company> companies)
    {
        foreach (var company in companies)
        {
            Add(_isin, company.Isin, company.Id);
            Add(_lei, company.Lei, company.Id);
            Add(_tickerCountry, company.Ticker is null || company.Country is null ? null : $"{company.Ticker}|{company.Country}", company.Id);
            Add(_name, company.NormalizedName, company.Id);
            if (company.NormalizedAltName != company.NormalizedName)
            {
                Add(_name, company.NormalizedAltName, company.Id);
            }
        }
    }

    public Guid? Match(string? isin, string? lei, string? ticker, string? country, string? name) =>
        Find(_isin, isin)
        ?? Find(_lei, lei)
        ?? Find(_tickerCountry, ticker is null || country is null ? null : $"{ticker}|{country}")
        ?? Find(_name, CompanyName.Normalize(name));

    private static void Add(Dictionary<string, Guid?> index, string? key, Guid id)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        index[key] = index.TryGetValue(key, out var existing) && existing != id ? null : id;
    }

    private static Guid? Find(Dictionary<string, Guid?> index, string? key) =>
        !string.IsNullOrEmpty(key) && index.TryGetValue(key, out var id) ? id : null;
}
