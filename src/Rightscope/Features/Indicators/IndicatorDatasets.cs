using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Indicators;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Indicators;

/// <summary>What an import wrote.</summary>
public sealed record DatasetImportOutcome(IndicatorDataset Dataset, bool Replaced);

/// <summary>
/// Writes an indicator import as one transaction (the dataset, its values and the audit entry, or nothing), publishes
/// and withdraws datasets, and reads the values the pages show: from every published dataset of the organization, the
/// most recently imported one winning where two give the same indicator, country, year and breakdown.
/// </summary>
public sealed class IndicatorDatasets(RightscopeDbContext db, AuditTrail audit, TimeProvider clock, AggregateCache aggregates)
{
    public async Task<DatasetImportOutcome> WriteAsync(
        Guid organizationId, AuditActor actor, string name, string fileName, IndicatorImportResult report, CancellationToken cancellationToken)
    {
        if (!report.CanWrite)
        {
            throw new InvalidOperationException("The import report does not allow writing.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dataset = await db.IndicatorDatasets.SingleOrDefaultAsync(d => d.Name == name, cancellationToken);
        var replaced = dataset is not null;
        var previous = dataset?.RowCount ?? 0;
        if (dataset is null)
        {
            dataset = new IndicatorDataset { OrganizationId = organizationId, Name = name, SourceFileName = fileName, ImportedBy = actor.Display };
            db.IndicatorDatasets.Add(dataset);
        }
        else
        {
            await db.IndicatorValues.Where(v => v.DatasetId == dataset.Id).ExecuteDeleteAsync(cancellationToken);
        }

        dataset.SourceFileName = fileName.Length > IndicatorDataset.FileNameMaxLength ? fileName[..IndicatorDataset.FileNameMaxLength] : fileName;
        dataset.ImportedBy = actor.Display.Length > 320 ? actor.Display[..320] : actor.Display;
        dataset.ImportedAt = now;
        dataset.RowCount = report.Rows.Count;
        dataset.CountryCount = report.Rows.Select(r => r.Country).Distinct(StringComparer.Ordinal).Count();
        dataset.FirstYear = report.Rows.Min(r => r.Year);
        dataset.LastYear = report.Rows.Max(r => r.Year);
        // New values are checked before they are shown: a replaced dataset is a draft again.
        var wasPublished = dataset.PublishedAt is not null;
        dataset.PublishedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAsync(report.Rows.Select(r => new IndicatorValue
        {
            OrganizationId = organizationId,
            DatasetId = dataset.Id,
            IndicatorKey = r.IndicatorKey,
            Country = r.Country,
            Year = r.Year,
            Value = r.Value,
            Unit = r.Unit,
            Sex = r.Breakdown.Sex,
            AgeGroup = r.Breakdown.AgeGroup,
            Location = r.Breakdown.Location,
            Disability = r.Breakdown.Disability,
            Source = r.Source,
        }), cancellationToken);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{name}: {report.Rows.Count} values, {dataset.CountryCount} countries, {dataset.FirstYear}–{dataset.LastYear}; {report.BadRows} bad rows skipped; file {dataset.SourceFileName}{(replaced ? $"; replaced {previous} values" : "")}{(wasPublished ? "; withdrawn until published again" : "")}; draft");
        await audit.SaveChangesAsync(
            new AuditRecord(organizationId, actor, replaced ? "indicators.replaced" : "indicators.imported", "indicator-dataset", dataset.Id.ToString("N"), summary),
            cancellationToken); // commits the transaction
        return new DatasetImportOutcome(dataset, replaced);
    }

    /// <summary>The values matching <paramref name="filter"/>, one per (indicator, country, year, breakdown): the latest import's.</summary>
    public async Task<IReadOnlyList<IndicatorValue>> ValuesAsync(System.Linq.Expressions.Expression<Func<IndicatorValue, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await (
                from value in db.IndicatorValues.AsNoTracking().Where(filter)
                join dataset in db.IndicatorDatasets.AsNoTracking().Where(d => d.PublishedAt != null) on value.DatasetId equals dataset.Id
                select new { value, dataset.ImportedAt })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => (r.value.IndicatorKey, r.value.Country, r.value.Year, r.value.Sex, r.value.AgeGroup, r.value.Location, r.value.Disability))
            .Select(g => g.OrderByDescending(r => r.ImportedAt).First().value)
            .OrderBy(v => v.IndicatorKey, StringComparer.Ordinal).ThenBy(v => v.Country, StringComparer.Ordinal).ThenBy(v => v.Year)];
    }

    /// <summary>Whether any published dataset holds synthetic values, so pages must say so.</summary>
    public Task<bool> AnyIllustrativeAsync(CancellationToken cancellationToken) =>
        db.IndicatorDatasets.AnyAsync(d => d.Illustrative && d.PublishedAt != null, cancellationToken);

    /// <summary>The countries with published values, by alpha-2 code.</summary>
    public Task<List<string>> CountriesAsync(CancellationToken cancellationToken) => (
            from value in db.IndicatorValues.AsNoTracking()
            join dataset in db.IndicatorDatasets.AsNoTracking().Where(d => d.PublishedAt != null) on value.DatasetId equals dataset.Id
            select value.Country)
        .Distinct().OrderBy(c => c).ToListAsync(cancellationToken);

    /// <summary>Publishes or withdraws a (tracked) dataset with its audit entry; false when it already was so.</summary>
    public async Task<bool> SetPublishedAsync(IndicatorDataset dataset, bool publish, AuditActor actor, CancellationToken cancellationToken)
    {
        if ((dataset.PublishedAt is not null) == publish)
        {
            return false;
        }

        dataset.PublishedAt = publish ? clock.GetUtcNow().UtcDateTime : null;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{dataset.Name}: {dataset.RowCount} values, {dataset.CountryCount} countries, {dataset.FirstYear}–{dataset.LastYear}");
        await audit.SaveChangesAsync(
            new AuditRecord(dataset.OrganizationId, actor, publish ? "indicators.published" : "indicators.unpublished", "indicator-dataset", dataset.Id.ToString("N"), summary),
            cancellationToken);
        return true;
    }

    /// <summary>
    /// The index computed from the total values of its components, every year and country; kept until the
    /// organization's indicator data changes (it reads every country's values).
    /// </summary>
    public Task<IReadOnlyList<IndexScore>> ScoresAsync(CompositeIndexDefinition index, CancellationToken cancellationToken) =>
        aggregates.GetOrComputeAsync(db, AggregateArea.Indicators, $"index-scores|{index.Key}", token => ComputeScoresAsync(index, token), cancellationToken);

    private async Task<IReadOnlyList<IndexScore>> ComputeScoresAsync(CompositeIndexDefinition index, CancellationToken cancellationToken)
    {
        var keys = index.Components.Select(c => c.IndicatorKey).ToList();
        var values = await ValuesAsync(v => keys.Contains(v.IndicatorKey) && v.Sex == "" && v.AgeGroup == "" && v.Location == "" && v.Disability == "", cancellationToken);
        return CompositeIndex.Compute(index, values.Select(v => new IndexObservation(v.Country, v.Year, v.IndicatorKey, v.Value)));
    }
}
