using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Hrdd;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>An indicator with its latest measurement and the progress that measurement shows, for lists.</summary>
public sealed record IndicatorSummary(TrackingIndicator Indicator, TrackingMeasurement? Latest, int Measurements)
{
    public Progress? Progress => Latest is null ? null : Indicator.ProgressOf(Latest.Value);

    public static async Task<IReadOnlyList<IndicatorSummary>> LoadAsync(
        RightscopeDbContext db, Expression<Func<TrackingIndicator, bool>> which, CancellationToken cancellationToken)
    {
        var indicators = await db.TrackingIndicators.AsNoTracking().Where(which).ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var measurements = await db.TrackingMeasurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId)).ToListAsync(cancellationToken);
        return [.. indicators
            .Select(i =>
            {
                var own = measurements.Where(m => m.IndicatorId == i.Id).ToList();
                return new IndicatorSummary(i, own.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.CreatedAt).FirstOrDefault(), own.Count);
            })
            .OrderBy(s => s.Indicator.Name, StringComparer.CurrentCulture)];
    }
}
