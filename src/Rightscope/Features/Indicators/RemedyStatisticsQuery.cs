using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Companies;
using Rightscope.Core.Indicators;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Remedy;

namespace Rightscope.Features.Indicators;

/// <summary>
/// The clear triage metadata of the organization's grievance cases (year received, violation types, country, affected
/// groups, defender flag, perpetrator type, victim's sex and age band), never an encrypted column,
/// turned into suppressed tables by <see cref="CaseStatistics"/>.
/// </summary>
public sealed class RemedyStatisticsQuery(
    RightscopeDbContext db, TimeProvider clock, MethodologyRegistry registry, IStringLocalizer<RemedyText> remedyText, AggregateCache aggregates)
{
    public static IReadOnlyList<string> ViolationTypes { get; } = [.. Enum.GetNames<ViolationType>()];

    public int CurrentYear => clock.GetUtcNow().UtcDateTime.Year;

    /// <summary>The default years: the last few up to the current one (<see cref="StatisticsYears.Default"/>).</summary>
    public IReadOnlyList<int> Years() => StatisticsYears.Default(CurrentYear);

    /// <summary>The tables for every case of the organization, or only those of one country (ISO alpha-2), over the default years.</summary>
    public Task<IReadOnlyList<StatisticsTable>> TablesAsync(string? country, IReadOnlyList<StatisticsDimension> dimensions, CancellationToken cancellationToken) =>
        TablesAsync(country, dimensions, Years(), cancellationToken);

    /// <summary>
    /// The tables over consecutive <paramref name="years"/> (from <see cref="StatisticsYears.Parse"/>), kept until the
    /// organization's cases change (<see cref="AggregateCache"/>).
    /// </summary>
    public Task<IReadOnlyList<StatisticsTable>> TablesAsync(string? country, IReadOnlyList<StatisticsDimension> dimensions, IReadOnlyList<int> years, CancellationToken cancellationToken) =>
        aggregates.GetOrComputeAsync(
            db,
            AggregateArea.Cases,
            $"statistics|{country}|{string.Join(',', dimensions)}|{string.Join(',', years)}",
            token => ComputeAsync(country, dimensions, years, token),
            cancellationToken);

    private async Task<IReadOnlyList<StatisticsTable>> ComputeAsync(string? country, IReadOnlyList<StatisticsDimension> dimensions, IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var from = new DateOnly(years[0], 1, 1);
        var until = new DateOnly(years[^1], 12, 31);
        var query = db.Cases.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn <= until);
        if (country is not null)
        {
            query = query.Where(c => c.Country == country);
        }

        // Grouped by the database: identical cases arrive as one record with their number, so memory follows the
        // combinations of values, not the cases.
        var groups = await query
            .GroupBy(c => new { c.ReceivedOn.Year, c.ViolationTypeKeys, c.Country, c.GroupKeys, c.Defender, c.Perpetrator, c.VictimSex, c.VictimAgeBand })
            .Select(g => new { g.Key.Year, g.Key.ViolationTypeKeys, g.Key.Country, g.Key.GroupKeys, g.Key.Defender, g.Key.Perpetrator, g.Key.VictimSex, g.Key.VictimAgeBand, Cases = g.Count() })
            .ToListAsync(cancellationToken);
        var records = groups.Select(c => new CaseRecord(
            c.Year,
            [.. ViolationTypeList.Read(c.ViolationTypeKeys).Select(t => t.ToString())],
            c.Country,
            JsonSerializer.Deserialize<List<string>>(c.GroupKeys) ?? [],
            c.Defender,
            c.Perpetrator?.ToString(),
            c.VictimSex?.ToString(),
            c.VictimAgeBand?.ToString(),
            c.Cases)).ToList();
        return CaseStatistics.Build(records, years, ViolationTypes, dimensions);
    }

    /// <summary>A row's name: a violation type, a country or an affected group in the reader's language; null is "not recorded".</summary>
    public string RowName(StatisticsDimension by, string? key, string notRecorded)
    {
        if (key is null)
        {
            return notRecorded;
        }

        var language = MethodologyLanguage.Current;
        return by switch
        {
            StatisticsDimension.ViolationType => Enum.TryParse<ViolationType>(key, out var violation) ? remedyText[$"Option.violation.{violation.ToCode()}"] : key,
            StatisticsDimension.Country => Country.TryParse(key, out var country) ? country.Name(language) : key,
            StatisticsDimension.Perpetrator => Enum.TryParse<PerpetratorType>(key, out var perpetrator) ? remedyText[$"Option.perpetrator.{perpetrator.ToCode()}"] : key,
            StatisticsDimension.Sex => Enum.TryParse<VictimSex>(key, out var sex) ? remedyText[$"Option.sex.{sex.ToCode()}"] : key,
            StatisticsDimension.AgeBand => Enum.TryParse<AgeBand>(key, out var age) ? remedyText[$"Option.age.{age.ToCode()}"] : key,
            _ => registry.Shipped.Reference(CaseHandling.GroupsCatalog)?.Entries.FirstOrDefault(e => e.Key == key)?.Title.In(language) ?? key,
        };
    }
}
