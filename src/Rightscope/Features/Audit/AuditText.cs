namespace Rightscope.Features.Audit;

/// <summary>Resource marker for the texts of the audit pages.</summary>
public sealed class AuditText;
