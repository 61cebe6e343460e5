using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A referral of a case to another mechanism (seed 000 §58–59). Mechanism, status, mode and days are plaintext
/// metadata; what was sent and what came of it is encrypted under the case key.
/// </summary>
public sealed class CaseReferral : ITenantOwned
{
    public const int DetailsMaxLength = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public ReferralMechanism Mechanism { get; set; }

    public ReferralMode Mode { get; set; }

    public ReferralStatus Status { get; set; }

    public DateOnly RecordedOn { get; set; }

    /// <summary>The day the status last changed.</summary>
    public DateOnly StatusOn { get; set; }

    public required byte[] Details { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public string Purpose => ContentPurpose.Referral(Id);
}
