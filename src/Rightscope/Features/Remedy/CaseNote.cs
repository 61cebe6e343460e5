using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>A handler's internal note on a case, encrypted under the case key and never shown to the reporter.</summary>
public sealed class CaseNote : ITenantOwned
{
    public const int MaxLength = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public Guid AuthorUserId { get; set; }

    public DateOnly WrittenOn { get; set; }

    public required byte[] Body { get; set; }

    public string Purpose => Core.Remedy.ContentPurpose.Note(Id);
}
