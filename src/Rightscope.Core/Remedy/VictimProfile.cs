namespace Rightscope.Core.Remedy;

/// <summary>Who committed the violation, as SDG 16.10.1 tabulates it (issue 5's defender questionnaire).</summary>
public enum PerpetratorType
{
    State,
    NonState,
    Unknown,
}

/// <summary>The victim's sex, coarse by design; "prefer not to say" is left unset.</summary>
public enum VictimSex
{
    Female,
    Male,
    Other,
}

/// <summary>The victim's age band, the bands of the defender questionnaire; "prefer not to say" is left unset.</summary>
public enum AgeBand
{
    Under18,
    From18To29,
    From30To44,
    From45To59,
    SixtyOrOlder,
}

/// <summary>
/// The codes the defender questionnaire uses for the same values (<c>state</c>, <c>18-29</c>…), so a handler's
/// triage can be prefilled from the answers and both share one set of labels.
/// </summary>
public static class VictimProfileCodes
{
    public static string ToCode(this PerpetratorType value) => value switch
    {
        PerpetratorType.State => "state",
        PerpetratorType.NonState => "non-state",
        PerpetratorType.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToCode(this VictimSex value) => value switch
    {
        VictimSex.Female => "female",
        VictimSex.Male => "male",
        VictimSex.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToCode(this AgeBand value) => value switch
    {
        AgeBand.Under18 => "under-18",
        AgeBand.From18To29 => "18-29",
        AgeBand.From30To44 => "30-44",
        AgeBand.From45To59 => "45-59",
        AgeBand.SixtyOrOlder => "60-plus",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
