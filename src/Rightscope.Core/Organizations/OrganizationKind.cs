namespace Rightscope.Core.Organizations;

/// <summary>The kind of an organization (tenant); every module is open to every kind, the kind only orders the navigation.</summary>
public enum OrganizationKind
{
    Investor,
    Company,
    CivilSociety,
    PublicBody,
}

public static class OrganizationKinds
{
    private static readonly Dictionary<string, OrganizationKind> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["investor"] = OrganizationKind.Investor,
        ["company"] = OrganizationKind.Company,
        ["civil-society"] = OrganizationKind.CivilSociety,
        ["public-body"] = OrganizationKind.PublicBody,
    };

    /// <summary>The codes accepted on the command line and in forms, in display order.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["investor", "company", "civil-society", "public-body"];

    public static string ToCode(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.Investor => "investor",
        OrganizationKind.Company => "company",
        OrganizationKind.CivilSociety => "civil-society",
        OrganizationKind.PublicBody => "public-body",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? code, out OrganizationKind kind)
    {
        kind = default;
        return code is not null && ByCode.TryGetValue(code.Trim(), out kind);
    }
}
