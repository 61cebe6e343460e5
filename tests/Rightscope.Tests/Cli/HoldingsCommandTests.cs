using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Companies;
using Rightscope.Features.Portfolios;
using Rightscope.Tests.Core.Portfolios;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

/// <summary><c>rightscope import holdings</c> and <c>rightscope export portfolio</c> on both providers.</summary>
public sealed class HoldingsCommandTests
{
    public static readonly string IsinA = MakeIsin("XS000000001");
    public static readonly string IsinB = MakeIsin("XS000000002");
    public static readonly string IsinC = MakeIsin("XS000000003");

    /// <summary>ISIN A with a wrong check digit.</summary>
    public static readonly string BadIsin = IsinA[..11] + (char)('0' + ((IsinA[11] - '0' + 1) % 10));

    public static string MakeIsin(string payload) => payload + global::Rightscope.Core.Companies.Isin.ComputeCheckDigit(payload);

    /// <summary>A registry company with ISIN A (matched by ISIN) and one named "Fictional Beta" (matched by name).</summary>
    public static async Task<Guid> SeedAsync(TestDatabase database, string slug = "stewards")
    {
        (await Cli.CreateOwnerAsync(database, $"owner@{slug}.example", slug)).AssertSucceeded();
        return await Cli.WithDbAsync(database, async (db, _) =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Slug == slug);
            var alpha = new Company { OrganizationId = org.Id, NameEn = "Fictional Alpha", Isin = IsinA, Fictional = true };
            var beta = new Company { OrganizationId = org.Id, NameEn = "Fictional Beta Holdings Ltd", Fictional = true };
            CompanyCommands.SetNormalizedNames(alpha);
            CompanyCommands.SetNormalizedNames(beta);
            db.AddRange(alpha, beta);
            await db.SaveChangesAsync();
            return org.Id;
        });
    }

    public static string Write(string content, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), $"holdings-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    public static string GoodCsv() => string.Join('\n',
        "name,isin,country,weight,market_value,currency,shares",
        $"Fictional Alpha Inc,{IsinA},US,40.5,\"1,234,567.89\",USD,1500",
        "FICTIONAL BETA HOLDINGS,,GB,35,1000,EUR,10",
        $"Unknown Gamma,{IsinC},DE,24.5,99.5,EUR,") + "\n";

    public static Task<List<HoldingsSnapshot>> SnapshotsAsync(TestDatabase database) =>
        Cli.WithDbAsync(database, (db, _) => db.HoldingsSnapshots.IgnoreQueryFilters().ToListAsync());

    public static Task<List<Holding>> HoldingsAsync(TestDatabase database) =>
        Cli.WithDbAsync(database, (db, _) => db.Holdings.IgnoreQueryFilters().OrderBy(h => h.Line).ToListAsync());

    public static Task<CliResult> ImportAsync(TestDatabase database, string file, params string[] more) =>
        Cli.RunAsync(database, "", ["import", "holdings", "--org", "stewards", "--portfolio", "Global Equity", "--file", file, "--as-of", "2026-06-30", .. more]);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_file_with_errors_names_lines_and_columns_exits_non_zero_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var file = Write(string.Join('\n',
            "name,isin,weight,market_value,currency",
            $"Fictional Alpha,{IsinA},50,100,USD",
            $"Bad Check,{BadIsin},25,100,USD",
            "Bad Weight,,lots,100,USD") + "\n");
        var name = Path.GetFileName(file);

        var result = await ImportAsync(database, file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{name}:3: isin: The check digit of ISIN \"{BadIsin}\" is wrong", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{name}:4: weight: \"lots\" is not a number", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 of 3 row(s) have errors; nothing was written", result.Error, StringComparison.Ordinal);
        Assert.Empty(await SnapshotsAsync(database));
        Assert.Empty(await Cli.WithDbAsync(database, (db, _) => db.Portfolios.IgnoreQueryFilters().ToListAsync()));

        var skipped = (await ImportAsync(database, file, "--skip-bad-rows")).AssertSucceeded();
        Assert.Contains("Imported 1 holding(s) into 'Global Equity' as of 2026-06-30: 1 matched to the registry, 0 unmatched; 2 bad row(s) skipped.", skipped.Out, StringComparison.Ordinal);
        var snapshot = Assert.Single(await SnapshotsAsync(database));
        Assert.Equal((1, 2), (snapshot.RowCount, snapshot.SkippedRows));
        Assert.Equal(IsinA, Assert.Single(await HoldingsAsync(database)).Isin);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_good_file_is_matched_and_written_once_and_a_different_file_for_the_date_needs_replace(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var file = Write(GoodCsv());

        var first = (await ImportAsync(database, file)).AssertSucceeded();
        Assert.Contains("Portfolio 'Global Equity' did not exist and was created (base currency EUR).", first.Out, StringComparison.Ordinal);
        Assert.Contains("Imported 3 holding(s) into 'Global Equity' as of 2026-06-30: 2 matched to the registry, 1 unmatched; 0 bad row(s) skipped.", first.Out, StringComparison.Ordinal);
        var holdings = await HoldingsAsync(database);
        Assert.Equal([123456789L, 100000L, 9950L], holdings.Select(h => h.MarketValueMinor!.Value));
        Assert.Equal([40.5, 35, 24.5], holdings.Select(h => h.Weight!.Value));
        Assert.NotNull(holdings[0].CompanyId);
        Assert.NotNull(holdings[1].CompanyId);
        Assert.Null(holdings[2].CompanyId);

        // The same holdings again, re-ordered: the fingerprint is the same, nothing is written.
        var lines = GoodCsv().Split('\n');
        var reordered = Write(string.Join('\n', lines[0], lines[3], lines[2], lines[1]) + "\n");
        var again = (await ImportAsync(database, reordered)).AssertSucceeded();
        Assert.Contains("already has these holdings as of 2026-06-30", again.Out, StringComparison.Ordinal);
        Assert.Single(await SnapshotsAsync(database));
        Assert.Equal(3, (await HoldingsAsync(database)).Count);

        var changed = Write(GoodCsv().Replace("40.5", "40.0", StringComparison.Ordinal).Replace("24.5", "25.0", StringComparison.Ordinal));
        (await ImportAsync(database, changed)).AssertFailedWith("already has a different snapshot as of 2026-06-30", "--replace");
        Assert.Equal(40.5, (await HoldingsAsync(database))[0].Weight);

        (await ImportAsync(database, changed, "--replace")).AssertSucceeded();
        var replaced = await HoldingsAsync(database);
        Assert.Equal(3, replaced.Count);
        Assert.Equal(40.0, replaced[0].Weight);
        Assert.Single(await SnapshotsAsync(database));

        var audit = await Cli.WithDbAsync(database, (db, _) => db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action.StartsWith("holdings.")).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["holdings.imported", "holdings.replaced"], audit.Select(e => e.Action));
        Assert.Contains("3 holdings (2 matched, 1 unmatched)", audit[0].Summary, StringComparison.Ordinal);
        (await Cli.RunAsync(database, "", "audit", "verify")).AssertSucceeded();
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_mapping_reads_another_layout_and_is_saved_for_the_next_import(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var german = Write(string.Join('\n',
            "Wertpapier;ISIN-Code;Anteil (%);Sektor",
            $"Fictional Alpha;{IsinA};60,5;Tech",
            $"Other;{IsinB};39,5;Tech") + "\n");

        var unmapped = await ImportAsync(database, german);
        Assert.Equal(1, unmapped.ExitCode);
        Assert.Contains("The header has no weight or market_value column.", unmapped.Error, StringComparison.Ordinal);

        (await ImportAsync(database, german, "--map", "Wertpapier=name", "--map", "ISIN-Code=isin", "--map", "Anteil (%)=weight", "--map", "Sektor=-")).AssertSucceeded();
        Assert.Equal([60.5, 39.5], (await HoldingsAsync(database)).Select(h => h.Weight!.Value));
        var mapping = await Cli.WithDbAsync(database, (db, _) => db.Portfolios.IgnoreQueryFilters().Select(p => p.ColumnMapping).SingleAsync());
        Assert.Contains("Anteil (%)=weight", mapping, StringComparison.Ordinal);

        // The saved mapping is used when --map is not given.
        var next = (await Cli.RunAsync(database, "", "import", "holdings", "--org", "stewards", "--portfolio", "Global Equity", "--file", german, "--as-of", "2026-07-31")).AssertSucceeded();
        Assert.Contains("Using the column mapping saved on portfolio 'Global Equity'.", next.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await SnapshotsAsync(database)).Count);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_xlsx_import_exports_to_csv_and_json_with_the_same_numbers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var workbook = Xlsx.Build([
            ["name", "isin", "weight", "market_value", "currency"],
            ["Fictional Alpha", IsinA, 70.25, 5000000.5, "USD"],
            ["Unknown Gamma", IsinC, 29.75, 1234, "JPY"],
        ]);
        var file = Path.Combine(Path.GetTempPath(), $"holdings-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, workbook);
        var imported = (await ImportAsync(database, file)).AssertSucceeded();
        Assert.Contains("1 matched to the registry, 1 unmatched", imported.Out, StringComparison.Ordinal);
        var fingerprint = Assert.Single(await SnapshotsAsync(database)).Fingerprint;

        var json = (await Cli.RunAsync(database, "", "export", "portfolio", "--org", "stewards", "--portfolio", "Global Equity", "--format", "json")).AssertSucceeded();
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("2026-06-30", document.RootElement.GetProperty("asOf").GetString());
        var rows = document.RootElement.GetProperty("holdings").EnumerateArray().ToList();
        Assert.Equal(5000000.5m, rows[0].GetProperty("marketValue").GetDecimal());
        Assert.Equal(70.25, rows[0].GetProperty("weight").GetDouble());
        Assert.Equal("Fictional Alpha", rows[0].GetProperty("company").GetString());
        Assert.Equal(1234m, rows[1].GetProperty("marketValue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("company").ValueKind);

        var csvFile = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.csv");
        (await Cli.RunAsync(database, "", "export", "portfolio", "--org", "stewards", "--portfolio", "Global Equity", "--format", "csv", "--out", csvFile)).AssertSucceeded();
        var csv = await File.ReadAllLinesAsync(csvFile);
        Assert.StartsWith("name,isin,lei,ticker,country,weight,market_value,currency,shares,company", csv[0], StringComparison.Ordinal);
        Assert.StartsWith($"Fictional Alpha,{IsinA},,,,70.25,5000000.50,USD,", csv[1], StringComparison.Ordinal);

        // Imported again, the export gives the same holdings: the same fingerprint.
        (await Cli.RunAsync(database, "", "import", "holdings", "--org", "stewards", "--portfolio", "Round Trip", "--file", csvFile, "--as-of", "2026-06-30")).AssertSucceeded();
        var fingerprints = (await SnapshotsAsync(database)).Select(s => s.Fingerprint).ToList();
        Assert.Equal([fingerprint, fingerprint], fingerprints);

        var xlsxFile = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        (await Cli.RunAsync(database, "", "export", "portfolio", "--org", "stewards", "--portfolio", "Global Equity", "--format", "xlsx", "--out", xlsxFile)).AssertSucceeded();
        await using var xlsx = File.OpenRead(xlsxFile);
        var reread = HoldingsImport.Read(xlsx, new());
        Assert.Equal(fingerprint, reread.Fingerprint);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Unknown_organizations_portfolios_and_bad_dates_are_one_line_failures(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var file = Write(GoodCsv());
        (await Cli.RunAsync(database, "", "import", "holdings", "--org", "nobody", "--portfolio", "P", "--file", file)).AssertFailedWith("--org", "nobody");
        (await Cli.RunAsync(database, "", "import", "holdings", "--org", "stewards", "--portfolio", "P", "--file", file, "--as-of", "30/06/2026")).AssertFailedWith("--as-of", "30/06/2026");
        (await Cli.RunAsync(database, "", "export", "portfolio", "--org", "stewards", "--portfolio", "Missing", "--format", "csv")).AssertFailedWith("--portfolio", "Missing");
        Assert.Empty(await SnapshotsAsync(database));
    }
}
