using FsCheck;
using FsCheck.Xunit;
using Rightscope.Core.Engagements;

namespace Rightscope.Tests.Core.Engagements;

public sealed class EscalationLadderTests
{
    [Fact]
    public void The_ladder_runs_from_private_dialogue_to_divestment_in_seven_ordered_steps()
    {
        Assert.Equal(
            [
                EscalationStep.PrivateDialogue, EscalationStep.LetterToBoard, EscalationStep.CollaborativeEngagement,
                EscalationStep.PublicStatement, EscalationStep.ShareholderResolution, EscalationStep.VoteAgainstDirectors,
                EscalationStep.Divestment,
            ],
            EscalationLadder.Steps);
        Assert.Equal(EscalationStep.PrivateDialogue, EscalationLadder.First);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], EscalationLadder.Steps.Select(EscalationLadder.Position));
    }

    [Fact]
    public void Stepping_up_needs_no_reason_and_may_skip_rungs()
    {
        var decision = EscalationLadder.Decide(EngagementStatus.Open, EscalationStep.PrivateDialogue, EscalationStep.ShareholderResolution, null);
        Assert.Equal(EscalationMove.Escalation, decision.Move);
        Assert.True(decision.Allowed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Stepping_down_without_a_reason_is_refused(string? reason)
    {
        var decision = EscalationLadder.Decide(EngagementStatus.Open, EscalationStep.LetterToBoard, EscalationStep.PrivateDialogue, reason);
        Assert.Equal(EscalationRefusal.ReasonRequired, decision.Refusal);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Stepping_down_with_a_reason_is_a_de_escalation() =>
        Assert.Equal(
            EscalationMove.DeEscalation,
            EscalationLadder.Decide(EngagementStatus.Open, EscalationStep.LetterToBoard, EscalationStep.PrivateDialogue, "The company committed to act").Move);

    [Fact]
    public void Staying_on_the_same_step_is_refused() =>
        Assert.Equal(EscalationRefusal.SameStep, EscalationLadder.Decide(EngagementStatus.Open, EscalationStep.Divestment, EscalationStep.Divestment, "why").Refusal);

    [Property(MaxTest = 300)]
    public bool A_closed_engagement_never_moves(PositiveInt from, PositiveInt to, string? reason)
    {
        var steps = EscalationLadder.Steps;
        var decision = EscalationLadder.Decide(EngagementStatus.Closed, steps[from.Get % steps.Count], steps[to.Get % steps.Count], reason);
        return !decision.Allowed && decision.Refusal == EscalationRefusal.Closed;
    }

    [Property(MaxTest = 300)]
    public bool On_an_open_engagement_the_move_follows_the_order_of_the_ladder(PositiveInt from, PositiveInt to)
    {
        var steps = EscalationLadder.Steps;
        var (current, target) = (steps[from.Get % steps.Count], steps[to.Get % steps.Count]);
        var decision = EscalationLadder.Decide(EngagementStatus.Open, current, target, "a reason");
        return current == target
            ? decision.Refusal == EscalationRefusal.SameStep
            : decision.Move == (EscalationLadder.Position(target) > EscalationLadder.Position(current) ? EscalationMove.Escalation : EscalationMove.DeEscalation);
    }
}
