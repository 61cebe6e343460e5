using Rightscope.Core.Remedy;
using Rightscope.Core.Statistics;

namespace Rightscope.Tests.Core.Remedy;

public sealed class EffectivenessCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly Guid CompanyX = Guid.Parse("0190c0de-0000-7000-8000-0000000000aa");

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static CaseFacts Case(
        DateOnly received, CaseStatus status, DateOnly? acknowledged = null, DateOnly? feedback = null, string[]? groups = null, string? region = null,
        (ReferralMechanism, ReferralStatus)[]? referrals = null, RemedyType[]? remedies = null, ReporterSatisfaction? satisfaction = null,
        Guid? company = null, string[]? rights = null) =>
        new(received, status, acknowledged, feedback, groups ?? [], region, null, referrals ?? [], remedies ?? [], satisfaction, company, rights ?? []);

    // Hand-computed below; every case received in 2026 but the last.
    private static readonly CaseFacts[] Cases =
    [
        // A: 2 days to acknowledge, 10 to feedback.
        Case(D(1, 1), CaseStatus.Closed, D(1, 3), D(1, 13), ["g1"], "KE", remedies: [RemedyType.Apology, RemedyType.Compensation], satisfaction: ReporterSatisfaction.Satisfied, company: CompanyX, rights: ["privacy"]),
        // B: 7 and 30.
        Case(D(1, 2), CaseStatus.Closed, D(1, 9), D(2, 8), ["g1", "g2"], "KE", satisfaction: ReporterSatisfaction.Neutral, company: CompanyX, rights: ["privacy", "expression"]),
        // C: 1, no feedback yet.
        Case(D(1, 5), CaseStatus.UnderAssessment, D(1, 6), company: CompanyX, rights: ["privacy", "privacy"]),
        // D: 28 days without acknowledgement on 1 March: overdue.
        Case(D(2, 1), CaseStatus.Received),
        // E: 4 days: awaiting.
        Case(D(2, 25), CaseStatus.Received),
        // F: 10 and 1, referred twice.
        Case(D(1, 10), CaseStatus.Referred, D(1, 20), D(1, 21), ["g2"], "UG", referrals: [(ReferralMechanism.Court, ReferralStatus.Sent), (ReferralMechanism.DataProtectionAuthority, ReferralStatus.Accepted)]),
        // G: 3 and 14.
        Case(D(1, 15), CaseStatus.Investigating, D(1, 18), D(2, 1), region: "KE"),
        // Received in 2025: outside the period.
        Case(new DateOnly(2025, 12, 31), CaseStatus.Closed, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 5), ["g1"], "KE", remedies: [RemedyType.Apology], satisfaction: ReporterSatisfaction.VerySatisfied, company: CompanyX, rights: ["privacy"]),
    ];

    private static IEnumerable<int?> Values(SuppressedTable table) => table.Counts.Select(c => c.Value);

    [Fact]
    public void Counts_without_suppression_are_the_hand_computed_ones()
    {
        var report = EffectivenessCalculator.Compute(Cases, new ReportingPeriod(2026), Today, threshold: 1);

        // Overdue D, awaiting E, in progress C F G, closed A B.
        Assert.Equal([1, 1, 3, 2], Values(report.Stages));
        Assert.Equal(7, report.Stages.ColumnTotal(0).Value);
        Assert.Equal([1, 0, 1, 0, 0, 0, 0, 0, 0], Values(report.Remedies));
        Assert.Equal([1, 1], Values(report.Closures));
        Assert.Equal([0, 0, 1, 1, 0, 0], Values(report.Satisfaction));
        Assert.Equal(1, report.Referrals.Cell(0, 1).Value);
        Assert.Equal(1, report.Referrals.Cell(2, 2).Value);
        Assert.Equal(2, report.Referrals.GrandTotal.Value);
        var repeat = Assert.Single(report.RepeatIssues);
        Assert.Equal((CompanyX, "privacy", 3), (repeat.CompanyId, repeat.Right, repeat.Cases.Value));
    }

    [Fact]
    public void Days_are_medians_and_nearest_rank_90th_percentiles()
    {
        var report = EffectivenessCalculator.Compute(Cases, new ReportingPeriod(2026), Today, threshold: 1);

        // To acknowledge: 1 2 3 7 10 → median 3, 90th percentile the 5th of 5.
        Assert.Equal(new DayStatistics(3, 10, false), report.DaysToAcknowledge);
        // To feedback from acknowledgement: 1 10 14 30 → median 12, 90th percentile the 4th of 4.
        Assert.Equal(new DayStatistics(12, 30, false), report.DaysToFeedback);
    }

    [Fact]
    public void Breakdowns_count_each_group_of_a_case_and_keep_unrecorded_data_apart()
    {
        var report = EffectivenessCalculator.Compute(Cases, new ReportingPeriod(2026), Today, threshold: 1);

        var groups = report.Breakdowns.Single(b => b.By == Disaggregation.Group);
        Assert.Equal(["g1", "g2", null], groups.Keys);
        Assert.Equal([0, 0, 0, 2], Row(groups.Stages, 0));
        Assert.Equal([0, 0, 1, 1], Row(groups.Stages, 1));
        Assert.Equal([1, 1, 2, 0], Row(groups.Stages, 2));

        var regions = report.Breakdowns.Single(b => b.By == Disaggregation.Region);
        Assert.Equal(["KE", "UG", null], regions.Keys);
        Assert.Equal([0, 0, 1, 2], Row(regions.Stages, 0));
        Assert.Equal(3, regions.Stages.RowTotal(0).Value);
        // Kenya: 2, 7 and 3 days to acknowledge.
        Assert.Equal(new DayStatistics(3, 7, false), regions.DaysToAcknowledge[0]);

        var sex = report.Breakdowns.Single(b => b.By == Disaggregation.Sex);
        Assert.True(sex.NotRecorded);
    }

    [Fact]
    public void With_the_default_threshold_small_counts_and_short_series_are_withheld()
    {
        var report = EffectivenessCalculator.Compute(Cases, new ReportingPeriod(2026), Today);

        Assert.All(report.Stages.Counts, c => Assert.Equal(Suppression.Primary, c.Suppression));
        Assert.Equal(7, report.Stages.ColumnTotal(0).Value);
        Assert.Equal(Suppression.Primary, Assert.Single(report.RepeatIssues).Cases.Suppression);
        // Five acknowledgements are enough for a median; four feedbacks are not.
        Assert.Equal(3, report.DaysToAcknowledge.Median);
        Assert.True(report.DaysToFeedback.TooFew);
        Assert.Null(report.DaysToFeedback.Median);
        Assert.True(report.Breakdowns.Single(b => b.By == Disaggregation.Region).DaysToAcknowledge[0].TooFew);
    }

    [Fact]
    public void A_stage_withheld_in_the_overall_table_is_withheld_in_every_breakdown_total_too()
    {
        // 20 closed, 6 in progress, 2 overdue: the overall table withholds the 6 beside the 2.
        var cases = Enumerable.Range(0, 20).Select(i => Case(D(1, 1), CaseStatus.Closed, D(1, 2), region: i % 2 == 0 ? "KE" : "UG"))
            .Concat(Enumerable.Range(0, 6).Select(_ => Case(D(1, 1), CaseStatus.Investigating, D(1, 2), region: "KE")))
            .Concat(Enumerable.Range(0, 2).Select(_ => Case(D(1, 1), CaseStatus.Received, region: "UG")))
            .ToList();

        var report = EffectivenessCalculator.Compute(cases, new ReportingPeriod(2026), Today);

        var inProgress = EffectivenessReport.StageOrder.ToList().IndexOf(CaseStage.InProgress);
        var overdue = EffectivenessReport.StageOrder.ToList().IndexOf(CaseStage.Overdue);
        Assert.Equal(Suppression.Primary, report.Stages.Cell(overdue, 0).Suppression);
        Assert.Equal(Suppression.Complementary, report.Stages.Cell(inProgress, 0).Suppression);
        var regions = report.Breakdowns.Single(b => b.By == Disaggregation.Region);
        Assert.True(regions.Stages.ColumnTotal(inProgress).IsSuppressed);
        Assert.True(regions.Stages.ColumnTotal(overdue).IsSuppressed);
    }

    [Fact]
    public void Only_cases_received_in_the_period_count()
    {
        var report = EffectivenessCalculator.Compute(Cases, new ReportingPeriod(2025), Today, threshold: 1);

        Assert.Equal([0, 0, 0, 1], Values(report.Stages));
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0], Values(report.Remedies));
        Assert.Empty(report.RepeatIssues);
    }

    [Theory]
    [InlineData("2026-02-22", null, false)]
    [InlineData("2026-02-21", null, true)]
    [InlineData("2026-01-01", "2026-01-20", false)]
    public void A_case_is_overdue_when_not_acknowledged_more_than_seven_days_after_receipt(string received, string? acknowledged, bool overdue)
    {
        Assert.Equal(overdue, CaseFeedback.IsAcknowledgementOverdue(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), acknowledged is null ? null : DateOnly.Parse(acknowledged, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void The_first_feedback_is_the_first_step_beyond_assessment()
    {
        var steps = new[] { (CaseStatus.Closed, D(2, 9)), (CaseStatus.Acknowledged, D(1, 2)), (CaseStatus.UnderAssessment, D(1, 3)), (CaseStatus.Investigating, D(1, 30)) };

        Assert.Equal(D(1, 30), CaseFeedback.FirstFeedbackOn(steps));
        Assert.Null(CaseFeedback.FirstFeedbackOn([(CaseStatus.Acknowledged, D(1, 2)), (CaseStatus.UnderAssessment, D(1, 3))]));
    }

    [Theory]
    [InlineData("2026", true)]
    [InlineData("2000", true)]
    [InlineData("1999", false)]
    [InlineData("2027", false)]
    [InlineData("02026", false)]
    [InlineData("twenty", false)]
    [InlineData(" 2026", false)]
    public void A_period_is_a_year_up_to_the_current_one(string value, bool valid)
    {
        Assert.Equal(valid, ReportingPeriod.TryParse(value, Today, out var period));
        Assert.Equal(valid ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 2026, period.Year);
    }

    private static int?[] Row(SuppressedTable table, int row) => [.. Enumerable.Range(0, table.Columns).Select(c => table.Cell(row, c).Value)];
}
