namespace Rightscope.Core.Benchmark;

/// <summary>
/// Who a company of a benchmark edition is, independent of its name: the registry company's id (stable within the
/// publishing organization), and its LEI and ISIN when the registry knows them (stable everywhere). Year-over-year
/// change follows this identity, so a renamed company keeps its change and a namesake never inherits another's.
/// </summary>
public sealed record CompanyIdentity(string Id, string? Lei, string? Isin)
{
    public bool SameAs(CompanyIdentity other) =>
        string.Equals(Id, other.Id, StringComparison.Ordinal)
        || (Lei is not null && string.Equals(Lei, other.Lei, StringComparison.Ordinal))
        || (Isin is not null && string.Equals(Isin, other.Isin, StringComparison.Ordinal));

    /// <summary>The registry id as published: 32 lower-case hex digits.</summary>
    public static string Of(Guid companyId) => companyId.ToString("N");
}
