using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Indicators.IndicatorSteps;

namespace Rightscope.Tests.Security.Fuzz;

/// <summary>
/// A handful of the malformed corpus through the real doors: every web import page and every <c>rightscope import</c>
/// command. Each file is refused with a 4xx page that says why (or a non-zero exit with an error line), never a 5xx, and
/// the database is exactly as it was.
/// </summary>
public sealed class ImportUploadFuzzTests
{
    private static readonly string[] Files =
    [
        "empty.csv", "header-only-indicators.csv", "invalid-utf-8-in-a-row.csv", "nul-bytes.csv", "one-record-over-1-mib.csv",
        "formulas-and-huge-numbers.csv", "utf-16le-requests.csv", "zip-that-is-not-xlsx.xlsx", "xlsx-huge-shared-strings.xlsx",
        "legacy-xls-compound-file.xls",
    ];

    private sealed record ImportPage(HttpClient Client, string Url, string FileField, Dictionary<string, string> Fields, string[] KeptTables);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Malformed_files_uploaded_to_every_import_page_are_refused_with_a_message_and_change_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (investor, investorOwner) = await app.CreateOrganizationAsync();
        var (watchers, watchersOwner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var investorClient = await app.SignInAsync(investorOwner.Email!);
        var watchersClient = await app.SignInAsync(watchersOwner.Email!);
        var created = await Forms.PostAsync(investorClient, $"/o/{investor.Slug}/portfolios", new Dictionary<string, string> { ["Name"] = "Fuzz", ["BaseCurrency"] = "EUR" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var portfolio = await QueryAsync(app, db => db.Portfolios.IgnoreQueryFilters().Where(p => p.OrganizationId == investor.Id).Select(p => p.Id).SingleAsync());
        ImportPage[] pages =
        [
            // The holdings page keeps an upload (encrypted, expiring) so that another column mapping can be tried on it.
            new(investorClient, $"/o/{investor.Slug}/portfolios/{portfolio}/import", "File", new() { ["AsOf"] = "2026-06-30" }, ["HoldingsUploads"]),
            new(investorClient, $"/o/{investor.Slug}/transparency/import", "Upload", [], []),
            new(watchersClient, $"/o/{watchers.Slug}/indicators", "File", new() { ["Dataset"] = "Fuzz" }, []),
            new(watchersClient, $"/o/{watchers.Slug}/benchmark/import", "File",
                new() { ["Name"] = "Fuzz 2026", ["Methodology"] = "digital-rights-benchmark@1.0.0", ["Level"] = "indicator" }, []),
        ];

        foreach (var page in pages)
        {
            foreach (var file in Files)
            {
                var html = await (await page.Client.GetAsync(page.Url)).Content.ReadAsStringAsync();
                var before = await DatabaseCounts.OfAsync(app, page.KeptTables);
                using var form = new MultipartFormDataContent { { new StringContent(Forms.AntiforgeryToken(html)), "__rs_af" } };
                foreach (var (name, value) in page.Fields)
                {
                    form.Add(new StringContent(value), name);
                }

                var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(ImportTargets.CorpusDirectory, file)));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(content, page.FileField, file);

                using var response = await page.Client.PostAsync(page.Url, form);

                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
                    $"{page.Url} answered {(int)response.StatusCode} to {file}");
                Assert.True(body.Contains("role=\"alert\"", StringComparison.Ordinal) || body.Contains("data-testid=\"import-issues\"", StringComparison.Ordinal),
                    $"{page.Url} refused {file} without saying why");
                Assert.Equal(before, await DatabaseCounts.OfAsync(app, page.KeptTables));
            }
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Malformed_files_given_to_every_import_command_exit_non_zero_with_an_error_and_change_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Cli.HoldingsCommandTests.SeedAsync(database);
        (await Cli.Cli.CreateOwnerAsync(database, "owner@watchers.example", "watchers", "civil-society")).AssertSucceeded();
        (await Cli.Cli.CreateOwnerAsync(database, "owner@acme.example", "acme", "company")).AssertSucceeded();
        string[][] commands =
        [
            ["import", "holdings", "--org", "stewards", "--portfolio", "Global Equity", "--as-of", "2026-06-30"],
            ["import", "government-requests", "--org", "acme"],
            ["import", "indicators", "--org", "watchers", "--dataset", "Fuzz"],
            ["import", "benchmark", "--org", "watchers", "--edition", "Fuzz 2026", "--methodology", "digital-rights-benchmark@1.0.0", "--level", "indicator", "--as", "owner@watchers.example"],
        ];

        foreach (var command in commands)
        {
            foreach (var file in Files)
            {
                var before = await DatabaseCounts.OfAsync(database);

                var result = await Cli.Cli.RunAsync(database, "", [.. command, "--file", Path.Combine(ImportTargets.CorpusDirectory, file)]);

                Assert.True(result.ExitCode != 0, $"{string.Join(' ', command)} accepted {file}:\n{result.Out}");
                Assert.Contains("error", result.Error, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
                Assert.Equal(before, await DatabaseCounts.OfAsync(database));
            }
        }
    }
}
