using FsCheck.Xunit;
using Rightscope.Core.Decisions;

namespace Rightscope.Tests.Core.InvestorDecisions;

public sealed class DecisionWorkflowTests
{
    private static readonly Guid Proposer = Guid.CreateVersion7();
    private static readonly Guid Reviewer = Guid.CreateVersion7();

    private static readonly HashSet<(DecisionStatus From, DecisionStatus To)> Edges =
    [
        (DecisionStatus.Proposed, DecisionStatus.Approved),
        (DecisionStatus.Proposed, DecisionStatus.Returned),
        (DecisionStatus.Returned, DecisionStatus.Proposed),
        (DecisionStatus.Approved, DecisionStatus.Superseded),
    ];

    [Fact]
    public void A_proposal_is_approved_or_returned_by_another_person_and_a_returned_one_is_revised_by_its_proposer()
    {
        Assert.Equal(DecisionTransition.To(DecisionStatus.Approved), DecisionWorkflow.Approve(DecisionStatus.Proposed, Proposer, Reviewer));
        Assert.Equal(DecisionTransition.To(DecisionStatus.Returned), DecisionWorkflow.Return(DecisionStatus.Proposed, Proposer, Reviewer));
        Assert.Equal(DecisionTransition.To(DecisionStatus.Proposed), DecisionWorkflow.Revise(DecisionStatus.Returned, Proposer, Proposer));
        Assert.Equal(DecisionTransition.To(DecisionStatus.Superseded), DecisionWorkflow.Supersede(DecisionStatus.Approved));
    }

    [Fact]
    public void The_proposer_can_neither_approve_nor_return_their_own_decision()
    {
        Assert.Equal(DecisionTransition.Refused(DecisionStatus.Proposed, DecisionFailure.ReviewerIsProposer), DecisionWorkflow.Approve(DecisionStatus.Proposed, Proposer, Proposer));
        Assert.Equal(DecisionTransition.Refused(DecisionStatus.Proposed, DecisionFailure.ReviewerIsProposer), DecisionWorkflow.Return(DecisionStatus.Proposed, Proposer, Proposer));
    }

    [Fact]
    public void Only_the_proposer_revises_a_returned_decision()
    {
        Assert.Equal(DecisionTransition.Refused(DecisionStatus.Returned, DecisionFailure.NotProposer), DecisionWorkflow.Revise(DecisionStatus.Returned, Proposer, Reviewer));
    }

    [Theory]
    [InlineData(DecisionStatus.Approved)]
    [InlineData(DecisionStatus.Returned)]
    [InlineData(DecisionStatus.Superseded)]
    public void Only_a_proposed_decision_can_be_reviewed(DecisionStatus status)
    {
        Assert.Equal(DecisionTransition.Refused(status, DecisionFailure.InvalidTransition), DecisionWorkflow.Approve(status, Proposer, Reviewer));
        Assert.Equal(DecisionTransition.Refused(status, DecisionFailure.InvalidTransition), DecisionWorkflow.Return(status, Proposer, Reviewer));
    }

    [Theory]
    [InlineData(DecisionStatus.Proposed)]
    [InlineData(DecisionStatus.Returned)]
    [InlineData(DecisionStatus.Superseded)]
    public void Only_an_approved_decision_is_current_and_can_be_superseded(DecisionStatus status)
    {
        Assert.False(DecisionWorkflow.IsCurrent(status));
        Assert.Equal(DecisionTransition.Refused(status, DecisionFailure.InvalidTransition), DecisionWorkflow.Supersede(status));
        Assert.True(DecisionWorkflow.IsCurrent(DecisionStatus.Approved));
    }

    [Property(MaxTest = 300)]
    public bool Nobody_approves_or_returns_what_they_proposed(DecisionStatus status, Guid person) =>
        !DecisionWorkflow.Approve(status, person, person).Succeeded && !DecisionWorkflow.Return(status, person, person).Succeeded;

    [Property(MaxTest = 500)]
    public bool Any_sequence_of_commands_moves_only_along_the_workflow_and_a_refusal_changes_nothing(byte[] commands, bool sameReviewer, bool sameReviser)
    {
        var status = DecisionStatus.Proposed;
        foreach (var command in commands)
        {
            var reviewer = sameReviewer && command % 2 == 0 ? Proposer : Reviewer;
            var reviser = sameReviser ? Proposer : Reviewer;
            var result = (command % 4) switch
            {
                0 => DecisionWorkflow.Approve(status, Proposer, reviewer),
                1 => DecisionWorkflow.Return(status, Proposer, reviewer),
                2 => DecisionWorkflow.Revise(status, Proposer, reviser),
                _ => DecisionWorkflow.Supersede(status),
            };
            if (result.Succeeded ? !Edges.Contains((status, result.Status)) : result.Status != status)
            {
                return false;
            }

            status = result.Status;
        }

        return true;
    }
}
