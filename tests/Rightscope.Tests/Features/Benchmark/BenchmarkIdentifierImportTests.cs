using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Organizations;
using Rightscope.Features.Companies;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Benchmark;

/// <summary>
/// Benchmark import rows with a LEI or ISIN are matched to the registry company with that identifier, on the command
/// line (element level) and the web page (indicator level); a malformed, unknown or contradicting identifier is an
/// error naming file, line and field, and nothing is written.
/// </summary>
public sealed class BenchmarkIdentifierImportTests
{
    private const string AlphaLei = "5299001FICTALPHA0047";
    private const string AlphaIsin = "XS0000000017";
    private const string GammaLei = "5299002FICTGAMMA0078";
    private const string UnknownLei = "5299003FICTNOONE0053";
    private const string TwinIsin = "XS0000000025";

    private sealed record Registry(Guid Alpha, Guid Gamma, Guid Twin);

    private static Task<Registry> SeedAsync(RightscopeFactory app, Guid organizationId) =>
        QueryAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            Company Add(string name, string? lei = null, string? isin = null)
            {
                var company = new Company { OrganizationId = organizationId, NameEn = name, Lei = lei, Isin = isin, CreatedAt = now, UpdatedAt = now };
                CompanyCommands.SetNormalizedNames(company);
                db.Companies.Add(company);
                return company;
            }

            var alpha = Add("Fictional Alpha", AlphaLei, AlphaIsin);
            var gamma = Add("Fictional Gamma", GammaLei);
            Add("Fictional Beta");

            // Two registry companies that one name matches: only an identifier tells them apart.
            var twin = Add("Fictional Twin", isin: TwinIsin);
            Add("Fictional Twin Inc.");
            await db.SaveChangesAsync();
            return new Registry(alpha.Id, gamma.Id, twin.Id);
        });

    private static Task<Cli.CliResult> ImportAsync(RightscopeFactory app, string org, string email, string csv, params string[] more) =>
        Cli.Cli.RunAsync(app.Database, "", [
            "import", "benchmark", "--org", org, "--edition", "Identifier benchmark 2026", "--methodology", "digital-rights-benchmark@1.0.0",
            "--file", Cli.HoldingsCommandTests.Write(csv), "--level", "element", "--as", email, .. more]);

    private static async Task AssertNothingWrittenAsync(RightscopeFactory app, Guid organizationId)
    {
        Assert.Equal(0, await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == organizationId)));
        Assert.Equal(0, await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().CountAsync(a => a.OrganizationId == organizationId)));
        Assert.Equal(5, await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().CountAsync(c => c.OrganizationId == organizationId)));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Command_line_element_import_matches_by_identifier_and_refuses_bad_ones_by_file_line_and_field(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var registry = await SeedAsync(app, org.Id);

        // Malformed: a check digit off, and an ISIN too short; the LEI column is mapped from another header.
        var malformed = await ImportAsync(app, org.Slug, owner.Email!, """
            company,service,indicator,element,answer,Legal entity,isin
            Fictional Alpha,,g1-policy-commitment,g1-expression,yes,529900T8BM49AURSDO56,
            Fictional Beta,,g1-policy-commitment,g1-expression,no,,XS00001
            """, "--map", "Legal entity=lei");
        Assert.Equal(1, malformed.ExitCode);
        Assert.Matches(@"\.csv:2: lei: ""529900T8BM49AURSDO56"" is not a valid LEI", malformed.Error);
        Assert.Matches(@"\.csv:3: isin: ""XS00001"" is not a valid ISIN", malformed.Error);
        await AssertNothingWrittenAsync(app, org.Id);

        // Well formed but wrong for the registry: unknown, the name of another company, a LEI and an ISIN of two companies.
        var wrong = await ImportAsync(app, org.Slug, owner.Email!, $"""
            company,service,indicator,element,answer,lei,isin
            Fictional Newco,,g1-policy-commitment,g1-expression,yes,{UnknownLei},
            Fictional Beta,,g1-policy-commitment,g1-expression,no,{GammaLei},
            Fictional Alpha,,g1-policy-commitment,g1-expression,no,{AlphaLei},{TwinIsin}
            """);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Matches($@"\.csv:2: lei: no company in the registry has the LEI {UnknownLei}", wrong.Error);
        Assert.Matches($@"\.csv:3: lei: LEI {GammaLei} is ""Fictional Gamma"" in the registry, but the company name ""Fictional Beta"" is ""Fictional Beta""", wrong.Error);
        Assert.Matches($@"\.csv:4: isin: ISIN {TwinIsin} is ""Fictional Twin"" in the registry, but LEI {AlphaLei} is ""Fictional Alpha""", wrong.Error);
        Assert.Contains("3 company identifier(s) do not match the registry of " + org.Slug + "; nothing was written", wrong.Error, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(app, org.Id);

        // One company, two LEIs; one LEI, two companies: refused while reading.
        var inconsistent = await ImportAsync(app, org.Slug, owner.Email!, $"""
            company,service,indicator,element,answer,lei
            Fictional Alpha,,g1-policy-commitment,g1-expression,yes,{AlphaLei}
            Fictional Alpha,,g1-policy-commitment,g1-privacy,yes,{GammaLei}
            Fictional Alpha Two,,g1-policy-commitment,g1-expression,yes,{AlphaLei.ToLowerInvariant()}
            """);
        Assert.Equal(1, inconsistent.ExitCode);
        Assert.Matches($@"\.csv:3: lei: LEI {GammaLei} differs from the LEI {AlphaLei} given for this company on line 2", inconsistent.Error);
        Assert.Matches($@"\.csv:4: lei: LEI {AlphaLei} is also given for ""Fictional Alpha"" on line 2", inconsistent.Error);
        await AssertNothingWrittenAsync(app, org.Id);

        // Good: a new name with Alpha's LEI is Alpha; an ambiguous name with an ISIN is the twin that has it.
        var imported = await ImportAsync(app, org.Slug, owner.Email!, $"""
            company,service,indicator,element,answer,lei,isin
            Fictional Alpha Trading,,g1-policy-commitment,g1-expression,yes,{AlphaLei.ToLowerInvariant()},
            Fictional Alpha Trading,,g1-policy-commitment,g1-privacy,partial,,
            Fictional Twin,,g1-policy-commitment,g1-expression,no,,{TwinIsin}
            """);
        imported.AssertSucceeded();
        Assert.DoesNotContain("added:", imported.Out, StringComparison.Ordinal);
        var entries = await QueryAsync(app, db => db.BenchmarkEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).ToListAsync());
        Assert.Equal(registry.Alpha, entries.Single(e => e.CompanyName == "Fictional Alpha Trading").CompanyId);
        Assert.Equal(registry.Twin, entries.Single(e => e.CompanyName == "Fictional Twin").CompanyId);
        Assert.Equal(5, await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().CountAsync(c => c.OrganizationId == org.Id)));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Web_indicator_import_matches_by_identifier_and_keeps_name_matching_without_one(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var registry = await SeedAsync(app, org.Id);
        var client = await app.SignInAsync(owner.Email!);

        var malformed = await BenchmarkWorkflowTests.UploadAsync(client, org.Slug, "Identifier benchmark 2026", $"""
            company,service,indicator,score,isin
            Fictional Alpha,,g1-policy-commitment,40,XS0000000018
            """, level: "indicator", fileName: "scores.csv");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("scores.csv:2: isin: \"XS0000000018\" is not a valid ISIN", WebUtility.HtmlDecode(await malformed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertNothingWrittenAsync(app, org.Id);

        var unknown = await BenchmarkWorkflowTests.UploadAsync(client, org.Slug, "Identifier benchmark 2026", $"""
            company,service,indicator,score,lei
            Fictional Gamma,,g1-policy-commitment,40,{UnknownLei}
            """, level: "indicator", fileName: "scores.csv");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var unknownHtml = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains($"scores.csv:2: lei: no company in the registry has the LEI {UnknownLei}", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("scores.csv: 1 company identifier(s) do not match the registry; nothing was written.", unknownHtml, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(app, org.Id);

        // Without identifiers an ambiguous name is still refused.
        var ambiguous = await BenchmarkWorkflowTests.UploadAsync(client, org.Slug, "Identifier benchmark 2026",
            "company,service,indicator,score,lei\nFictional Twin,,g1-policy-commitment,40,\n", level: "indicator", fileName: "scores.csv");
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Contains("company: \"Fictional Twin\" matches 2 companies", WebUtility.HtmlDecode(await ambiguous.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertNothingWrittenAsync(app, org.Id);

        var imported = await BenchmarkWorkflowTests.UploadAsync(client, org.Slug, "Identifier benchmark 2026", $"""
            company,service,indicator,score,lei,isin
            Alpha Group (fictional),,g1-policy-commitment,40,,{AlphaIsin}
            Fictional Gamma,,g1-policy-commitment,55,{GammaLei},
            Fictional Beta,,g1-policy-commitment,70,,
            Fictional Delta,,g1-policy-commitment,20,,
            """, level: "indicator", fileName: "scores.csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("Not in the company registry, added: Fictional Delta", await imported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entries = await QueryAsync(app, db => db.BenchmarkEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).ToListAsync());
        var companies = await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().Where(c => c.OrganizationId == org.Id).ToListAsync());
        Assert.Equal(registry.Alpha, entries.Single(e => e.CompanyName == "Alpha Group (fictional)").CompanyId);
        Assert.Equal(registry.Gamma, entries.Single(e => e.CompanyName == "Fictional Gamma").CompanyId);
        Assert.Equal(companies.Single(c => c.NameEn == "Fictional Beta").Id, entries.Single(e => e.CompanyName == "Fictional Beta").CompanyId);
        Assert.Equal(companies.Single(c => c.NameEn == "Fictional Delta").Id, entries.Single(e => e.CompanyName == "Fictional Delta").CompanyId);
        Assert.Equal(6, companies.Count);
    }
}
