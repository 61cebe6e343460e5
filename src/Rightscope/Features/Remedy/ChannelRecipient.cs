using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>A case handler to whom every new case of a channel is sealed.</summary>
public sealed class ChannelRecipient : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid ChannelId { get; set; }

    public Guid UserId { get; set; }
}
