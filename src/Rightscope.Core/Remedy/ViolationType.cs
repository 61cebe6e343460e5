namespace Rightscope.Core.Remedy;

/// <summary>
/// What was done to the victim, as SDG 16.10.1 tabulates it (killing, enforced disappearance, torture, arbitrary
/// detention, kidnapping, other harmful acts) plus the digital threats of seed 002: the list of the defender
/// questionnaire. A case may record several.
/// </summary>
public enum ViolationType
{
    Killing,
    EnforcedDisappearance,
    Torture,
    ArbitraryDetention,
    Kidnapping,
    OtherHarmfulAct,
    Spyware,
    TargetedSurveillance,
    AccountHacking,
    Doxxing,
    OnlineHarassment,
    InternetShutdown,
}

/// <summary>The defender questionnaire's codes for <see cref="ViolationType"/> (<c>enforced-disappearance</c>…), which also name its labels.</summary>
public static class ViolationTypeCodes
{
    public static string ToCode(this ViolationType value) => value switch
    {
        ViolationType.Killing => "killing",
        ViolationType.EnforcedDisappearance => "enforced-disappearance",
        ViolationType.Torture => "torture",
        ViolationType.ArbitraryDetention => "arbitrary-detention",
        ViolationType.Kidnapping => "kidnapping",
        ViolationType.OtherHarmfulAct => "other-harmful-act",
        ViolationType.Spyware => "spyware",
        ViolationType.TargetedSurveillance => "targeted-surveillance",
        ViolationType.AccountHacking => "account-hacking",
        ViolationType.Doxxing => "doxxing",
        ViolationType.OnlineHarassment => "online-harassment",
        ViolationType.InternetShutdown => "internet-shutdown",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>The type a questionnaire code names, or null for anything else ("prefer not to say", unknown codes).</summary>
    public static ViolationType? FromCode(string? code) =>
        Enum.GetValues<ViolationType>().Cast<ViolationType?>().FirstOrDefault(v => v!.Value.ToCode() == code);
}
