namespace Rightscope.Core.Remedy;

/// <summary>
/// The reference-catalog entry of each referral mechanism and remedy type: <c>catalog/reference/remedy-mechanisms.yaml</c>
/// and <c>remedy-types.yaml</c> hold their wording (the labels shown are the catalog's titles), the enums their stored
/// values. A test holds the two to one entry per value, both ways.
/// </summary>
public static class RemedyCatalog
{
    public const string MechanismsKey = "remedy-mechanisms";

    public const string TypesKey = "remedy-types";

    public static string CatalogKey(this ReferralMechanism mechanism) => mechanism switch
    {
        ReferralMechanism.Court => "domestic-courts",
        ReferralMechanism.NationalContactPoint => "oecd-national-contact-point",
        ReferralMechanism.DataProtectionAuthority => "data-protection-authority",
        ReferralMechanism.NationalHumanRightsInstitution => "national-human-rights-institution",
        ReferralMechanism.Ombudsperson => "ombudsperson",
        ReferralMechanism.IndustryOrMultiStakeholderMechanism => "industry-mechanism",
        ReferralMechanism.AnotherCompany => "another-company",
        ReferralMechanism.HomeStateCourts => "home-state-courts",
        ReferralMechanism.RegionalHumanRightsCourts => "regional-human-rights-courts",
        ReferralMechanism.InformationPrivacyCommissioner => "information-privacy-commissioner",
        ReferralMechanism.SurveillanceOversightBody => "surveillance-oversight-body",
        ReferralMechanism.LicensingAndExportControlAuthority => "licensing-and-export-control-authority",
        ReferralMechanism.ProductAndProfessionalStandardsBody => "product-and-professional-standards-body",
        ReferralMechanism.UnSpecialProcedures => "un-special-procedures",
        ReferralMechanism.UnTreatyBodies => "un-treaty-bodies",
        ReferralMechanism.OperationalGrievanceMechanism => "operational-grievance-mechanism",
        ReferralMechanism.SupplierWorkerHotline => "supplier-worker-hotline",
        ReferralMechanism.MultistakeholderInitiative => "multistakeholder-initiative",
        ReferralMechanism.IndependentOversightBody => "independent-oversight-body",
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "not a referral mechanism"),
    };

    public static string CatalogKey(this RemedyType type) => type switch
    {
        RemedyType.Apology => "apology",
        RemedyType.Restitution => "restitution",
        RemedyType.Compensation => "financial-compensation",
        RemedyType.Rehabilitation => "rehabilitation",
        RemedyType.ProductOrPolicyChange => "product-or-policy-change",
        RemedyType.GuaranteeOfNonRepetition => "guarantees-of-non-repetition",
        RemedyType.NonFinancialCompensation => "non-financial-compensation",
        RemedyType.PunitiveSanctions => "punitive-sanctions",
        RemedyType.InjunctionAndCessation => "injunction-and-cessation",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a remedy type"),
    };
}
