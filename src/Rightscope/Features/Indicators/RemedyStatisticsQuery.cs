using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Companies;
using Rightscope.Core.Indicators;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Remedy;

namespace Rightscope.Features.Indicators;

/// <summary>
/// The clear triage metadata of the organization's grievance cases (year received, category as the violation type,
/// country, affected groups, defender flag), never an encrypted column, turned into suppressed tables by
/// <see cref="CaseStatistics"/>. Perpetrator type, sex and age band are not part of the triage record yet, so the pages
/// say they are not recorded rather than show empty tables.
/// </summary>
public sealed class RemedyStatisticsQuery(RightscopeDbContext db, TimeProvider clock, MethodologyRegistry registry, IStringLocalizer<RemedyText> remedyText)
{
    /// <summary>How many calendar years the tables show, up to the current one.</summary>
    public const int YearsShown = 5;

    public static IReadOnlyList<string> ViolationTypes { get; } = [.. Enum.GetNames<CaseCategory>()];

    public IReadOnlyList<int> Years()
    {
        var year = clock.GetUtcNow().UtcDateTime.Year;
        return [.. Enumerable.Range(year - YearsShown + 1, YearsShown)];
    }

    /// <summary>The tables for every case of the organization, or only those of one country (ISO alpha-2).</summary>
    public async Task<IReadOnlyList<StatisticsTable>> TablesAsync(string? country, IReadOnlyList<StatisticsDimension> dimensions, CancellationToken cancellationToken)
    {
        var years = Years();
        var from = new DateOnly(years[0], 1, 1);
        var query = db.Cases.AsNoTracking().Where(c => c.ReceivedOn >= from);
        if (country is not null)
        {
            query = query.Where(c => c.Country == country);
        }

        var cases = await query.Select(c => new { c.ReceivedOn, c.Category, c.Country, c.GroupKeys, c.Defender }).ToListAsync(cancellationToken);
        var records = cases.Select(c => new CaseRecord(
            c.ReceivedOn.Year,
            c.Category?.ToString(),
            c.Country,
            JsonSerializer.Deserialize<List<string>>(c.GroupKeys) ?? [],
            c.Defender)).ToList();
        return CaseStatistics.Build(records, years, ViolationTypes, dimensions);
    }

    /// <summary>A row's name: a category, a country or an affected group in the reader's language; null is "not recorded".</summary>
    public string RowName(StatisticsDimension by, string? key, string notRecorded)
    {
        if (key is null)
        {
            return notRecorded;
        }

        var language = MethodologyLanguage.Current;
        return by switch
        {
            StatisticsDimension.ViolationType => remedyText[$"Category.{key}"],
            StatisticsDimension.Country => Country.TryParse(key, out var country) ? country.Name(language) : key,
            _ => registry.Shipped.Reference(CaseHandling.GroupsCatalog)?.Entries.FirstOrDefault(e => e.Key == key)?.Title.In(language) ?? key,
        };
    }
}
