namespace Rightscope.Features.Companies;

/// <summary>Resource marker for the company registry pages.</summary>
public sealed class CompaniesText;
