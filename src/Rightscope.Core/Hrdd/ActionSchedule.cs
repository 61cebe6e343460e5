namespace Rightscope.Core.Hrdd;

/// <summary>What kind of action an action plan entry is (UNGP 19). Stored by name; append new values at the end.</summary>
public enum ActionKind
{
    Prevention,
    Mitigation,
    Remediation,

    /// <summary>Using or increasing leverage over a business relationship (UNGP 19(b)); names the relationship.</summary>
    Leverage,
}

/// <summary>Where an action stands. Stored by name; append new values at the end.</summary>
public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>The business function that owns an action; <see cref="Other"/> names its own.</summary>
public enum ActionFunction
{
    Engineering,
    Product,
    Policy,
    Legal,
    Sales,
    Procurement,
    HumanResources,
    TrustAndSafety,
    Other,
}

public static class ActionSchedule
{
    /// <summary>An action is overdue when it is neither done nor cancelled and its due date is before today.</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly dueOn, DateOnly today) =>
        status is not (ActionStatus.Done or ActionStatus.Cancelled) && dueOn < today;

    /// <summary>The kebab-case code forms and URLs use: <c>InProgress</c> → <c>in-progress</c>.</summary>
    public static string Code<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>Parses a <see cref="Code{T}"/> code (any case); false for anything else, numbers included.</summary>
    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var trimmed = code.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Code(candidate), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }
}
