using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// One report received through a channel. Its content is only ever stored encrypted under the case key, which is
/// itself stored only sealed (<see cref="CaseRecipientEnvelope"/>, <see cref="ReporterEnvelope"/>). Dates are days,
/// and the id is random (not a version 7 GUID), so nothing stored tells the time of the submission more precisely.
/// </summary>
public sealed class GrievanceCase : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>Per organization, from a unique index with retry (DESIGN §9.12), never read-and-increment alone.</summary>
    public int Number { get; set; }

    public CaseStatus Status { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>Derived from the receipt by Argon2id (<c>ReporterAccessKey.LookupId</c>); unique per channel.</summary>
    public required byte[] LookupId { get; set; }

    /// <summary>The case key wrapped for the reporter (<c>ReporterEnvelope</c>).</summary>
    public required byte[] ReporterEnvelope { get; set; }

    /// <summary>The answers as one JSON document, encrypted with purpose <c>report</c>.</summary>
    public required byte[] Report { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public bool CanAcknowledge => Status == CaseStatus.Received;

    public bool CanClose => Status != CaseStatus.Closed;

    public bool CanReply => Status != CaseStatus.Closed;

    public void Acknowledge(DateOnly today)
    {
        if (!CanAcknowledge)
        {
            throw new InvalidOperationException($"A case that is {Status} cannot be acknowledged.");
        }

        Status = CaseStatus.Acknowledged;
        AcknowledgedOn = today;
    }

    public void Close(DateOnly today)
    {
        if (!CanClose)
        {
            throw new InvalidOperationException("The case is closed already.");
        }

        Status = CaseStatus.Closed;
        ClosedOn = today;
    }
}
