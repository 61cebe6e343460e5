using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>The case key sealed to one handler's public key (<c>SealedBox</c>).</summary>
public sealed class CaseRecipientEnvelope : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    public Guid UserId { get; set; }

    public required byte[] SealedKey { get; set; }
}
