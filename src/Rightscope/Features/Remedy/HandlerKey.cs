using Rightscope.Core.Remedy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// A person's case key pair (<see cref="WrappedRecipientKey"/>): the X25519 public key in clear and the private key
/// wrapped by their account password (Argon2id) and by a recovery key shown once. Per person, not per organization:
/// the same key opens the cases of every channel they receive.
/// </summary>
public sealed class HandlerKey
{
    public Guid UserId { get; set; }

    public required byte[] PublicKey { get; set; }

    public required byte[] ByPassword { get; set; }

    public required byte[] ByRecoveryKey { get; set; }

    /// <summary>The Argon2id cost descriptor of <see cref="ByPassword"/> (also recorded inside the envelope).</summary>
    public required string Cost { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ChangedAt { get; set; }

    public WrappedRecipientKey ToWrapped() => new(RecipientPublicKey.FromBytes(PublicKey), ByPassword, ByRecoveryKey);
}
