using Rightscope.Data;

namespace Rightscope.Features.Indicators;

/// <summary>
/// A named set of indicator values the organization imported (e.g. "ITU 2024"). Importing again under the same name
/// replaces its values as a whole; where two datasets give a value for the same indicator, country, year and
/// breakdown, the more recently imported one is shown.
/// </summary>
public sealed class IndicatorDataset : ITenantOwned
{
    public const int NameMaxLength = 100;

    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    public required string SourceFileName { get; set; }

    public int RowCount { get; set; }

    public int CountryCount { get; set; }

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    public DateTime ImportedAt { get; set; }

    /// <summary>
    /// Synthetic values (the demo's): every page that shows values while such a dataset exists says they are
    /// illustrative, not real statistics (DESIGN §7).
    /// </summary>
    public bool Illustrative { get; set; }

    /// <summary>Whoever imported it, as the audit trail names them.</summary>
    public required string ImportedBy { get; set; }

    /// <summary>
    /// When a member who may publish released it; null is a draft. Only published datasets feed the indicator, index
    /// and country pages and the index scores; an import that replaces the values makes the dataset a draft again.
    /// </summary>
    public DateTime? PublishedAt { get; set; }
}

/// <summary>One value of a dataset: indicator, country (ISO alpha-2), year and breakdown (empty parts are totals).</summary>
public sealed class IndicatorValue : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid DatasetId { get; set; }

    public required string IndicatorKey { get; set; }

    public required string Country { get; set; }

    public int Year { get; set; }

    public double Value { get; set; }

    public required string Unit { get; set; }

    public string Sex { get; set; } = "";

    public string AgeGroup { get; set; } = "";

    public string Location { get; set; } = "";

    public string Disability { get; set; } = "";

    public string Source { get; set; } = "";

    public Core.Indicators.Breakdown Breakdown => new(Sex, AgeGroup, Location, Disability);
}
