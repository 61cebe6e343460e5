using Rightscope.Core.Hrdd;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// One entry of the organization's action plans (UNGP 19): an action to prevent, mitigate or remediate a salient
/// issue, or to use leverage over a business relationship, with an owner, a function, a due date and a status.
/// </summary>
public sealed class DueDiligenceAction : ITenantOwned
{
    public const int TitleMaxLength = 300;

    public const int DescriptionMaxLength = 4000;

    public const int RelationshipMaxLength = 200;

    public const int FunctionOtherMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    public ActionKind Kind { get; set; }

    /// <summary>The business relationship a leverage action works on (a supplier, customer, partner); null for the other kinds.</summary>
    public string? RelationshipName { get; set; }

    public Guid? OwnerUserId { get; set; }

    public ActionFunction Function { get; set; }

    /// <summary>The function's name when <see cref="Function"/> is <see cref="ActionFunction.Other"/>.</summary>
    public string? FunctionOther { get; set; }

    public DateOnly DueOn { get; set; }

    public ActionStatus Status { get; set; } = ActionStatus.Planned;

    /// <summary>When a done action was completed; null for the other statuses.</summary>
    public DateOnly? CompletedOn { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public bool IsOverdue(DateOnly today) => ActionSchedule.IsOverdue(Status, DueOn, today);
}

/// <summary>A salient issue an action addresses (many-to-many).</summary>
public sealed class DueDiligenceActionIssue : ITenantOwned
{
    public Guid OrganizationId { get; set; }

    public Guid ActionId { get; set; }

    public Guid SalientIssueId { get; set; }
}
