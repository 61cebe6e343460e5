namespace Rightscope.Core.Accounts;

/// <summary>A member's role in one organization (DESIGN §9.2). Roles are per organization, never global.</summary>
public enum Role
{
    Owner,
    Analyst,
    Reviewer,
    CaseHandler,
    Viewer,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = [Role.Owner, Role.Analyst, Role.Reviewer, Role.CaseHandler, Role.Viewer];

    public static string ToCode(this Role role) => role switch
    {
        Role.Owner => "owner",
        Role.Analyst => "analyst",
        Role.Reviewer => "reviewer",
        Role.CaseHandler => "case-handler",
        Role.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? code, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
