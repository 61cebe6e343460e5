namespace Rightscope.Core.Remedy;

/// <summary>
/// Where a case can be referred (seed 000 §58–59; UNGP 25–31: judicial, State-based and non-State mechanisms): one value
/// per entry of the <c>remedy-mechanisms</c> reference catalog (<see cref="RemedyCatalog"/>). Values are stored by
/// name, so a name never changes and new values are added at the end.
/// </summary>
public enum ReferralMechanism
{
    Court,
    NationalContactPoint,
    DataProtectionAuthority,
    NationalHumanRightsInstitution,
    Ombudsperson,
    IndustryOrMultiStakeholderMechanism,
    AnotherCompany,
    HomeStateCourts,
    RegionalHumanRightsCourts,
    InformationPrivacyCommissioner,
    SurveillanceOversightBody,
    LicensingAndExportControlAuthority,
    ProductAndProfessionalStandardsBody,
    UnSpecialProcedures,
    UnTreatyBodies,
    OperationalGrievanceMechanism,
    SupplierWorkerHotline,
    MultistakeholderInitiative,
    IndependentOversightBody,
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
