using Microsoft.EntityFrameworkCore;
using Rightscope.Tests.Features.Indicators;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

/// <summary><c>rightscope import indicators</c> on both providers.</summary>
public sealed class IndicatorsCommandTests
{
    private static Task<CliResult> ImportAsync(TestDatabase database, string file, params string[] more) =>
        Cli.RunAsync(database, "", ["import", "indicators", "--org", "watchers", "--dataset", "ITU 2024", "--file", file, .. more]);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Errors_are_listed_as_file_line_field_and_nothing_is_written_then_a_good_file_is_imported_and_audited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@watchers.example", "watchers", "civil-society")).AssertSucceeded();
        var bad = HoldingsCommandTests.Write("indicator,country,year,value\ninternet-use,ZZZ,2024,1\ninternet-use,KE,2024,n/a\ninternet-use,KE,2023,5\n");
        var name = Path.GetFileName(bad);

        var refused = await ImportAsync(database, bad);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{name}:2: country: 'ZZZ' is not an ISO 3166-1 alpha-2 or alpha-3 country code.", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{name}:3: value: 'n/a' is not a number", refused.Error, StringComparison.Ordinal);
        Assert.Contains("2 of 3 row(s) have errors; nothing was written", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, await Cli.WithDbAsync(database, (db, _) => db.IndicatorValues.IgnoreQueryFilters().CountAsync()));

        var skipped = (await ImportAsync(database, bad, "--skip-bad-rows")).AssertSucceeded();
        Assert.Contains("Imported dataset 'ITU 2024': 1 value(s), 1 countries, 2023–2023; 2 bad row(s) skipped.", skipped.Out, StringComparison.Ordinal);

        var mapped = HoldingsCommandTests.Write(IndicatorSteps.GoodCsv.Replace("indicator,country,", "kpi,iso3,", StringComparison.Ordinal));
        var replaced = (await ImportAsync(database, mapped, "--map", "kpi=indicator", "iso3=country")).AssertSucceeded();
        Assert.Contains("Replaced dataset 'ITU 2024': 17 value(s), 3 countries, 2023–2024", replaced.Out, StringComparison.Ordinal);
        Assert.Equal(17, await Cli.WithDbAsync(database, (db, _) => db.IndicatorValues.IgnoreQueryFilters().CountAsync()));
        var audit = await Cli.WithDbAsync(database, (db, _) => db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action.StartsWith("indicators.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["indicators.imported", "indicators.replaced"], audit);

        var badMap = await ImportAsync(database, mapped, "--map", "kpi=nothing");
        Assert.Equal(1, badMap.ExitCode);
        Assert.Contains("--map: 'kpi=nothing' is not a mapping", badMap.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await Cli.RunAsync(database, "", "import", "indicators", "--org", "nobody", "--dataset", "x", "--file", mapped)).ExitCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Import_stays_a_draft_and_says_how_to_publish_unless_publish_is_given_which_publishes_and_audits_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@watchers.example", "watchers", "civil-society")).AssertSucceeded();
        var file = HoldingsCommandTests.Write(IndicatorSteps.GoodCsv);

        var draft = (await ImportAsync(database, file)).AssertSucceeded();
        var id = await Cli.WithDbAsync(database, (db, _) => db.IndicatorDatasets.IgnoreQueryFilters().Select(d => d.Id).SingleAsync());
        Assert.Contains($"Dataset 'ITU 2024' is a draft: the pages do not show it until it is published at /o/watchers/indicators/datasets/{id} (or imported again with --publish).", draft.Out, StringComparison.Ordinal);
        Assert.Null(await Cli.WithDbAsync(database, (db, _) => db.IndicatorDatasets.IgnoreQueryFilters().Select(d => d.PublishedAt).SingleAsync()));

        var published = (await ImportAsync(database, file, "--publish")).AssertSucceeded();
        Assert.Contains("Published dataset 'ITU 2024'", published.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("is a draft", published.Out, StringComparison.Ordinal);
        Assert.NotNull(await Cli.WithDbAsync(database, (db, _) => db.IndicatorDatasets.IgnoreQueryFilters().Select(d => d.PublishedAt).SingleAsync()));
        var audit = await Cli.WithDbAsync(database, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.Action.StartsWith("indicators.")).OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor, e.TargetId }).ToListAsync());
        Assert.Equal(["indicators.imported", "indicators.replaced", "indicators.published"], audit.Select(a => a.Action));
        Assert.StartsWith("cli:", audit[2].Actor, StringComparison.Ordinal);
        Assert.Equal(id.ToString("N"), audit[2].TargetId);
    }
}
