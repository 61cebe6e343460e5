using Rightscope.Core.Companies;

namespace Rightscope.Features.Companies;

/// <summary>The registry search every page shares: a name in either language (normalized, contains) or an exact ISIN, LEI or ticker.</summary>
public static class CompanySearch
{
    public static IQueryable<Company> Matching(this IQueryable<Company> companies, string query)
    {
        var name = CompanyName.Normalize(query);
        var code = query.Trim().ToUpperInvariant();
        return companies.Where(c =>
            (name.Length > 0 && (c.NormalizedName.Contains(name) || (c.NormalizedAltName != null && c.NormalizedAltName.Contains(name))))
            || c.Isin == code || c.Lei == code || c.Ticker == code);
    }
}
