using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A reminder to one handler that a deadline of a case is due soon or overdue. It holds no case content, not even
/// triage: only the organization, the person, the case number, which deadline, its due day and the day the reminder
/// was made (plus when it was read). One per person, case, deadline and due day, by a unique index, so the job
/// that makes them can run twice or on two instances at once.
/// </summary>
public sealed class CaseReminder : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The case's number in its organization (no foreign key: the number is all a reminder needs to say).</summary>
    public int CaseNumber { get; set; }

    public DeadlineKind Kind { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly CreatedOn { get; set; }

    public DateOnly? ReadOn { get; set; }
}
