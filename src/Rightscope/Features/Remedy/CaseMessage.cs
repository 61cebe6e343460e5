using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>Who wrote a message: part of the message's encryption purpose, so the direction cannot be flipped.</summary>
public enum MessageAuthor
{
    Reporter,
    Handler,
}

/// <summary>A message between the reporter and the handlers, encrypted under the case key.</summary>
public sealed class CaseMessage : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Order within the case (dates are days only); unique per case, allocated with retry.</summary>
    public int Sequence { get; set; }

    public MessageAuthor Author { get; set; }

    /// <summary>The handler who wrote it; null for the reporter.</summary>
    public Guid? AuthorUserId { get; set; }

    public required byte[] Body { get; set; }

    public DateOnly SentOn { get; set; }

    public string Purpose => Core.Remedy.ContentPurpose.Message(Id, Author == MessageAuthor.Reporter ? "reporter" : "handler");
}
