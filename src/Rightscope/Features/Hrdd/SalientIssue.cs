using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// A salient human rights issue of the organization's own activities (UNGP Reporting Framework part B, UNGP 24): a right
/// from the human-rights catalog, the affected groups, the product or service and the market where it arises, how the
/// organization is involved, and the severity dimensions the engine rates. The register orders issues by that severity.
/// </summary>
public sealed class SalientIssue : ITenantOwned
{
    public const int TitleMaxLength = 300;

    public const int DescriptionMaxLength = 4000;

    public const int ProductMaxLength = 200;

    public const int MaxGroups = 12;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    /// <summary>A short name for the issue as the organization reports it, e.g. "Privacy of users' location data".</summary>
    public required string Title { get; set; }

    /// <summary>An entry key of the <c>human-rights</c> reference catalog, e.g. <c>privacy</c>.</summary>
    public required string RightKey { get; set; }

    /// <summary>Entry keys of the <c>affected-groups</c> reference catalog, as a JSON array.</summary>
    public string Groups { get; set; } = "[]";

    /// <summary>The product or service the issue arises from; null when it concerns the whole company.</summary>
    public string? Product { get; set; }

    /// <summary>The market (ISO 3166-1 alpha-2) where the issue arises; null when it is not tied to one country.</summary>
    public string? CountryCode { get; set; }

    public Involvement Involvement { get; set; }

    public string Description { get; set; } = "";

    /// <summary>True for an impact that has occurred; false for a potential one, which carries a likelihood.</summary>
    public bool Actual { get; set; }

    public int Scale { get; set; }

    public int Scope { get; set; }

    public int Irremediability { get; set; }

    public int? Likelihood { get; set; }

    public SalientIssueStatus Status { get; set; } = SalientIssueStatus.Identified;

    /// <summary>The member who owns the issue inside the organization; null when nobody is named yet.</summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>The HRIA project that identified the issue, when one did.</summary>
    public Guid? HriaProjectId { get; set; }

    /// <summary>The salient impact of an assessment the issue was drawn from, when it was.</summary>
    public Guid? SourceImpactId { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    /// <summary>The engine's id for this issue: the id in its compact form.</summary>
    public string EngineId => Id.ToString("N");

    public IReadOnlyList<string> GroupKeys => System.Text.Json.JsonSerializer.Deserialize<List<string>>(Groups) ?? [];

    public ImpactInput ToInput() =>
        new(EngineId, RightKey, GroupKeys, Involvement, Scale, Scope, Irremediability, Actual ? null : Likelihood, Actual);
}
