using Rightscope.Core.Assessments;

namespace Rightscope.Tests.Core.Assessments;

public sealed class AssessmentWorkflowTests
{
    private static readonly Guid Author = Guid.CreateVersion7();
    private static readonly Guid Reviewer = Guid.CreateVersion7();

    [Fact]
    public void A_draft_is_submitted_for_review_and_returned_to_draft()
    {
        Assert.Equal(WorkflowResult.To(AssessmentStatus.InReview), AssessmentWorkflow.Submit(AssessmentStatus.Draft));
        Assert.Equal(WorkflowResult.To(AssessmentStatus.Draft), AssessmentWorkflow.Return(AssessmentStatus.InReview));
    }

    [Fact]
    public void Another_person_approves_and_a_later_approval_supersedes()
    {
        Assert.Equal(WorkflowResult.To(AssessmentStatus.Approved), AssessmentWorkflow.Approve(AssessmentStatus.InReview, Author, Reviewer));
        Assert.Equal(WorkflowResult.To(AssessmentStatus.Superseded), AssessmentWorkflow.Supersede(AssessmentStatus.Approved));
    }

    [Fact]
    public void The_author_cannot_approve_their_own_assessment()
    {
        var result = AssessmentWorkflow.Approve(AssessmentStatus.InReview, Author, Author);

        Assert.False(result.Succeeded);
        Assert.Equal(WorkflowFailure.ApproverIsAuthor, result.Failure);
        Assert.Equal(AssessmentStatus.InReview, result.Status);
    }

    [Theory]
    [InlineData(AssessmentStatus.InReview)]
    [InlineData(AssessmentStatus.Approved)]
    [InlineData(AssessmentStatus.Superseded)]
    public void Only_a_draft_can_be_submitted_or_edited(AssessmentStatus status)
    {
        Assert.Equal(WorkflowResult.Refused(status, WorkflowFailure.InvalidTransition), AssessmentWorkflow.Submit(status));
        Assert.False(AssessmentWorkflow.IsEditable(status));
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.Approved)]
    [InlineData(AssessmentStatus.Superseded)]
    public void Only_an_assessment_in_review_can_be_approved_or_returned(AssessmentStatus status)
    {
        Assert.Equal(WorkflowFailure.InvalidTransition, AssessmentWorkflow.Approve(status, Author, Reviewer).Failure);
        Assert.Equal(WorkflowFailure.InvalidTransition, AssessmentWorkflow.Return(status).Failure);
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.InReview)]
    [InlineData(AssessmentStatus.Superseded)]
    public void Only_an_approved_assessment_can_be_superseded(AssessmentStatus status)
    {
        Assert.Equal(WorkflowResult.Refused(status, WorkflowFailure.InvalidTransition), AssessmentWorkflow.Supersede(status));
    }
}
