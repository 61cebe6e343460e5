using FsCheck;
using FsCheck.Xunit;
using Rightscope.Core.Engagements;

namespace Rightscope.Tests.Core.Engagements;

public sealed class EngagementRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void An_open_milestone_is_overdue_from_the_day_after_its_deadline()
    {
        Assert.False(EngagementRules.IsOverdue(EngagementStatus.Open, MilestoneStatus.Open, Today, Today));
        Assert.True(EngagementRules.IsOverdue(EngagementStatus.Open, MilestoneStatus.Open, Today.AddDays(-1), Today));
        Assert.False(EngagementRules.IsOverdue(EngagementStatus.Open, MilestoneStatus.Open, Today.AddDays(1), Today));
    }

    [Theory]
    [InlineData(MilestoneStatus.Met)]
    [InlineData(MilestoneStatus.Missed)]
    public void A_milestone_that_is_met_or_missed_is_never_overdue(MilestoneStatus status) =>
        Assert.False(EngagementRules.IsOverdue(EngagementStatus.Open, status, Today.AddYears(-1), Today));

    [Property(MaxTest = 300)]
    public bool The_milestones_of_a_closed_engagement_are_never_flagged(int daysBefore, bool met) =>
        !EngagementRules.IsOverdue(EngagementStatus.Closed, met ? MilestoneStatus.Met : MilestoneStatus.Open, Today.AddDays(-Math.Abs(daysBefore % 10_000)), Today);

    [Fact]
    public void The_next_deadline_is_the_earliest_open_one()
    {
        var milestones = new[]
        {
            (MilestoneStatus.Met, Today.AddDays(-30)),
            (MilestoneStatus.Open, Today.AddDays(20)),
            (MilestoneStatus.Open, Today.AddDays(-3)),
            (MilestoneStatus.Missed, Today.AddDays(-40)),
        };
        Assert.Equal(Today.AddDays(-3), EngagementRules.NextDeadline(milestones));
        Assert.Null(EngagementRules.NextDeadline([(MilestoneStatus.Met, Today)]));
    }

    [Fact]
    public void Closing_needs_an_open_engagement_and_an_outcome()
    {
        Assert.False(EngagementRules.CanClose(EngagementStatus.Open, null));
        Assert.True(EngagementRules.CanClose(EngagementStatus.Open, EngagementOutcome.CompanyUnresponsive));
        Assert.False(EngagementRules.CanClose(EngagementStatus.Closed, EngagementOutcome.ObjectivesMet));
        Assert.True(EngagementRules.AcceptsChanges(EngagementStatus.Open));
        Assert.False(EngagementRules.AcceptsChanges(EngagementStatus.Closed));
    }
}
