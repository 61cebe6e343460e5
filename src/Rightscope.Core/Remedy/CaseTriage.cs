namespace Rightscope.Core.Remedy;

/// <summary>
/// The kind of concern a case raises, coarse by design: triage metadata is stored in clear, so it must say what sort
/// of case it is and never what happened.
/// </summary>
public enum CaseCategory
{
    ProductHarm,
    PrivacyAndData,
    Surveillance,
    Discrimination,
    FreedomOfExpression,
    OnlineHarassment,
    Labour,
    ThreatToDefender,
    Other,
}

public enum CaseUrgency
{
    Normal,
    High,
    Critical,
}
