using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Transparency;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

/// <summary><c>rightscope import government-requests</c> and <c>rightscope export transparency</c> on both providers.</summary>
public sealed class TransparencyCommandTests
{
    private const string Requests =
        "Received,country,authority,request_type,legal_process,accounts_specified,decision,items_disclosed_or_removed,non_disclosure_order,user_notified,Internal\n" +
        "2024-01-10,DE,Fictional police unit,user-data,court-order,3,complied-fully,2,no,yes,a\n" +
        "2024-02-11,DEU,Fictional police unit,user-data,court-order,1,rejected,0,yes,no,b\n" +
        "2024-03-12,BR,Fictional state court,content-removal,court-order,0,complied-partially,4,no,,c\n" +
        "2024-05-13,IN,Fictional ministry,content-removal,administrative-order,0,challenged-in-court,0,no,,d\n" +
        "2024-06-14,UK,Fictional agency,user-data,subpoena,2,pending,0,no,,e\n" +
        "2024-09-15,US,Fictional court,user-data,subpoena,5,complied-fully,5,yes,no,f\n";

    private static string Write(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"government-requests-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<int> CountAsync(TestDatabase database) =>
        Cli.WithDbAsync(database, (db, _) => db.GovernmentRequests.IgnoreQueryFilters().CountAsync());

    private static Task<List<Rightscope.Features.Audit.AuditEntry>> AuditAsync(TestDatabase database) =>
        Cli.WithDbAsync(database, (db, _) => db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "government-requests.imported").ToListAsync());

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Import_and_export_round_trip_the_same_numbers_through_aggregates(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@acme.example", "acme", "company")).AssertSucceeded();
        (await Cli.CreateOwnerAsync(database, "owner@copy.example", "copy", "company")).AssertSucceeded();
        var file = Write(Requests);

        // UK is not ISO 3166-1: refused with the line, the field and the fix, and nothing is written.
        var refused = await Cli.RunAsync(database, "", "import", "government-requests", "--org", "acme", "--file", file, "--map", "Received=received_on", "Internal=-");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{Path.GetFileName(file)}:6: country: “UK” is not an ISO 3166-1 code; if it means GB, map it with UK=GB.", refused.Error, StringComparison.Ordinal);
        Assert.Contains("1 of 6 line(s) have errors; nothing was written", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database));
        Assert.Empty(await AuditAsync(database));

        (await Cli.RunAsync(database, "", "import", "government-requests", "--org", "acme", "--file", file, "--map", "Received=received_on", "Internal=-", "--country-map", "UK=GB")).AssertSucceeded();
        Assert.Equal(6, await CountAsync(database));
        var audit = Assert.Single(await AuditAsync(database));
        Assert.Contains("kind requests; rows 6; requests added 6", audit.Summary, StringComparison.Ordinal);

        foreach (var period in new[] { "2024", "2024H1" })
        {
            var csv = await Cli.RunAsync(database, "", "export", "transparency", "--org", "acme", "--period", period, "--format", "csv");
            csv.AssertSucceeded();
            var exported = Write(csv.Out);
            var imported = await Cli.RunAsync(database, "", "import", "government-requests", "--org", "copy", "--file", exported);
            imported.AssertSucceeded();
            Assert.Contains("Imported aggregates into copy", imported.Out, StringComparison.Ordinal);
            var again = await Cli.RunAsync(database, "", "export", "transparency", "--org", "copy", "--period", period, "--format", "csv");
            Assert.Equal(csv.Out, again.AssertSucceeded().Out);

            var json = JsonDocument.Parse((await Cli.RunAsync(database, "", "export", "transparency", "--org", "acme", "--period", period, "--format", "json")).AssertSucceeded().Out);
            var copyJson = JsonDocument.Parse((await Cli.RunAsync(database, "", "export", "transparency", "--org", "copy", "--period", period, "--format", "json")).AssertSucceeded().Out);
            Assert.Equal(json.RootElement.GetProperty("totals").GetRawText(), copyJson.RootElement.GetProperty("totals").GetRawText());
        }

        var year = JsonDocument.Parse((await Cli.RunAsync(database, "", "export", "transparency", "--org", "acme", "--period", "2024", "--format", "json")).Out).RootElement;
        Assert.Equal("rightscope-transparency/1", year.GetProperty("schema").GetString());
        var totals = year.GetProperty("totals");
        Assert.Equal((6, 11, 2, 1, 1, 1, 1), (
            totals.GetProperty("requests").GetInt32(), totals.GetProperty("accounts_specified").GetInt32(), totals.GetProperty("complied_fully").GetInt32(),
            totals.GetProperty("complied_partially").GetInt32(), totals.GetProperty("rejected").GetInt32(), totals.GetProperty("challenged_in_court").GetInt32(),
            totals.GetProperty("pending").GetInt32()));
        Assert.Equal(0.5, totals.GetProperty("share_some_data_produced").GetDouble());
        var germany = year.GetProperty("by_country").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "DE");
        Assert.Equal(2, germany.GetProperty("counts").GetProperty("requests").GetInt32());

        // The copy's year is made of two half-year imports and the year import: the year aggregate wins, nothing doubles.
        var copyYear = JsonDocument.Parse((await Cli.RunAsync(database, "", "export", "transparency", "--org", "copy", "--period", "2024", "--format", "json")).Out).RootElement;
        Assert.Equal(6, copyYear.GetProperty("totals").GetProperty("requests").GetInt32());
        Assert.Equal(2, (await AuditAsync(database)).Count(e => e.Summary.Contains("kind aggregates", StringComparison.Ordinal)));
    }

    /// <summary>Publishes or withdraws the period through the engine, as the transparency page does for the owner.</summary>
    private static Task<bool> ChangeReportAsync(TestDatabase database, string period, bool publish) =>
        Cli.WithDbAsync(database, async (db, services) =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Slug == "acme");
            var owner = await db.Users.SingleAsync(u => u.Email == "owner@acme.example");
            services.GetRequiredService<TenantScope>().Enter(organization.Id);
            var actor = new CommandActor(organization.Id, owner.Id, AuditActor.Person(owner.Id, owner.Email));
            var reports = services.GetRequiredService<TransparencyReports>();
            var outcome = publish
                ? await reports.PublishAsync(actor, organization, TransparencyPeriod.Parse(period), CancellationToken.None)
                : await reports.WithdrawAsync(actor, TransparencyPeriod.Parse(period), CancellationToken.None);
            return outcome.Succeeded;
        });

    private static async Task<(JsonElement Totals, string? PublishedAt, string Error)> ExportAsync(TestDatabase database, params string[] extra)
    {
        var result = (await Cli.RunAsync(database, "", ["export", "transparency", "--org", "acme", "--period", "2024H1", "--format", "json", .. extra])).AssertSucceeded();
        var root = JsonDocument.Parse(result.Out).RootElement;
        return (root.GetProperty("totals").Clone(), root.GetProperty("published_at").GetString(), result.Error);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Export_gives_the_published_snapshot_of_a_published_period_and_the_live_figures_with_live_or_once_withdrawn(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@acme.example", "acme", "company")).AssertSucceeded();
        (await Cli.RunAsync(database, "", "import", "government-requests", "--org", "acme", "--file", Write(Requests),
            "--map", "Received=received_on", "Internal=-", "--country-map", "UK=GB")).AssertSucceeded();
        Assert.True(await ChangeReportAsync(database, "2024H1", publish: true));

        // The register changes after publication: two more requests in the half-year, one of them with data produced.
        (await Cli.RunAsync(database, "", "import", "government-requests", "--org", "acme", "--file", Write(
            "received_on,country,authority,request_type,legal_process,accounts_specified,decision,items_disclosed_or_removed\n" +
            "2024-04-01,FR,Fictional prosecutor,user-data,subpoena,7,complied-fully,7\n" +
            "2024-04-02,FR,Fictional prosecutor,user-data,subpoena,1,rejected,0\n"))).AssertSucceeded();

        var (published, publishedAt, publishedNote) = await ExportAsync(database);
        Assert.Equal((5, 6), (published.GetProperty("requests").GetInt32(), published.GetProperty("accounts_specified").GetInt32()));
        Assert.NotNull(publishedAt);
        Assert.Contains($"Exporting the report of 2024H1 published at {publishedAt}", publishedNote, StringComparison.Ordinal);
        var csv = (await Cli.RunAsync(database, "", "export", "transparency", "--org", "acme", "--period", "2024H1", "--format", "csv")).AssertSucceeded();
        Assert.DoesNotContain(",FR,", csv.Out, StringComparison.Ordinal);

        var (live, liveAt, liveNote) = await ExportAsync(database, "--live");
        Assert.Equal((7, 14), (live.GetProperty("requests").GetInt32(), live.GetProperty("accounts_specified").GetInt32()));
        Assert.Null(liveAt);
        Assert.Contains("Exporting the live figures of 2024H1 (--live)", liveNote, StringComparison.Ordinal);
        var liveCsv = (await Cli.RunAsync(database, "", "export", "transparency", "--org", "acme", "--period", "2024H1", "--format", "csv", "--live")).AssertSucceeded();
        Assert.Contains("2024H1,FR,user-data,subpoena,2,8,1,0,1,0", liveCsv.Out, StringComparison.Ordinal);

        // Withdrawn, the period has nothing the public sees any more: the export falls back to the live figures and says so.
        Assert.True(await ChangeReportAsync(database, "2024H1", publish: false));
        var (withdrawn, withdrawnAt, withdrawnNote) = await ExportAsync(database);
        Assert.Equal(7, withdrawn.GetProperty("requests").GetInt32());
        Assert.Null(withdrawnAt);
        Assert.Contains("No published report for 2024H1: exporting the live figures.", withdrawnNote, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_options_and_files_fail_with_a_reason_and_write_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@acme.example", "acme", "company")).AssertSucceeded();
        var file = Write("period,country,request_type,legal_process,requests,colour\n2024,DE,user-data,court-order,1,red\n");

        var unknown = await Cli.RunAsync(database, "", "import", "government-requests", "--org", "acme", "--file", file);
        Assert.Contains(":1: colour: unknown column “colour”", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        (await Cli.RunAsync(database, "", "import", "government-requests", "--org", "acme", "--file", file, "--country-map", "UK=Britain"))
            .AssertFailedWith("--country-map: 'UK=Britain'");
        (await Cli.RunAsync(database, "", "import", "government-requests", "--org", "nobody", "--file", file, "--map", "colour=-"))
            .AssertFailedWith("--org: no organization has the slug 'nobody'");
        (await Cli.RunAsync(database, "", "export", "transparency", "--org", "acme", "--period", "2024H3", "--format", "csv"))
            .AssertFailedWith("--period: '2024H3' is not a period");
        Assert.Equal(0, await Cli.WithDbAsync(database, (db, _) => db.GovernmentRequestAggregates.IgnoreQueryFilters().CountAsync()));

        (await Cli.RunAsync(database, "", "import", "government-requests", "--org", "acme", "--file", file, "--map", "colour=-")).AssertSucceeded();
        Assert.Equal(1, await Cli.WithDbAsync(database, (db, _) => db.GovernmentRequestAggregates.IgnoreQueryFilters().CountAsync()));
    }
}
