namespace Rightscope.Features.Assessments;

/// <summary>Resource marker for the assessment pages.</summary>
public sealed class AssessmentsText;
