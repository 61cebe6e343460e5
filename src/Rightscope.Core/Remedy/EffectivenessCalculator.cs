using Rightscope.Core.Statistics;

namespace Rightscope.Core.Remedy;

/// <summary>
/// Computes the <see cref="EffectivenessReport"/> of the cases received in a period, from their clear metadata only.
/// Days to acknowledge run from receipt to acknowledgement; days to feedback from acknowledgement to the first
/// feedback (<see cref="CaseFeedback.IsFeedback"/>), matching the SLA "feedback within three months of
/// acknowledgement". Open and overdue are as of <c>today</c>.
/// </summary>
public static class EffectivenessCalculator
{
    public static EffectivenessReport Compute(IEnumerable<CaseFacts> allCases, ReportingPeriod period, DateOnly today, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(allCases);
        ArgumentNullException.ThrowIfNull(period);
        var cases = allCases.Where(c => period.Contains(c.ReceivedOn)).ToList();

        var toAcknowledge = DayStatistics.Of(cases.Where(c => c.AcknowledgedOn is not null).Select(DaysToAcknowledge), threshold);
        var toFeedback = DayStatistics.Of(
            cases.Where(c => c is { AcknowledgedOn: not null, FirstFeedbackOn: not null })
                .Select(c => c.FirstFeedbackOn!.Value.DayNumber - c.AcknowledgedOn!.Value.DayNumber),
            threshold);

        var referrals = cases.SelectMany(c => c.Referrals).ToList();
        var mechanisms = EffectivenessReport.MechanismOrder;
        var statuses = EffectivenessReport.ReferralStatusOrder;
        var referralGrid = new int[mechanisms.Count, statuses.Count];
        foreach (var (mechanism, status) in referrals)
        {
            referralGrid[Index(mechanisms, mechanism), Index(statuses, status)]++;
        }

        var closed = cases.Where(c => c.Status == CaseStatus.Closed).ToList();
        var remedies = OneWay(EffectivenessReport.RemedyOrder, type => closed.Sum(c => c.Remedies.Count(r => r == type)), threshold);
        var satisfaction = OneWay(EffectivenessReport.SatisfactionOrder, answer => cases.Count(c => c.Satisfaction == answer), threshold);

        // Tables that show the same counts are suppressed together: each breakdown's stage totals are the overall
        // stage counts (exactly so for one-value dimensions, conservatively for groups), and the closures add up to
        // the closed stage.
        var stageOrder = EffectivenessReport.StageOrder;
        var stageCounts = CountTable.OneWay([.. stageOrder.Select(stage => cases.Count(c => StageOf(c, today) == stage))]);
        var closures = CountTable.OneWay([.. EffectivenessReport.ClosureOrder.Select(withRemedy => closed.Count(c => c.Remedies.Count > 0 == withRemedy))]);
        var dimensions = new (Disaggregation By, Func<CaseFacts, IReadOnlyList<string?>> KeysOf)[]
        {
            (Disaggregation.Group, c => c.Groups.Count == 0 ? [null] : [.. c.Groups.Distinct(StringComparer.Ordinal)]),
            (Disaggregation.Sex, c => [c.Sex]),
            (Disaggregation.Region, c => [c.Region]),
        };
        var breakdowns = dimensions.Select(d => BreakdownCounts(cases, d.KeysOf, today)).ToList();
        var links = new List<TableLink>
        {
            new(0, new TablePosition(Index(stageOrder, CaseStage.Closed), 0), 1, new TablePosition(EffectivenessReport.ClosureOrder.Count, 0)),
        };
        for (var b = 0; b < breakdowns.Count; b++)
        {
            var rows = breakdowns[b].Table.Rows;
            links.Add(new(0, new TablePosition(stageOrder.Count, 0), 2 + b, new TablePosition(rows, stageOrder.Count)));
            links.AddRange(stageOrder.Select((_, i) => new TableLink(0, new TablePosition(i, 0), 2 + b, new TablePosition(rows, i))));
        }

        var suppressed = LinkedSuppression.Apply([stageCounts, closures, .. breakdowns.Select(b => b.Table)], links, threshold);

        return new EffectivenessReport(
            period,
            threshold,
            suppressed[0],
            toAcknowledge,
            toFeedback,
            SmallCellSuppression.Apply(CountTable.TwoWay(referralGrid), threshold),
            remedies,
            suppressed[1],
            satisfaction,
            RepeatIssues(cases, threshold),
            [.. breakdowns.Select((b, i) => new Breakdown(dimensions[i].By, b.Keys, suppressed[2 + i], [.. b.Days.Select(d => DayStatistics.Of(d, threshold))]))]);
    }

    public static CaseStage StageOf(CaseFacts facts, DateOnly today) => facts switch
    {
        { Status: CaseStatus.Closed } => CaseStage.Closed,
        { AcknowledgedOn: not null } => CaseStage.InProgress,
        _ when CaseFeedback.IsAcknowledgementOverdue(facts.ReceivedOn, facts.AcknowledgedOn, today) => CaseStage.Overdue,
        _ => CaseStage.AwaitingAcknowledgement,
    };

    private static int DaysToAcknowledge(CaseFacts c) => c.AcknowledgedOn!.Value.DayNumber - c.ReceivedOn.DayNumber;

    private static SuppressedTable OneWay<T>(IReadOnlyList<T> order, Func<T, int> count, int threshold) =>
        SmallCellSuppression.Apply(CountTable.OneWay([.. order.Select(count)]), threshold);

    private static int Index<T>(IReadOnlyList<T> order, T value) => order.ToList().IndexOf(value);

    /// <summary>Same company and same right in two cases or more; the counts of all such pairs are suppressed as one list.</summary>
    private static IReadOnlyList<RepeatIssue> RepeatIssues(List<CaseFacts> cases, int threshold)
    {
        var pairs = cases
            .Where(c => c.CompanyId is not null)
            .SelectMany(c => c.Rights.Distinct(StringComparer.Ordinal).Select(right => (Company: c.CompanyId!.Value, Right: right)))
            .GroupBy(p => p)
            .Where(g => g.Count() >= 2)
            .Select(g => (g.Key.Company, g.Key.Right, Count: g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Company).ThenBy(p => p.Right, StringComparer.Ordinal)
            .ToList();
        if (pairs.Count == 0)
        {
            return [];
        }

        var table = SmallCellSuppression.Apply(CountTable.OneWay([.. pairs.Select(p => p.Count)]), threshold);
        return [.. pairs.Select((p, i) => new RepeatIssue(p.Company, p.Right, table.Cell(i, 0)))];
    }

    private static (IReadOnlyList<string?> Keys, CountTable Table, IReadOnlyList<List<int>> Days) BreakdownCounts(
        List<CaseFacts> cases, Func<CaseFacts, IReadOnlyList<string?>> keysOf, DateOnly today)
    {
        var keys = cases.SelectMany(keysOf).Distinct().OrderBy(k => k is null).ThenBy(k => k, StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            keys.Add(null);
        }

        var stages = EffectivenessReport.StageOrder;
        var grid = new int[keys.Count, stages.Count];
        var days = keys.Select(_ => new List<int>()).ToList();
        foreach (var facts in cases)
        {
            foreach (var key in keysOf(facts))
            {
                var row = keys.IndexOf(key);
                grid[row, Index(stages, StageOf(facts, today))]++;
                if (facts.AcknowledgedOn is not null)
                {
                    days[row].Add(DaysToAcknowledge(facts));
                }
            }
        }

        return (keys, CountTable.TwoWay(grid), days);
    }
}
