using Rightscope.Features.Assessments;

namespace Rightscope.Features.Companies;

/// <summary>The company form's fields, shared by the new and edit pages (<c>_CompanyFields</c>).</summary>
public sealed class CompanyForm
{
    public string? NameEn { get; set; }

    public string? NameZhHans { get; set; }

    public string? Country { get; set; }

    public string? Isin { get; set; }

    public string? Lei { get; set; }

    public string? Ticker { get; set; }

    public string? Sector { get; set; }

    public string? ExposureType { get; set; }

    public List<string> Technologies { get; set; } = [];

    public string? Products { get; set; }

    public string? Website { get; set; }

    public bool Fictional { get; set; }

    /// <summary>The concurrency token the edit form was shown with.</summary>
    public Guid? Version { get; set; }

    public CompanyInput ToInput() =>
        new(NameEn, NameZhHans, Country, Isin, Lei, Ticker, Sector, ExposureType, Technologies, Products, Website, Fictional);

    public static CompanyForm From(Company c) => new()
    {
        NameEn = c.NameEn,
        NameZhHans = c.NameZhHans,
        Country = c.Country,
        Isin = c.Isin,
        Lei = c.Lei,
        Ticker = c.Ticker,
        Sector = c.Sector,
        ExposureType = c.ExposureType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown",
        Technologies = [.. c.TechnologyKeys],
        Products = c.Products,
        Website = c.Website,
        Fictional = c.Fictional,
        Version = c.ConcurrencyToken,
    };

    /// <summary>A command's field key as this form names it: <c>isin</c> → <c>Input.Isin</c>.</summary>
    public static string Field(string key) => AssessmentCommandPage.InputField(key);
}
