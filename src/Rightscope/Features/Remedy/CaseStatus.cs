namespace Rightscope.Features.Remedy;

/// <summary>Where a case stands. This slice has the first three states of the workflow.</summary>
public enum CaseStatus
{
    Received,
    Acknowledged,
    Closed,
}
