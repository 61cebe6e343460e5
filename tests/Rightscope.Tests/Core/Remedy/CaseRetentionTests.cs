using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

/// <summary>The retention rule: from closure, never before the last retaliation check-in, never for an open case.</summary>
public sealed class CaseRetentionTests
{
    private static readonly DateOnly Epoch = new(2020, 1, 1);

    private static Gen<DateOnly> Days => Gen.Choose(0, 20 * 366).Select(Epoch.AddDays);

    private static Gen<int> Retention => Gen.Choose(1, 3650);

    [Property(MaxTest = 500)]
    public Property An_open_case_is_never_due_whatever_the_day_and_period() =>
        Prop.ForAll(Days.ToArbitrary(), Retention.ToArbitrary(), (today, retention) =>
            CaseRetention.PurgeOn(null, retention) is null && !CaseRetention.IsDue(null, retention, today));

    [Property(MaxTest = 500)]
    public Property A_closed_case_goes_at_the_later_of_its_period_and_the_day_after_its_last_check_in() =>
        Prop.ForAll(Days.ToArbitrary(), Retention.ToArbitrary(), (closed, retention) =>
        {
            var purgeOn = CaseRetention.PurgeOn(closed, retention)!.Value;
            var lastCheckIn = RetaliationCheckIns.ScheduleAfter(closed).Max();
            return purgeOn >= closed.AddDays(retention)
                && purgeOn > lastCheckIn
                && (purgeOn == closed.AddDays(retention) || purgeOn == lastCheckIn.AddDays(1))
                && !CaseRetention.IsDue(closed, retention, purgeOn.AddDays(-1))
                && CaseRetention.IsDue(closed, retention, purgeOn);
        });

    [Property(MaxTest = 500)]
    public Property Only_an_open_case_past_its_period_since_receipt_needs_a_decision() =>
        Prop.ForAll(Days.ToArbitrary(), Gen.Choose(0, 5000).ToArbitrary(), Retention.ToArbitrary(), (received, age, retention) =>
        {
            var today = received.AddDays(age);
            return CaseRetention.NeedsDecision(received, null, retention, today) == (age >= retention)
                && !CaseRetention.NeedsDecision(received, today, retention, today);
        });

    [Fact]
    public void A_year_long_period_runs_from_the_day_of_closure()
    {
        Assert.Equal(new DateOnly(2027, 3, 14), CaseRetention.PurgeOn(new DateOnly(2026, 3, 14), 365));
        // 30 days would come before the three-month check-in (2026-06-14): the case stays until the day after it.
        Assert.Equal(new DateOnly(2026, 6, 15), CaseRetention.PurgeOn(new DateOnly(2026, 3, 14), 30));
    }
}
