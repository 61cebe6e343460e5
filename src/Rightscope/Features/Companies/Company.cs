using Rightscope.Data;

namespace Rightscope.Features.Companies;

/// <summary>
/// A company in the organization's registry (DESIGN §9.3: the registry is per organization). Holdings are matched to
/// it by identifier, then by <see cref="NormalizedName"/> or <see cref="NormalizedAltName"/>.
/// </summary>
public sealed class Company : ITenantOwned
{
    public const int NameMaxLength = 300;
    public const int SectorMaxLength = 200;
    public const int ProductsMaxLength = 4000;
    public const int WebsiteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public string? NameEn { get; set; }

    public string? NameZhHans { get; set; }

    /// <summary><c>CompanyName.Normalize</c> of the English name, or of the Chinese one when there is no English name.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>The normalized Chinese name when both exist, so a holding named in either language matches.</summary>
    public string? NormalizedAltName { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }

    public string? Isin { get; set; }

    public string? Lei { get; set; }

    public string? Ticker { get; set; }

    public string? Sector { get; set; }

    /// <summary>Seed 001's exposure type: 1 specialised vendor, 2 diversified company, 3 dual-use producer; null unknown.</summary>
    public int? ExposureType { get; set; }

    /// <summary>Keys of the <c>surveillance-technologies</c> reference catalog, comma-separated.</summary>
    public string Technologies { get; set; } = "";

    public string? Products { get; set; }

    public string? Website { get; set; }

    /// <summary>Invented for the demo or for training; always shown as such (DESIGN §7).</summary>
    public bool Fictional { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public IReadOnlyList<string> TechnologyKeys => Technologies.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The name in <paramref name="language"/>, falling back to the other one.</summary>
    public string DisplayName(string language) =>
        (language.StartsWith("zh", StringComparison.Ordinal) ? NameZhHans ?? NameEn : NameEn ?? NameZhHans) ?? "";
}
