using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.Companies;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Cli.HoldingsCommandTests;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Portfolios;

/// <summary>The portfolio pages: create, upload with a preview report, confirm, link an unmatched holding.</summary>
public sealed partial class PortfolioImportPageTests
{
    [GeneratedRegex("name=\"(Upload|Fingerprint)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string fileName, string content, string asOf = "2026-06-30", string mapping = "")
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.AntiforgeryToken(html)), "__rs_af" },
            { new StringContent(asOf), "AsOf" },
            { new StringContent(mapping), "Mapping" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync(page, form);
    }

    private static Dictionary<string, string> Hidden(string html) =>
        HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static async Task<Guid> CreatePortfolioAsync(RightscopeFactory app, HttpClient client, string slug, Guid organizationId)
    {
        var created = await Forms.PostAsync(client, $"/o/{slug}/portfolios", new Dictionary<string, string> { ["Name"] = "Global Equity", ["BaseCurrency"] = "eur" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var portfolio = await QueryAsync(app, db => db.Portfolios.IgnoreQueryFilters().SingleAsync(p => p.OrganizationId == organizationId));
        Assert.Equal("EUR", portfolio.BaseCurrency);
        return portfolio.Id;
    }

    private static async Task AddCompaniesAsync(RightscopeFactory app, Guid organizationId) =>
        await QueryAsync(app, async db =>
        {
            var alpha = new Company { OrganizationId = organizationId, NameEn = "Fictional Alpha", Isin = IsinA, Fictional = true };
            var beta = new Company { OrganizationId = organizationId, NameEn = "Fictional Beta Holdings Ltd", Fictional = true };
            CompanyCommands.SetNormalizedNames(alpha);
            CompanyCommands.SetNormalizedNames(beta);
            db.AddRange(alpha, beta);
            return await db.SaveChangesAsync();
        });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_upload_shows_the_report_first_and_writes_only_when_confirmed(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        await AddCompaniesAsync(app, org.Id);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreatePortfolioAsync(app, client, org.Slug, org.Id);
        var page = $"/o/{org.Slug}/portfolios/{id}/import";

        // A file with an error: the report names line, column and reason; nothing is written and there is no confirm button.
        var bad = await UploadAsync(client, page, "bad.csv", GoodCsv().Replace(IsinA, BadIsin, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains($"The check digit of ISIN &quot;{BadIsin}&quot; is wrong", badHtml, StringComparison.Ordinal);
        Assert.Matches(@"<td>2</td>\s*<td>isin</td>", badHtml);
        Assert.DoesNotContain("handler=confirm", badHtml, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(app, db => db.HoldingsSnapshots.IgnoreQueryFilters().Where(s => s.OrganizationId == org.Id).ToListAsync()));

        var kept = await QueryAsync(app, db => db.HoldingsUploads.IgnoreQueryFilters().SingleAsync(u => u.OrganizationId == org.Id));
        Assert.DoesNotContain("Unknown Gamma", Encoding.UTF8.GetString(kept.Content), StringComparison.Ordinal);

        // The same kept upload, checked again with bad rows skipped, can be confirmed.
        var hidden = Hidden(badHtml);
        var skipped = await Forms.PostWithTokenAsync(client, page + "?handler=preview", Forms.AntiforgeryToken(badHtml), new Dictionary<string, string>
        {
            ["Upload"] = hidden["Upload"],
            ["Fingerprint"] = hidden["Fingerprint"],
            ["AsOf"] = "2026-06-30",
            ["Mapping"] = "",
            ["SkipBadRows"] = "true",
        });
        var skippedHtml = await skipped.Content.ReadAsStringAsync();
        Assert.Contains("2 holding(s) will be written when you confirm.", skippedHtml, StringComparison.Ordinal);
        Assert.Contains("handler=confirm", skippedHtml, StringComparison.Ordinal);

        // A good file: preview, then confirm writes it.
        var good = await UploadAsync(client, page, "good.csv", GoodCsv());
        var goodHtml = await good.Content.ReadAsStringAsync();
        Assert.Contains("3 holding(s) will be written when you confirm.", goodHtml, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().Where(h => h.OrganizationId == org.Id).ToListAsync()));
        var fields = Hidden(goodHtml);
        var confirm = new Dictionary<string, string>
        {
            ["Upload"] = fields["Upload"],
            ["Fingerprint"] = fields["Fingerprint"],
            ["AsOf"] = "2026-06-30",
            ["Mapping"] = "",
        };

        // Confirming with a changed mapping is not what was previewed: the new report is shown, nothing written.
        var changed = await Forms.PostWithTokenAsync(client, page + "?handler=confirm", Forms.AntiforgeryToken(goodHtml), new Dictionary<string, string>(confirm) { ["Mapping"] = "shares=-" });
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Contains("The report changed since you saw it", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirmed = await Forms.PostWithTokenAsync(client, page + "?handler=confirm", Forms.AntiforgeryToken(goodHtml), confirm);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var snapshot = await QueryAsync(app, db => db.HoldingsSnapshots.IgnoreQueryFilters().SingleAsync(s => s.OrganizationId == org.Id));
        Assert.Equal((3, 2, "good.csv"), (snapshot.RowCount, snapshot.MatchedCount, snapshot.SourceFileName));
        // The confirmed upload is gone; the earlier one stays until it expires.
        var uploads = await QueryAsync(app, db => db.HoldingsUploads.IgnoreQueryFilters().Where(u => u.OrganizationId == org.Id).Select(u => u.Id).ToListAsync());
        Assert.Equal([Guid.Parse(hidden["Upload"])], uploads);

        var detail = await (await client.GetAsync(confirmed.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Fictional Alpha", detail, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(detail, "data-testid=\"unmatched\""));

        // Link the unmatched holding to a company.
        var gamma = await QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().SingleAsync(h => h.SnapshotId == snapshot.Id && h.CompanyId == null));
        var beta = await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == org.Id && c.NameEn == "Fictional Beta Holdings Ltd"));
        var link = $"/o/{org.Slug}/portfolios/{id}/holdings/{gamma.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, link, new Dictionary<string, string> { ["CompanyId"] = beta.Id.ToString() })).StatusCode);
        Assert.Equal(beta.Id, (await QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().SingleAsync(h => h.Id == gamma.Id))).CompanyId);
        Assert.Equal(3, (await QueryAsync(app, db => db.HoldingsSnapshots.IgnoreQueryFilters().SingleAsync(s => s.Id == snapshot.Id))).MatchedCount);

        // Or create the company from a holding: the form starts from its identifiers and the holding is linked on save.
        await QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().Where(h => h.Id == gamma.Id).ExecuteUpdateAsync(u => u.SetProperty(h => h.CompanyId, (Guid?)null)));
        var fromHolding = $"/o/{org.Slug}/companies/new?holding={gamma.Id}";
        Assert.Contains($"value=\"{IsinC}\"", await (await client.GetAsync(fromHolding)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var createdFromHolding = await Forms.PostAsync(client, fromHolding, Fields("Unknown Gamma AG", IsinC));
        Assert.Equal(HttpStatusCode.Redirect, createdFromHolding.StatusCode);
        var gammaCompany = await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == org.Id && c.Isin == IsinC));
        Assert.Equal(gammaCompany.Id, (await QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().SingleAsync(h => h.Id == gamma.Id))).CompanyId);

        var csv = await (await client.GetAsync($"/o/{org.Slug}/portfolios/{id}?handler=export&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("Unknown Gamma", csv, StringComparison.Ordinal);
        Assert.Contains("Unknown Gamma AG", csv, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Viewers_cannot_import_and_other_organizations_get_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreatePortfolioAsync(app, client, org.Slug, org.Id);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"/o/{org.Slug}/portfolios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/o/{org.Slug}/portfolios/{id}/import")).StatusCode);
        var refused = await Forms.PostAsync(viewerClient, $"/o/{org.Slug}/portfolios", new Dictionary<string, string> { ["Name"] = "Viewer's", ["BaseCurrency"] = "USD" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(await QueryAsync(app, db => db.Portfolios.IgnoreQueryFilters().Where(p => p.OrganizationId == org.Id).ToListAsync()));

        var (other, otherOwner) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/portfolios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/portfolios/{id}/import")).StatusCode);
    }
}
