using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>One transition of a case's workflow as it happened: from, action, to, the day, and who.</summary>
public sealed class CaseStep : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public CaseStatus From { get; set; }

    public CaseAction Action { get; set; }

    public CaseStatus To { get; set; }

    public DateOnly On { get; set; }

    public Guid ByUserId { get; set; }
}
