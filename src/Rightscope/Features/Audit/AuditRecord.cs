using System.Security.Claims;

namespace Rightscope.Features.Audit;

/// <summary>Who did something: a signed-in person, a command-line operator, or Rightscope itself.</summary>
public sealed record AuditActor(string? Id, string Display)
{
    public static AuditActor System { get; } = new(null, "system");

    public static AuditActor Person(Guid userId, string? email) => new(userId.ToString("N"), email ?? userId.ToString("N"));

    public static AuditActor CommandLine() => new(null, $"cli:{Environment.UserName}");

    /// <summary>An API token: named by its id and public prefix, never by its secret; a token is not a person.</summary>
    public static AuditActor ApiToken(Guid tokenId, string prefix) => new($"api-token:{tokenId:N}", $"api-token:{prefix}");

    /// <summary>The signed-in user of a request, from the claims of the session cookie.</summary>
    public static AuditActor SignedIn(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? Person(id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name)
            : throw new InvalidOperationException("The request has no signed-in user.");
}

/// <summary>
/// What one command changed, written as one audit entry. <see cref="Summary"/> describes the change
/// ("role: viewer → analyst") without confidential content.
/// </summary>
public sealed record AuditRecord(
    Guid? OrganizationId,
    AuditActor Actor,
    string Action,
    string? TargetType,
    string? TargetId,
    string Summary);
