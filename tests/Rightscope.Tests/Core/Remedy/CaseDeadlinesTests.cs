using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

/// <summary>The service-level rules: due days, calendar months at month ends, what counts as feedback, and states by day.</summary>
public sealed class CaseDeadlinesTests
{
    private static readonly ServiceLevel Default = ServiceLevel.Default;

    private static CaseDeadline Single(CaseTimeline timeline, DeadlineKind kind, DateOnly today, int warning = 2, ServiceLevel? level = null) =>
        Assert.Single(CaseDeadlines.Evaluate(timeline, level ?? Default, warning, today), d => d.Kind == kind);

    [Fact]
    public void Acknowledgement_is_due_seven_days_after_the_day_received_and_feedback_three_months_after_acknowledgement()
    {
        Assert.Equal(new ServiceLevel(7, 3), ServiceLevel.Default);
        Assert.Equal(new DateOnly(2026, 3, 8), CaseDeadlines.AcknowledgementDue(new DateOnly(2026, 3, 1), Default));
        Assert.Equal(new DateOnly(2026, 6, 10), CaseDeadlines.FeedbackDue(new DateOnly(2026, 3, 10), Default));
        Assert.Equal(new DateOnly(2026, 3, 15), CaseDeadlines.AcknowledgementDue(new DateOnly(2026, 3, 1), new ServiceLevel(14, 1)));
    }

    [Theory]
    [InlineData("2026-11-30", 3, "2027-02-28")]
    [InlineData("2027-11-30", 3, "2028-02-29")]
    [InlineData("2026-05-31", 1, "2026-06-30")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-08-31", 3, "2026-11-30")]
    [InlineData("2026-12-15", 3, "2027-03-15")]
    [InlineData("2026-02-28", 12, "2027-02-28")]
    public void Feedback_months_are_calendar_months_falling_back_to_the_last_day_of_a_shorter_month(string acknowledged, int months, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            CaseDeadlines.FeedbackDue(DateOnly.Parse(acknowledged, System.Globalization.CultureInfo.InvariantCulture), new ServiceLevel(7, months)));

    [Fact]
    public void A_received_case_has_only_an_acknowledgement_deadline_pending_then_due_soon_then_overdue()
    {
        var received = new CaseTimeline(CaseStatus.Received, new DateOnly(2026, 3, 1), null, null);
        Assert.Equal([DeadlineKind.Acknowledgement], CaseDeadlines.Evaluate(received, Default, 2, new DateOnly(2026, 3, 1)).Select(d => d.Kind));
        Assert.Equal(DeadlineState.Pending, Single(received, DeadlineKind.Acknowledgement, new DateOnly(2026, 3, 5)).State);
        Assert.Equal(DeadlineState.DueSoon, Single(received, DeadlineKind.Acknowledgement, new DateOnly(2026, 3, 6)).State);
        Assert.Equal(DeadlineState.DueSoon, Single(received, DeadlineKind.Acknowledgement, new DateOnly(2026, 3, 8)).State);
        Assert.Equal(DeadlineState.Overdue, Single(received, DeadlineKind.Acknowledgement, new DateOnly(2026, 3, 9)).State);
        Assert.Equal(DeadlineState.DueSoon, Single(received, DeadlineKind.Acknowledgement, new DateOnly(2026, 3, 8), warning: 0).State);
        Assert.Equal(DeadlineState.Pending, Single(received, DeadlineKind.Acknowledgement, new DateOnly(2026, 3, 7), warning: 0).State);
    }

    [Fact]
    public void Acknowledging_meets_the_first_deadline_even_late_and_starts_the_feedback_deadline()
    {
        var late = new CaseTimeline(CaseStatus.Acknowledged, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20), null);
        var acknowledgement = Single(late, DeadlineKind.Acknowledgement, new DateOnly(2026, 4, 1));
        Assert.Equal((DeadlineState.Met, true, new DateOnly(2026, 3, 20)), (acknowledgement.State, acknowledgement.MetLate, acknowledgement.MetOn));
        var feedback = Single(late, DeadlineKind.Feedback, new DateOnly(2026, 4, 1));
        Assert.Equal((new DateOnly(2026, 6, 20), DeadlineState.Pending), (feedback.DueOn, feedback.State));
        Assert.Equal(DeadlineState.DueSoon, Single(late, DeadlineKind.Feedback, new DateOnly(2026, 6, 18)).State);
        Assert.Equal(DeadlineState.Overdue, Single(late, DeadlineKind.Feedback, new DateOnly(2026, 6, 21)).State);
    }

    [Fact]
    public void Feedback_is_a_handler_reply_after_the_acknowledgement_day_or_a_step_beyond_assessment()
    {
        var acknowledged = new DateOnly(2026, 3, 10);
        (CaseStatus, DateOnly)[] noSteps = [];
        Assert.Null(CaseDeadlines.FirstFeedback(null, [new DateOnly(2026, 3, 11)], noSteps));
        Assert.Null(CaseDeadlines.FirstFeedback(acknowledged, [acknowledged, new DateOnly(2026, 3, 1)], noSteps));
        Assert.Equal(new DateOnly(2026, 3, 12), CaseDeadlines.FirstFeedback(acknowledged, [new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 12)], noSteps));
        Assert.Null(CaseDeadlines.FirstFeedback(acknowledged, [], [(CaseStatus.Acknowledged, acknowledged), (CaseStatus.UnderAssessment, new DateOnly(2026, 3, 11))]));
        foreach (var state in new[] { CaseStatus.Referred, CaseStatus.Investigating, CaseStatus.RemedyProposed, CaseStatus.Closed })
        {
            Assert.Equal(new DateOnly(2026, 3, 15), CaseDeadlines.FirstFeedback(acknowledged, [new DateOnly(2026, 4, 1)], [(CaseStatus.UnderAssessment, acknowledged), (state, new DateOnly(2026, 3, 15))]));
        }

        // A step on the acknowledgement day counts; the earliest of replies and steps wins.
        Assert.Equal(acknowledged, CaseDeadlines.FirstFeedback(acknowledged, [new DateOnly(2026, 3, 11)], [(CaseStatus.Investigating, acknowledged)]));
    }

    [Fact]
    public void Met_feedback_and_closed_cases_stop_counting()
    {
        var answered = new CaseTimeline(CaseStatus.UnderAssessment, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), new DateOnly(2026, 7, 1));
        var feedback = Single(answered, DeadlineKind.Feedback, new DateOnly(2026, 12, 1));
        Assert.Equal((DeadlineState.Met, true), (feedback.State, feedback.MetLate));
        Assert.False(feedback.NeedsAttention);

        var closed = new CaseTimeline(CaseStatus.Closed, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), null);
        Assert.Equal(DeadlineState.Stopped, Single(closed, DeadlineKind.Feedback, new DateOnly(2027, 1, 1)).State);
        Assert.All(CaseDeadlines.Evaluate(closed, Default, 2, new DateOnly(2027, 1, 1)), d => Assert.False(d.NeedsAttention));
    }

    [Fact]
    public void Out_of_range_levels_and_warning_windows_are_refused()
    {
        var timeline = new CaseTimeline(CaseStatus.Received, new DateOnly(2026, 3, 1), null, null);
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.Evaluate(timeline, new ServiceLevel(0, 3), 2, new DateOnly(2026, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.Evaluate(timeline, new ServiceLevel(7, 13), 2, new DateOnly(2026, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.Evaluate(timeline, Default, -1, new DateOnly(2026, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.Evaluate(timeline, Default, CaseDeadlines.MaxWarningDays + 1, new DateOnly(2026, 3, 1)));
        Assert.False(ServiceLevel.IsValidAcknowledgeDays(91));
        Assert.True(ServiceLevel.IsValidFeedbackMonths(12));
    }

    // Properties over random timelines, levels, warning windows and days.
    public sealed record Scenario(CaseTimeline Timeline, ServiceLevel Level, int Warning, DateOnly Today);

    public static class Generators
    {
        public static Arbitrary<Scenario> Scenarios()
        {
            var start = new DateOnly(2020, 1, 1).DayNumber;
            var gen =
                from received in Gen.Choose(0, 3000)
                from ackAfter in Gen.Choose(-1, 60)
                from feedbackAfter in Gen.Choose(-1, 200)
                from status in Gen.Elements(Enum.GetValues<CaseStatus>())
                from days in Gen.Choose(ServiceLevel.MinAcknowledgeDays, ServiceLevel.MaxAcknowledgeDays)
                from months in Gen.Choose(ServiceLevel.MinFeedbackMonths, ServiceLevel.MaxFeedbackMonths)
                from warning in Gen.Choose(0, CaseDeadlines.MaxWarningDays)
                from todayOffset in Gen.Choose(-10, 600)
                let receivedOn = DateOnly.FromDayNumber(start + received)
                let acknowledgedOn = ackAfter < 0 ? (DateOnly?)null : receivedOn.AddDays(ackAfter)
                let feedbackOn = acknowledgedOn is { } a && feedbackAfter >= 0 ? a.AddDays(feedbackAfter) : (DateOnly?)null
                select new Scenario(new CaseTimeline(status, receivedOn, acknowledgedOn, feedbackOn), new ServiceLevel(days, months), warning, receivedOn.AddDays(todayOffset));
            return Arb.From(gen);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public Property A_due_day_is_never_before_its_start_and_overdue_implies_not_met(Scenario s)
    {
        var deadlines = CaseDeadlines.Evaluate(s.Timeline, s.Level, s.Warning, s.Today);
        return deadlines.All(d =>
                d.DueOn > (d.Kind == DeadlineKind.Acknowledgement ? s.Timeline.ReceivedOn : s.Timeline.AcknowledgedOn!.Value)
                && (d.State != DeadlineState.Overdue || (d.MetOn is null && s.Today > d.DueOn))
                && (d.State == DeadlineState.Met) == (d.MetOn is not null)
                && (s.Timeline.Status != CaseStatus.Closed || !d.NeedsAttention))
            .ToProperty();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public Property States_are_monotone_in_the_day_pending_then_due_soon_then_overdue(Scenario s, PositiveInt later)
    {
        var before = CaseDeadlines.Evaluate(s.Timeline, s.Level, s.Warning, s.Today);
        var after = CaseDeadlines.Evaluate(s.Timeline, s.Level, s.Warning, s.Today.AddDays(later.Get));
        return before.Zip(after).All(p => p.First.DueOn == p.Second.DueOn && Rank(p.Second.State) >= Rank(p.First.State)).ToProperty();

        static int Rank(DeadlineState state) => state switch
        {
            DeadlineState.Pending => 0,
            DeadlineState.DueSoon => 1,
            DeadlineState.Overdue => 2,
            _ => 3, // met and stopped do not depend on the day
        };
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property A_wider_warning_window_never_makes_a_deadline_less_urgent(Scenario s) =>
        CaseDeadlines.Evaluate(s.Timeline, s.Level, 0, s.Today).Zip(CaseDeadlines.Evaluate(s.Timeline, s.Level, s.Warning, s.Today))
            .All(p => !p.First.NeedsAttention || p.Second.NeedsAttention)
            .ToProperty();

    [Property(MaxTest = 300)]
    public Property Feedback_due_is_within_the_calendar_month_count(PositiveInt dayOffset, PositiveInt monthsSeed)
    {
        var acknowledged = new DateOnly(2020, 1, 1).AddDays(dayOffset.Get % 4000);
        var months = 1 + (monthsSeed.Get % 12);
        var due = CaseDeadlines.FeedbackDue(acknowledged, new ServiceLevel(7, months));
        var monthsApart = (due.Year - acknowledged.Year) * 12 + due.Month - acknowledged.Month;
        return (monthsApart == months && due.Day <= acknowledged.Day && (due.Day == acknowledged.Day || due.AddDays(1).Month != due.Month)).ToProperty();
    }
}
