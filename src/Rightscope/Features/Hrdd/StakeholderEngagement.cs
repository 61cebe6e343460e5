using Rightscope.Core.Hrdd;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>How an engagement was held. Stored by name; append new values at the end.</summary>
public enum EngagementFormat
{
    Meeting,
    Consultation,
    Survey,
    Workshop,
    FieldVisit,
    WrittenSubmission,
    Other,
}

/// <summary>Who was engaged (000 §39, §42). Stored by name in a comma-separated list; append new values at the end.</summary>
public enum StakeholderType
{
    AffectedPeople,
    HumanRightsDefenders,
    CivilSociety,
    Experts,
    Workers,
    Users,
}

/// <summary>
/// One entry of the stakeholder engagement log (UNGP 18(b), 20(b)): when and how the organization engaged whom, where,
/// on which topics, how the input changed its decisions, and what it promised to follow up.
/// </summary>
public sealed class StakeholderEngagement : ITenantOwned
{
    public const int TopicsMaxLength = 2000;

    public const int TextMaxLength = 4000;

    public const int MaxOrganizations = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public DateOnly HeldOn { get; set; }

    public EngagementFormat Format { get; set; }

    /// <summary>The stakeholder types, as a comma-separated list of <see cref="StakeholderType"/> names.</summary>
    public string StakeholderTypes { get; set; } = "";

    public StakeholderRegion Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2, when the engagement concerned one country.</summary>
    public string? CountryCode { get; set; }

    /// <summary>Derived from region and country by <see cref="StakeholderRegions.IsGlobalSouth(StakeholderRegion, string?)"/> on every save.</summary>
    public bool GlobalSouth { get; set; }

    public string Topics { get; set; } = "";

    public string DecisionsChanged { get; set; } = "";

    public string FollowUps { get; set; } = "";

    public DateOnly? FollowUpDueOn { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public IReadOnlyList<StakeholderType> Types =>
        [.. StakeholderTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Enum.TryParse<StakeholderType>(t, out var type) ? type : (StakeholderType?)null).OfType<StakeholderType>()];
}

/// <summary>A stakeholder organization engaged, with its counting key (<see cref="StakeholderNames.Normalize"/>).</summary>
public sealed class StakeholderEngagementParty : ITenantOwned
{
    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }

    public required string NormalizedName { get; set; }
}

/// <summary>A salient issue an engagement's topics concerned.</summary>
public sealed class StakeholderEngagementIssue : ITenantOwned
{
    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    public Guid SalientIssueId { get; set; }
}
