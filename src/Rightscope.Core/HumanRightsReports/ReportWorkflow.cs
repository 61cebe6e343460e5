namespace Rightscope.Core.HumanRightsReports;

/// <summary>Where a human rights report stands. Stored by name; append new values at the end.</summary>
public enum ReportStatus
{
    /// <summary>Being written; the only status in which narratives may change.</summary>
    Draft,

    /// <summary>Handed in for review; waiting for someone who did not write it.</summary>
    Submitted,

    /// <summary>Approved by a second person; ready for publication.</summary>
    Approved,

    /// <summary>Public, as the snapshot frozen at publication.</summary>
    Published,

    /// <summary>Taken down after publication; the snapshot stays for the record, the public page is gone.</summary>
    Withdrawn,
}

/// <summary>Why a transition of a report was refused.</summary>
public enum ReportFailure
{
    /// <summary>The transition does not start from the report's current status.</summary>
    InvalidTransition,

    /// <summary>Someone who wrote or submitted the report tried to approve it (four eyes).</summary>
    ReviewerIsAuthor,

    /// <summary>A section the framework requires is empty.</summary>
    RequiredSectionsEmpty,
}

/// <summary>The status after a transition, or why it was refused (the status is then unchanged).</summary>
public readonly record struct ReportTransition(ReportStatus Status, ReportFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static ReportTransition To(ReportStatus status) => new(status, null);

    public static ReportTransition Refused(ReportStatus unchanged, ReportFailure failure) => new(unchanged, failure);
}

/// <summary>
/// The report workflow: draft → submitted → approved → published → withdrawn. Approval needs a person who neither
/// submitted the report nor wrote any of its sections, and no empty required section. A submitted, approved or
/// withdrawn report may return to draft to be changed; a published one is withdrawn first, so the public text never
/// changes silently.
/// </summary>
public static class ReportWorkflow
{
    public static bool CanEdit(ReportStatus status) => status == ReportStatus.Draft;

    public static ReportTransition Submit(ReportStatus current) =>
        current == ReportStatus.Draft ? ReportTransition.To(ReportStatus.Submitted) : ReportTransition.Refused(current, ReportFailure.InvalidTransition);

    /// <param name="authors">Who submitted the report and who wrote any of its narratives.</param>
    /// <param name="missingRequired">How many required sections are empty (<see cref="ReportCompleteness.MissingRequired"/>).</param>
    public static ReportTransition Approve(ReportStatus current, IReadOnlyCollection<Guid> authors, Guid reviewer, int missingRequired)
    {
        if (current != ReportStatus.Submitted)
        {
            return ReportTransition.Refused(current, ReportFailure.InvalidTransition);
        }

        if (authors.Contains(reviewer))
        {
            return ReportTransition.Refused(current, ReportFailure.ReviewerIsAuthor);
        }

        return missingRequired > 0
            ? ReportTransition.Refused(current, ReportFailure.RequiredSectionsEmpty)
            : ReportTransition.To(ReportStatus.Approved);
    }

    public static ReportTransition ReturnToDraft(ReportStatus current) =>
        current is ReportStatus.Submitted or ReportStatus.Approved or ReportStatus.Withdrawn
            ? ReportTransition.To(ReportStatus.Draft)
            : ReportTransition.Refused(current, ReportFailure.InvalidTransition);

    public static ReportTransition Publish(ReportStatus current) =>
        current == ReportStatus.Approved ? ReportTransition.To(ReportStatus.Published) : ReportTransition.Refused(current, ReportFailure.InvalidTransition);

    public static ReportTransition Withdraw(ReportStatus current) =>
        current == ReportStatus.Published ? ReportTransition.To(ReportStatus.Withdrawn) : ReportTransition.Refused(current, ReportFailure.InvalidTransition);

    public static string ToCode(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Approved => "approved",
        ReportStatus.Published => "published",
        ReportStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
