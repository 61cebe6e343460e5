namespace Rightscope.Core.Remedy;

/// <summary>Where a case can be referred (seed 000 §58–59; UNGP 25–31: judicial, State-based and non-State mechanisms).</summary>
public enum ReferralMechanism
{
    Court,
    NationalContactPoint,
    DataProtectionAuthority,
    NationalHumanRightsInstitution,
    Ombudsperson,
    IndustryOrMultiStakeholderMechanism,
    AnotherCompany,
}

public enum ReferralStatus
{
    Planned,
    Sent,
    Accepted,
    Declined,
    Concluded,
}

/// <summary>Whether the organization keeps handling the case alongside the other mechanism, or leaves it to it.</summary>
public enum ReferralMode
{
    Parallel,
    Instead,
}
