using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Hrdd;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Tracking performance (C5): for each salient issue, the indicators of the issue and of the actions that address it,
/// each with its baseline, target and latest measurement up to the end of the year, and for quantitative indicators
/// the progress from baseline to target the engine computes.
/// </summary>
public sealed class TrackingFacts(RightscopeDbContext db) : IReportFactsContributor
{
    public const string SourceName = "tracking-indicators";

    public string Source => SourceName;

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        var covered = ReportIssueIds.Of(context);
        if (covered.Count == 0)
        {
            return;
        }

        var coveredIds = covered.Keys.ToList();
        var actionIssues = (await db.DueDiligenceActionIssues.AsNoTracking()
                .Where(l => coveredIds.Contains(l.SalientIssueId))
                .Select(l => new { l.ActionId, l.SalientIssueId })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.ActionId, l => l.SalientIssueId);
        var actionIds = actionIssues.Select(g => g.Key).ToList();
        var indicators = await db.TrackingIndicators.AsNoTracking()
            .Where(i => (i.SalientIssueId != null && coveredIds.Contains(i.SalientIssueId.Value)) || (i.ActionId != null && actionIds.Contains(i.ActionId.Value)))
            .ToListAsync(cancellationToken);
        if (indicators.Count == 0)
        {
            return;
        }

        var end = new DateOnly(context.Year, 12, 31);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var latest = (await db.TrackingMeasurements.AsNoTracking()
                .Where(m => indicatorIds.Contains(m.IndicatorId) && m.MeasuredOn <= end)
                .Select(m => new { m.IndicatorId, m.MeasuredOn, m.Value, m.Assessment, m.CreatedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.IndicatorId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.CreatedAt).First());

        foreach (var (issueId, issue) in covered)
        {
            var tracked = indicators
                .Where(i => i.SalientIssueId == issueId || (i.ActionId is { } action && actionIssues[action].Contains(issueId)))
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .ToList();
            if (tracked.Count == 0)
            {
                continue;
            }

            context.Add(ReportFact.Table(new SectionRef("C5", issue.Id), SourceName,
                new(string.Create(CultureInfo.InvariantCulture, $"Indicators and their latest measurement up to the end of {context.Year}"), string.Create(CultureInfo.InvariantCulture, $"各项指标及截至 {context.Year} 年底的最新测量结果")),
                [new("Indicator", "指标"), new("Baseline", "基线"), new("Target", "目标"), new("Latest measurement", "最新测量"), new("Progress", "进展")],
                tracked.Select(i =>
                {
                    var measurement = latest.GetValueOrDefault(i.Id);
                    var quantitative = i.Kind == TrackingIndicatorKind.Quantitative;
                    var progress = quantitative ? i.ProgressOf(measurement?.Value) : null;
                    return (IReadOnlyList<Bilingual>)
                    [
                        Bilingual.Same(i.Name),
                        Dated(quantitative ? Value(i.BaselineValue, i.Unit) : i.BaselineText, i.BaselineOn),
                        Dated(quantitative ? Value(i.TargetValue, i.Unit) : i.TargetText, i.TargetOn),
                        measurement is null
                            ? new("not measured yet", "尚未测量")
                            : Dated(quantitative ? Value(measurement.Value, i.Unit) : measurement.Assessment, measurement.MeasuredOn),
                        progress is null
                            ? Bilingual.Same("—")
                            : new(string.Create(CultureInfo.InvariantCulture, $"{progress.Percent:0} % ({DueDiligenceLabels.Of(progress.State).En})"),
                                string.Create(CultureInfo.InvariantCulture, $"{progress.Percent:0}%（{DueDiligenceLabels.Of(progress.State).Zh}）")),
                    ];
                }),
                new("Progress: 0 % at the baseline, 100 % at the target. Indicators of the actions that address the issue are included.", "进展：基线为 0%，目标为 100%。包括针对这一问题的行动的指标。")));
        }
    }

    private static string? Value(double? value, string? unit) =>
        value is { } v ? (unit is { Length: > 0 } ? $"{v.ToString("0.##", CultureInfo.InvariantCulture)} {unit}" : v.ToString("0.##", CultureInfo.InvariantCulture)) : null;

    private static Bilingual Dated(string? text, DateOnly on) =>
        new($"{text ?? "—"} ({DueDiligenceLabels.Day(on).En})", $"{text ?? "—"}（{DueDiligenceLabels.Day(on).Zh}）");
}
