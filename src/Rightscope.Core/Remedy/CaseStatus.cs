namespace Rightscope.Core.Remedy;

/// <summary>
/// Where a case stands in its handling (issue 5, "Case management"). Stored by name, so values may be added but never
/// renamed.
/// </summary>
public enum CaseStatus
{
    Received,
    Acknowledged,
    UnderAssessment,
    Referred,
    Investigating,
    RemedyProposed,
    Closed,
}
