namespace Rightscope.Features.Hrdd;

/// <summary>Where the organization stands with a salient issue. Stored by name; append new values at the end.</summary>
public enum SalientIssueStatus
{
    /// <summary>Identified and rated, no action plan yet.</summary>
    Identified,

    /// <summary>Actions to prevent, mitigate or remediate it are under way.</summary>
    Addressing,

    /// <summary>Actions are done; indicators are tracked to see whether they worked.</summary>
    Monitoring,

    /// <summary>No longer salient (the activity ended or the risk was removed), kept for the record.</summary>
    Closed,
}
