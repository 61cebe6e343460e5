namespace Rightscope.Features.Remedy;

/// <summary>Which questions a channel asks.</summary>
public enum QuestionnaireKind
{
    /// <summary>A person harmed by a technology product or service.</summary>
    General,

    /// <summary>A human rights defender facing a threat or attack (SDG 16.10.1 categories plus digital threats).</summary>
    DefenderIncident,
}

public static class QuestionnaireKinds
{
    public static string ToCode(this QuestionnaireKind kind) => kind switch
    {
        QuestionnaireKind.General => "general",
        QuestionnaireKind.DefenderIncident => "defender-incident",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? code, out QuestionnaireKind kind)
    {
        foreach (var candidate in Enum.GetValues<QuestionnaireKind>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
