using Rightscope.Features.Companies;

namespace Rightscope.Features.Api;

/// <summary>A page of registry companies ordered by normalized name; <c>totalCount</c> counts every match of the filters.</summary>
public sealed record CompanyList(IReadOnlyList<CompanyDocument> Items, int Page, int PageSize, int TotalCount);

/// <summary>A registry company. <c>exposureType</c> is seed 001's 1, 2 or 3, null when unknown; <c>technologies</c> are keys of the surveillance-technologies catalog.</summary>
public sealed record CompanyDocument(
    Guid Id,
    string? NameEn,
    string? NameZhHans,
    string? Country,
    string? Isin,
    string? Lei,
    string? Ticker,
    string? Sector,
    int? ExposureType,
    IReadOnlyList<string> Technologies,
    string? Products,
    string? Website,
    bool Fictional,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid Version)
{
    public static CompanyDocument From(Company c) => new(
        c.Id, c.NameEn, c.NameZhHans, c.Country, c.Isin, c.Lei, c.Ticker, c.Sector, c.ExposureType, c.TechnologyKeys,
        c.Products, c.Website, c.Fictional, c.CreatedAt, c.UpdatedAt, c.ConcurrencyToken);
}

/// <summary>
/// A new company, validated as the registry form validates it: a name in at least one language; ISIN and LEI with
/// their check digits, unique in the organization; country ISO 3166 (alpha-2 or alpha-3); <c>exposureType</c>
/// "1", "2", "3" or "unknown"; website http(s).
/// </summary>
public sealed record CreateCompanyRequest(
    string? NameEn,
    string? NameZhHans,
    string? Country,
    string? Isin,
    string? Lei,
    string? Ticker,
    string? Sector,
    string? ExposureType,
    IReadOnlyList<string>? Technologies,
    string? Products,
    string? Website,
    bool Fictional);

/// <summary>
/// Merges <c>duplicate</c> into the company of the URL. <c>survivorVersion</c> and <c>duplicateVersion</c> are the two
/// companies' <c>version</c> as last read, so a company changed since is not merged blind.
/// </summary>
public sealed record MergeCompanyRequest(Guid? Duplicate, Guid? SurvivorVersion, Guid? DuplicateVersion);
