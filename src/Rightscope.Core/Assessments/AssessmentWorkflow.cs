namespace Rightscope.Core.Assessments;

/// <summary>Where an assessment is in its life: written, checked by a second person, approved, replaced.</summary>
public enum AssessmentStatus
{
    Draft,
    InReview,
    Approved,
    Superseded,
}

/// <summary>Why a transition was refused.</summary>
public enum WorkflowFailure
{
    /// <summary>The transition does not start from the assessment's current status.</summary>
    InvalidTransition,

    /// <summary>The author tried to approve their own assessment (four eyes).</summary>
    ApproverIsAuthor,
}

/// <summary>The status after a transition, or why it was refused (the status is then unchanged).</summary>
public readonly record struct WorkflowResult(AssessmentStatus Status, WorkflowFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static WorkflowResult To(AssessmentStatus status) => new(status, null);

    public static WorkflowResult Refused(AssessmentStatus unchanged, WorkflowFailure failure) => new(unchanged, failure);
}

/// <summary>
/// The approval workflow (issue 3): draft → in review → approved → superseded, with a return from review to
/// draft. Approval needs a different person from the author, so no assessment is approved by one pair of eyes.
/// </summary>
public static class AssessmentWorkflow
{
    public static WorkflowResult Submit(AssessmentStatus current) =>
        current == AssessmentStatus.Draft
            ? WorkflowResult.To(AssessmentStatus.InReview)
            : WorkflowResult.Refused(current, WorkflowFailure.InvalidTransition);

    public static WorkflowResult Return(AssessmentStatus current) =>
        current == AssessmentStatus.InReview
            ? WorkflowResult.To(AssessmentStatus.Draft)
            : WorkflowResult.Refused(current, WorkflowFailure.InvalidTransition);

    public static WorkflowResult Approve(AssessmentStatus current, Guid authorId, Guid approverId)
    {
        if (current != AssessmentStatus.InReview)
        {
            return WorkflowResult.Refused(current, WorkflowFailure.InvalidTransition);
        }

        return authorId == approverId
            ? WorkflowResult.Refused(current, WorkflowFailure.ApproverIsAuthor)
            : WorkflowResult.To(AssessmentStatus.Approved);
    }

    public static WorkflowResult Supersede(AssessmentStatus current) =>
        current == AssessmentStatus.Approved
            ? WorkflowResult.To(AssessmentStatus.Superseded)
            : WorkflowResult.Refused(current, WorkflowFailure.InvalidTransition);

    /// <summary>Answers and evidence may change only while the assessment is a draft.</summary>
    public static bool IsEditable(AssessmentStatus current) => current == AssessmentStatus.Draft;
}
