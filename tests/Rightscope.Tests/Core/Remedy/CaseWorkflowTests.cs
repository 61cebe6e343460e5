using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class CaseWorkflowTests
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    // The whole table, written out: a change to the workflow must change this test.
    public static TheoryData<CaseStatus, CaseAction, CaseStatus> AllowedTransitions => new()
    {
        { CaseStatus.Received, CaseAction.Acknowledge, CaseStatus.Acknowledged },
        { CaseStatus.Acknowledged, CaseAction.StartAssessment, CaseStatus.UnderAssessment },
        { CaseStatus.UnderAssessment, CaseAction.Refer, CaseStatus.Referred },
        { CaseStatus.UnderAssessment, CaseAction.Investigate, CaseStatus.Investigating },
        { CaseStatus.UnderAssessment, CaseAction.Close, CaseStatus.Closed },
        { CaseStatus.Referred, CaseAction.Investigate, CaseStatus.Investigating },
        { CaseStatus.Referred, CaseAction.ProposeRemedy, CaseStatus.RemedyProposed },
        { CaseStatus.Referred, CaseAction.Close, CaseStatus.Closed },
        { CaseStatus.Investigating, CaseAction.Refer, CaseStatus.Referred },
        { CaseStatus.Investigating, CaseAction.ProposeRemedy, CaseStatus.RemedyProposed },
        { CaseStatus.Investigating, CaseAction.Close, CaseStatus.Closed },
        { CaseStatus.RemedyProposed, CaseAction.Close, CaseStatus.Closed },
        { CaseStatus.Closed, CaseAction.Reopen, CaseStatus.UnderAssessment },
    };

    public static TheoryData<CaseStatus, CaseAction> RefusedTransitions
    {
        get
        {
            var allowed = AllowedTransitions.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
            var data = new TheoryData<CaseStatus, CaseAction>();
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                foreach (var action in Enum.GetValues<CaseAction>().Where(a => !allowed.Contains((status, a))))
                {
                    data.Add(status, action);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void An_allowed_action_leads_to_its_state_on_the_given_day(CaseStatus from, CaseAction action, CaseStatus to)
    {
        var transition = CaseWorkflow.TryApply(from, action, Day);

        Assert.Equal(new CaseTransition(from, action, to, Day), transition);
        Assert.Contains(action, CaseWorkflow.AllowedFrom(from));
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Every_other_action_is_refused(CaseStatus from, CaseAction action)
    {
        Assert.Null(CaseWorkflow.TryApply(from, action, Day));
        Assert.False(CaseWorkflow.Allows(from, action));
    }

    [Fact]
    public void Every_state_but_received_can_be_reached_and_every_state_has_a_way_on()
    {
        var reachable = new HashSet<CaseStatus> { CaseStatus.Received };
        var queue = new Queue<CaseStatus>([CaseStatus.Received]);
        while (queue.TryDequeue(out var status))
        {
            foreach (var action in CaseWorkflow.AllowedFrom(status))
            {
                if (reachable.Add(CaseWorkflow.TargetOf(action)))
                {
                    queue.Enqueue(CaseWorkflow.TargetOf(action));
                }
            }
        }

        Assert.Equal(Enum.GetValues<CaseStatus>().ToHashSet(), reachable);
        Assert.All(Enum.GetValues<CaseStatus>(), status => Assert.NotEmpty(CaseWorkflow.AllowedFrom(status)));
    }

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(0, true, true)]
    [InlineData(1, false, true)]
    [InlineData(3, true, true)]
    public void Closing_needs_an_outcome_or_a_reason_for_no_remedy(int outcomes, bool reason, bool allowed) =>
        Assert.Equal(allowed, CaseWorkflow.CanCloseWith(outcomes, reason));

    [Theory]
    [InlineData(CaseStatus.Received, false)]
    [InlineData(CaseStatus.Acknowledged, false)]
    [InlineData(CaseStatus.UnderAssessment, true)]
    [InlineData(CaseStatus.Referred, true)]
    [InlineData(CaseStatus.Investigating, true)]
    [InlineData(CaseStatus.RemedyProposed, false)]
    [InlineData(CaseStatus.Closed, false)]
    public void A_referral_is_recorded_while_referring_is_possible_or_the_case_is_referred(CaseStatus status, bool allowed) =>
        Assert.Equal(allowed, CaseWorkflow.CanRecordReferral(status));

    [Fact]
    public void Check_ins_are_one_and_three_months_after_closure_and_due_from_their_day_until_recorded()
    {
        var closed = new DateOnly(2026, 1, 31);

        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 4, 30)], RetaliationCheckIns.ScheduleAfter(closed));
        Assert.False(RetaliationCheckIns.IsDue(new DateOnly(2026, 2, 28), recorded: false, today: new DateOnly(2026, 2, 27)));
        Assert.True(RetaliationCheckIns.IsDue(new DateOnly(2026, 2, 28), recorded: false, today: new DateOnly(2026, 2, 28)));
        Assert.False(RetaliationCheckIns.IsDue(new DateOnly(2026, 2, 28), recorded: true, today: new DateOnly(2026, 3, 5)));
    }

    public static class Generators
    {
        public static Arbitrary<CaseAction[]> Actions() =>
            Arb.From(Gen.Elements(Enum.GetValues<CaseAction>()).ArrayOf());
    }

    /// <summary>Replays random action sequences from a new case, applying the allowed ones and skipping the others.</summary>
    private static List<CaseTransition> Replay(IEnumerable<CaseAction> actions)
    {
        var status = CaseStatus.Received;
        var day = Day;
        var history = new List<CaseTransition>();
        foreach (var action in actions)
        {
            day = day.AddDays(1);
            if (CaseWorkflow.TryApply(status, action, day) is { } transition)
            {
                history.Add(transition);
                status = transition.To;
            }
        }

        return history;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool Each_transition_starts_where_the_previous_one_ended(CaseAction[] actions)
    {
        var history = Replay(actions);
        return history.Zip(history.Skip(1)).All(pair => pair.First.To == pair.Second.From)
            && (history.Count == 0 || history[0].From == CaseStatus.Received);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool Acknowledgement_comes_first_and_only_once(CaseAction[] actions)
    {
        var history = Replay(actions);
        return history.Count(t => t.Action == CaseAction.Acknowledge) <= 1
            && (history.Count == 0 || history[0].Action == CaseAction.Acknowledge);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool A_case_is_never_closed_before_it_was_assessed_and_reopening_follows_a_closure(CaseAction[] actions)
    {
        var history = Replay(actions);
        var assessed = false;
        var closed = false;
        foreach (var transition in history)
        {
            if (transition.Action == CaseAction.Close && !assessed)
            {
                return false;
            }

            if (transition.Action == CaseAction.Reopen && !closed)
            {
                return false;
            }

            assessed |= transition.To == CaseStatus.UnderAssessment;
            closed = transition.To == CaseStatus.Closed;
        }

        return true;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool Every_transition_leads_to_the_target_of_its_action(CaseAction[] actions) =>
        Replay(actions).All(t => t.To == CaseWorkflow.TargetOf(t.Action) && t.From != t.To);
}
