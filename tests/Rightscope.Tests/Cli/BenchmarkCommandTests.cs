using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Assessments;
using Rightscope.Core.Benchmark;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

/// <summary><c>rightscope import benchmark</c> on both providers.</summary>
public sealed class BenchmarkCommandTests
{
    private static string Write(string content) => HoldingsCommandTests.Write(content);

    private static Task<CliResult> ImportAsync(TestDatabase database, string file, params string[] more) =>
        Cli.RunAsync(database, "", ["import", "benchmark", "--org", "watchers", "--edition", "Watch benchmark 2026", "--methodology", "digital-rights-benchmark@1.0.0", "--file", file, "--as", "owner@watchers.example", .. more]);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Element_answers_create_a_draft_edition_with_one_assessment_per_company_and_one_audit_entry(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@watchers.example", "watchers", "civil-society")).AssertSucceeded();
        var file = Write(Features.Benchmark.BenchmarkWorkflowTests.GoodCsv + "\n");

        var result = (await ImportAsync(database, file)).AssertSucceeded();

        Assert.Contains("Not in the registry of watchers, added: Fictional Alpha, Fictional Beta.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Created draft edition 'Watch benchmark 2026' (digital-rights-benchmark@1.0.0, element level) with 2 companies", result.Out, StringComparison.Ordinal);
        var (editions, assessments, answers, audit) = await Cli.WithDbAsync(database, async (db, _) => (
            await db.BenchmarkEditions.IgnoreQueryFilters().ToListAsync(),
            await db.Assessments.IgnoreQueryFilters().ToListAsync(),
            await db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(),
            await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "benchmark.imported").ToListAsync()));
        var edition = Assert.Single(editions);
        Assert.Equal((EditionStatus.Draft, 2026, "element"), (edition.Status, edition.Year, edition.Level));
        Assert.Equal(2, assessments.Count);
        Assert.All(assessments, a => Assert.Equal(AssessmentStatus.InReview, a.Status));
        Assert.Equal(6, answers);
        Assert.Contains("2 companies", Assert.Single(audit).Summary, StringComparison.Ordinal);

        // The same name again: refused, nothing more written.
        (await ImportAsync(database, file)).AssertFailedWith("--edition:", "already has an edition named 'Watch benchmark 2026'");
        Assert.Equal(1, await Cli.WithDbAsync(database, (db, _) => db.BenchmarkEditions.IgnoreQueryFilters().CountAsync()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_rows_are_listed_as_file_line_field_and_nothing_is_written_unless_skipped(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@watchers.example", "watchers", "civil-society")).AssertSucceeded();
        var file = Write("""
            Firm,Product,Code,Value
            Fictional Alpha,company,g1-policy-commitment,80
            Fictional Alpha,,g2-governance-oversight,NA
            Fictional Alpha,Alpha Chat,f1-access-to-policies,abc
            Fictional Beta,,g9-unknown,50
            Fictional Beta,,g1-policy-commitment,101
            """ + "\n");
        var name = Path.GetFileName(file);
        string[] options = ["--level", "indicator", "--map", "Firm=company", "Product=service", "Code=indicator", "Value=score"];

        var failed = await ImportAsync(database, file, options);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains($"{name}:4: score: \"abc\" is not a number (use 0–100 or NA)", failed.Error, StringComparison.Ordinal);
        Assert.Contains($"{name}:5: indicator: \"g9-unknown\" is not an indicator of the methodology", failed.Error, StringComparison.Ordinal);
        Assert.Contains($"{name}:6: score: 101 is outside 0–100", failed.Error, StringComparison.Ordinal);
        Assert.Contains("error: ", failed.Error, StringComparison.Ordinal);
        Assert.Contains("3 of 5 row(s) have errors; nothing was written", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, await Cli.WithDbAsync(database, (db, _) => db.BenchmarkEditions.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, await Cli.WithDbAsync(database, (db, _) => db.Companies.IgnoreQueryFilters().CountAsync()));

        (await ImportAsync(database, file, [.. options, "--skip-bad-rows"])).AssertSucceeded();
        var (scores, assessment) = await Cli.WithDbAsync(database, async (db, _) => (
            await db.BenchmarkIndicatorScores.IgnoreQueryFilters().OrderBy(s => s.NodeKey).ToListAsync(),
            await db.Assessments.IgnoreQueryFilters().SingleAsync()));
        Assert.Equal([("g1-policy-commitment", (double?)80), ("g2-governance-oversight", null)], scores.Select(s => (s.NodeKey, s.Score)));
        // The engine aggregates the given indicator scores: governance = mean(80) with NA left out; total = 80.
        Assert.Equal(80, assessment.Total);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Unknown_organization_methodology_or_level_fail_with_one_error_line(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@watchers.example", "watchers", "civil-society")).AssertSucceeded();
        var file = Write(Features.Benchmark.BenchmarkWorkflowTests.GoodCsv + "\n");

        (await Cli.RunAsync(database, "", "import", "benchmark", "--org", "nobody", "--edition", "E 2026", "--methodology", "digital-rights-benchmark@1.0.0", "--file", file, "--as", "owner@watchers.example"))
            .AssertFailedWith("--org: no organization has the slug 'nobody'");
        (await ImportAsync(database, file, "--level", "section")).AssertFailedWith("--level: 'section' is neither element nor indicator");
        (await Cli.RunAsync(database, "", "import", "benchmark", "--org", "watchers", "--edition", "E 2026", "--methodology", "no-such@1.0.0", "--file", file, "--as", "owner@watchers.example"))
            .AssertFailedWith("--methodology: 'no-such@1.0.0' is not KEY@VERSION");
    }
}
