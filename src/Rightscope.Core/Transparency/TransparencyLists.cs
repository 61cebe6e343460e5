using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Rightscope.Core.Transparency;

/// <summary>What a government asks for (issue 6). Stored by name; codes are kebab-case (<c>user-data</c>). Append only.</summary>
public enum RequestType
{
    /// <summary>Disclosure of user data (subscriber information, metadata or content).</summary>
    UserData,

    /// <summary>Removal of, or restriction of access to, content.</summary>
    ContentRemoval,

    /// <summary>Suspension, restriction or closure of an account.</summary>
    AccountRestriction,

    /// <summary>Shutting down or throttling a network or service in an area.</summary>
    NetworkShutdown,

    /// <summary>Preserving data pending a further legal process.</summary>
    DataPreservation,

    /// <summary>Disclosure without the usual legal process because of an imminent danger of death or serious harm.</summary>
    EmergencyDisclosure,
}

/// <summary>The legal process a request came with. Stored by name; append only.</summary>
public enum LegalProcess
{
    /// <summary>An order or warrant issued by a judge or court.</summary>
    CourtOrder,

    /// <summary>A subpoena or similar compulsory demand not reviewed by a judge.</summary>
    Subpoena,

    /// <summary>An order of a government agency or regulator (not a court).</summary>
    AdministrativeOrder,

    /// <summary>A request from law enforcement or another authority without a compulsory legal instrument.</summary>
    InformalRequest,

    /// <summary>An emergency request (imminent danger of death or serious physical harm).</summary>
    EmergencyRequest,

    /// <summary>A request under a mutual legal assistance treaty from another State.</summary>
    MutualLegalAssistance,

    /// <summary>Another or unknown process.</summary>
    Other,
}

/// <summary>What the organization decided about a request. Stored by name; append only.</summary>
public enum RequestDecision
{
    /// <summary>Not decided yet: counted as received, not as an outcome.</summary>
    Pending,

    CompliedFully,

    CompliedPartially,

    Rejected,

    ChallengedInCourt,
}

/// <summary>An answer of the assessment checklist; a question not answered yet is null.</summary>
public enum ChecklistAnswer
{
    Yes,
    No,
    Unclear,
}

/// <summary>Kebab-case codes of the fixed lists, as forms, files and exports write them.</summary>
public static class TransparencyCodes
{
    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Every code of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Codes<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(Code)];

    /// <summary>
    /// Parses a code in any case; spaces and underscores count as hyphens, so <c>User data</c> and <c>USER_DATA</c> are
    /// <c>user-data</c>. Numbers are refused (an enum's number is not a code).
    /// </summary>
    public static bool TryParse<TEnum>([NotNullWhen(true)] string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = string.Join('-', text.Trim().ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Code(candidate) == normalized)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }
}
