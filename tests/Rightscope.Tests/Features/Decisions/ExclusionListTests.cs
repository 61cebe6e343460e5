using System.Net;
using System.Text.Json;
using Rightscope.Core.Accounts;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Cli;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Decisions.DecisionSteps;

namespace Rightscope.Tests.Features.Decisions;

/// <summary>The exclusion list page, its CSV and JSON downloads and the CLI export: approved exclusions only, formula-safe.</summary>
public sealed class ExclusionListTests
{
    public const string Header = "name,isin,lei,ticker,country,mode,effective_on,divest_by,decision_id,company_id";

    /// <summary>Two approved exclusions (one named like a formula), an approved investment and a proposed exclusion.</summary>
    internal static async Task<(Guid Divest, Guid Formula, Guid DivestCompany, Guid FormulaCompany)> SeedAsync(RightscopeFactory app, Organization org, HttpClient proposer, HttpClient reviewer)
    {
        var (divestCompany, divestBasis) = await SeedCompanyAsync(app, org, "Fictional Bittern Networks", 3, HoldingsCommandTests.IsinA);
        var (formulaCompany, formulaBasis) = await SeedCompanyAsync(app, org, "=HYPERLINK(\"http://x\")", 2);
        var (investCompany, investBasis) = await SeedCompanyAsync(app, org, "Fictional Curlew Cloud", 1);
        var (proposedCompany, proposedBasis) = await SeedCompanyAsync(app, org, "Fictional Dunlin Devices", 3);

        var divest = await ProposeAsync(proposer, org, divestCompany, Fields(divestBasis, "exclude", "Red flag.", "divest", "2026-12-31", "2026-07-15"));
        var formula = await ProposeAsync(proposer, org, formulaCompany, Fields(formulaBasis, "exclude", "Declined engagement.", "do-not-invest", effectiveOn: "2026-07-01"));
        var invest = await ProposeAsync(proposer, org, investCompany, Fields(investBasis, "invest"));
        await ProposeAsync(proposer, org, proposedCompany, Fields(proposedBasis, "exclude", "Pending.", "do-not-invest"));
        foreach (var id in new[] { divest, formula, invest })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(reviewer, org, id, "approve", (await DecisionAsync(app, id)).ConcurrencyToken)).StatusCode);
        }

        return (divest, formula, divestCompany, formulaCompany);
    }

    internal static string[] ExpectedCsv((Guid Divest, Guid Formula, Guid DivestCompany, Guid FormulaCompany) seeded) =>
    [
        // Ordered by normalized name ("fictional bittern…" before "hyperlink http x"); the leading = is neutralized.
        $"Fictional Bittern Networks,{HoldingsCommandTests.IsinA},,FICT,CH,divest,2026-07-15,2026-12-31,{seeded.Divest},{seeded.DivestCompany}",
        $"\"'=HYPERLINK(\"\"http://x\"\")\",,,FICT,CH,do-not-invest,2026-07-01,,{seeded.Formula},{seeded.FormulaCompany}",
    ];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_list_and_its_downloads_give_the_approved_exclusions_with_a_stable_formula_safe_column_set(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var seeded = await SeedAsync(app, org, await app.SignInAsync(owner.Email!), await app.SignInAsync(reviewer.Email!));
        var client = await app.SignInAsync(viewer.Email!);

        var page = await (await client.GetAsync($"/o/{org.Slug}/exclusions")).Content.ReadAsStringAsync();
        Assert.Contains("Fictional Bittern Networks", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Fictional Curlew Cloud", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Fictional Dunlin Devices", page, StringComparison.Ordinal);

        var csv = await client.GetAsync($"/o/{org.Slug}/exclusions/export?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([Header, .. ExpectedCsv(seeded)], lines);

        var json = JsonDocument.Parse(await (await client.GetAsync($"/o/{org.Slug}/exclusions/export?format=json")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(org.Slug, json.GetProperty("organization").GetString());
        Assert.Equal(Header.Split(','), json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var divest = json.GetProperty("exclusions")[0];
        Assert.Equal(Header.Split(','), divest.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("divest", "2026-07-15", "2026-12-31", seeded.Divest), (divest.GetProperty("mode").GetString(), divest.GetProperty("effective_on").GetString(), divest.GetProperty("divest_by").GetString(), divest.GetProperty("decision_id").GetGuid()));
        Assert.Equal("=HYPERLINK(\"http://x\")", json.GetProperty("exclusions")[1].GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/o/{org.Slug}/exclusions/export?format=1")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_cli_exports_the_same_list_to_standard_output_or_a_file(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var seeded = await SeedAsync(app, org, await app.SignInAsync(owner.Email!), await app.SignInAsync(reviewer.Email!));

        var csv = (await Cli.Cli.RunAsync(app.Database, "", "export", "exclusions", "--org", org.Slug, "--format", "csv")).AssertSucceeded();
        Assert.Equal([Header, .. ExpectedCsv(seeded)], csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var file = Path.Combine(Path.GetTempPath(), $"exclusions-{Guid.NewGuid():N}.json");
        try
        {
            var written = (await Cli.Cli.RunAsync(app.Database, "", "export", "exclusions", "--org", org.Slug, "--format", "json", "--out", file)).AssertSucceeded();
            Assert.Contains("Wrote 2 exclusion(s)", written.Error, StringComparison.Ordinal);
            var json = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            Assert.Equal([seeded.Divest, seeded.Formula], json.GetProperty("exclusions").EnumerateArray().Select(e => e.GetProperty("decision_id").GetGuid()));
        }
        finally
        {
            File.Delete(file);
        }

        (await Cli.Cli.RunAsync(app.Database, "", "export", "exclusions", "--org", "no-such-org", "--format", "csv")).AssertFailedWith("--org", "no-such-org");
    }
}
