using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Data;

namespace Rightscope.Features.Assessments;

/// <summary>
/// An actual or potential adverse human rights impact recorded on an assessment (UNGP 12–14, 18, 24): a right from
/// the human-rights reference catalog, the affected groups, the involvement, and the severity dimensions the
/// engine rates. Only methodologies that declare an impact model take impacts.
/// </summary>
public sealed class SalientImpact : ITenantOwned
{
    public const int DescriptionMaxLength = 2000;

    public const int MaxGroups = 12;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid AssessmentId { get; set; }

    /// <summary>An entry key of the <c>human-rights</c> reference catalog, e.g. <c>privacy</c>.</summary>
    public required string RightKey { get; set; }

    /// <summary>Entry keys of the <c>affected-groups</c> reference catalog, as a JSON array.</summary>
    public string Groups { get; set; } = "[]";

    public Involvement Involvement { get; set; }

    public required string Description { get; set; }

    /// <summary>True for an impact that has occurred; false for a potential one, which carries a likelihood.</summary>
    public bool Actual { get; set; }

    public int Scale { get; set; }

    public int Scope { get; set; }

    public int Irremediability { get; set; }

    public int? Likelihood { get; set; }

    public Guid RecordedByUserId { get; set; }

    public DateTime RecordedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The engine's id for this impact: the id in its compact form, as derivation steps show it.</summary>
    public string EngineId => Id.ToString("N");

    public IReadOnlyList<string> GroupKeys => System.Text.Json.JsonSerializer.Deserialize<List<string>>(Groups) ?? [];

    public ImpactInput ToInput() =>
        new(EngineId, RightKey, GroupKeys, Involvement, Scale, Scope, Irremediability, Actual ? null : Likelihood, Actual);
}
