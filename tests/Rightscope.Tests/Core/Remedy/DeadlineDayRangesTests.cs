using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

/// <summary>
/// The day ranges the database counts deadlines with must give, for every case, the same answer as evaluating the case
/// with <see cref="CaseDeadlines.Evaluate"/>: overdue, due soon, or neither.
/// </summary>
public sealed class DeadlineDayRangesTests
{
    public sealed record Scenario(ServiceLevel Level, int Warning, DateOnly Today, DateOnly Start);

    public static class Generators
    {
        public static Arbitrary<Scenario> Scenarios()
        {
            var origin = new DateOnly(2024, 1, 1);
            var gen =
                from days in Gen.Choose(ServiceLevel.MinAcknowledgeDays, ServiceLevel.MaxAcknowledgeDays)
                from months in Gen.Choose(ServiceLevel.MinFeedbackMonths, ServiceLevel.MaxFeedbackMonths)
                from warning in Gen.Choose(0, CaseDeadlines.MaxWarningDays)
                from today in Gen.Choose(0, 1500)
                from start in Gen.Choose(-500, 40)
                select new Scenario(new ServiceLevel(days, months), warning, origin.AddDays(today), origin.AddDays(today + start));
            return Arb.From(gen);
        }
    }

    private static DeadlineState AcknowledgementState(Scenario s) =>
        Assert.Single(CaseDeadlines.Evaluate(new CaseTimeline(CaseStatus.Received, s.Start, null, null), s.Level, s.Warning, s.Today)).State;

    private static DeadlineState FeedbackState(Scenario s) =>
        Assert.Single(
            CaseDeadlines.Evaluate(new CaseTimeline(CaseStatus.UnderAssessment, s.Start.AddDays(-1), s.Start, null), s.Level, s.Warning, s.Today),
            d => d.Kind == DeadlineKind.Feedback).State;

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 2000)]
    public Property A_case_awaiting_acknowledgement_is_in_the_overdue_or_due_soon_range_exactly_when_evaluated_so(Scenario s)
    {
        var ranges = DeadlineDayRanges.For(s.Level, s.Warning, s.Today);
        var state = AcknowledgementState(s);
        return ((state == DeadlineState.Overdue) == (s.Start <= ranges.AcknowledgementOverdueReceivedOnOrBefore)
                && (state == DeadlineState.DueSoon) == ranges.AcknowledgementDueSoonReceived.Contains(s.Start))
            .Label($"received {s.Start}, today {s.Today}, {s.Level}, warning {s.Warning}: {state}, ranges {ranges}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 2000)]
    public Property A_case_awaiting_feedback_is_in_the_overdue_or_due_soon_range_exactly_when_evaluated_so(Scenario s)
    {
        var ranges = DeadlineDayRanges.For(s.Level, s.Warning, s.Today);
        var state = FeedbackState(s);
        return ((state == DeadlineState.Overdue) == (s.Start <= ranges.FeedbackOverdueAcknowledgedOnOrBefore)
                && (state == DeadlineState.DueSoon) == ranges.FeedbackDueSoonAcknowledged.Contains(s.Start))
            .Label($"acknowledged {s.Start}, today {s.Today}, {s.Level}, warning {s.Warning}: {state}, ranges {ranges}");
    }

    [Theory]
    // Acknowledged on 30 November with 3 months: due 28 February, the month's last day, like 28 and 29 November.
    [InlineData("2027-02-28", 0, "2026-11-27", "2026-11-28", "2026-11-30")]
    // The day after: all three are overdue, 1 December is due that day.
    [InlineData("2027-03-01", 0, "2026-11-30", "2026-12-01", "2026-12-01")]
    public void Month_ends_fold_several_acknowledgement_days_onto_one_due_day(string today, int warning, string overdueUpTo, string soonFrom, string soonTo)
    {
        var ranges = DeadlineDayRanges.For(new ServiceLevel(7, 3), warning, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(overdueUpTo, System.Globalization.CultureInfo.InvariantCulture), ranges.FeedbackOverdueAcknowledgedOnOrBefore);
        Assert.Equal(new DayRange(DateOnly.Parse(soonFrom, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(soonTo, System.Globalization.CultureInfo.InvariantCulture)), ranges.FeedbackDueSoonAcknowledged);
    }
}
