using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>One remedy provided or agreed in a case: its type and day in clear, what it consists of encrypted.</summary>
public sealed class CaseRemedyOutcome : ITenantOwned
{
    public const int DescriptionMaxLength = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public RemedyType Type { get; set; }

    /// <summary>The day the remedy was provided or agreed, as the handler gives it.</summary>
    public DateOnly On { get; set; }

    public Guid RecordedByUserId { get; set; }

    public required byte[] Description { get; set; }

    public string Purpose => ContentPurpose.RemedyOutcome(Id);
}
