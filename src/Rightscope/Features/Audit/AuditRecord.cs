namespace Rightscope.Features.Audit;

/// <summary>Who did something: a signed-in person, a command-line operator, or Rightscope itself.</summary>
public sealed record AuditActor(string? Id, string Display)
{
    public static AuditActor System { get; } = new(null, "system");

    public static AuditActor Person(Guid userId, string? email) => new(userId.ToString("N"), email ?? userId.ToString("N"));

    public static AuditActor CommandLine() => new(null, $"cli:{Environment.UserName}");
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
