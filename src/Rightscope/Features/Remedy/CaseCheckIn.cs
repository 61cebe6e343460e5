using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A retaliation check-in after closure (<see cref="RetaliationCheckIns"/>): scheduled when the case is closed, then
/// recorded with a coarse result and an optional note encrypted under the case key.
/// </summary>
public sealed class CaseCheckIn : ITenantOwned
{
    public const int NoteMaxLength = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public DateOnly DueOn { get; set; }

    public CheckInResult? Result { get; set; }

    public DateOnly? RecordedOn { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public byte[]? Note { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public string Purpose => ContentPurpose.CheckIn(Id);
}
