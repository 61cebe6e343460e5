using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Transparency;
using Rightscope.Features.Transparency;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Features.Transparency;

/// <summary>The register, its checklist, the live preview, publication (frozen), the public page and exports, and the import page.</summary>
public sealed class GovernmentRequestsTests
{
    public static Dictionary<string, string> RequestFields(string receivedOn = "2024-02-10", string country = "DE", string decision = "complied-partially") => new()
    {
        ["Input.ReceivedOn"] = receivedOn,
        ["Input.Country"] = country,
        ["Input.Authority"] = "Fictional federal police",
        ["Input.Type"] = "user-data",
        ["Input.Process"] = "court-order",
        ["Input.AccountsSpecified"] = "3",
        ["Input.ItemsSpecified"] = "0",
        ["Input.Summary"] = "Subscriber data of three accounts",
        ["Input.ValidAndBinding"] = "yes",
        ["Input.ValidAndBindingNote"] = "Signed by a judge",
        ["Input.ConsistentWithLaw"] = "yes",
        ["Input.Legality"] = "yes",
        ["Input.LegitimateAim"] = "yes",
        ["Input.Necessity"] = "unclear",
        ["Input.Proportionality"] = "no",
        ["Input.ProportionalityNote"] = "Too broad: narrowed to one account",
        ["Input.Decision"] = decision,
        ["Input.DecidedOn"] = receivedOn,
        ["Input.ItemsDisclosedOrRemoved"] = decision == "rejected" ? "0" : "1",
        ["Input.NonDisclosureOrder"] = "true",
        ["Input.UserNotified"] = "no",
    };

    public static async Task<Guid> RecordAsync(HttpClient client, string slug, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(client, $"/o/{slug}/government-requests/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location[(location.LastIndexOf('/') + 1)..location.IndexOf('?', StringComparison.Ordinal)]);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_recorded_request_keeps_its_assessment_and_is_counted_in_the_preview(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(analyst.Email!);

        var id = await RecordAsync(client, org.Slug, RequestFields());
        var saved = await QueryAsync(app, db => db.GovernmentRequests.IgnoreQueryFilters().SingleAsync(r => r.Id == id));
        Assert.Equal(
            ("DE", RequestType.UserData, LegalProcess.CourtOrder, ChecklistAnswer.Yes, ChecklistAnswer.Unclear, ChecklistAnswer.No, "Too broad: narrowed to one account", RequestDecision.CompliedPartially, true, (bool?)false),
            (saved.CountryCode, saved.Type, saved.Process, saved.ValidAndBinding, saved.Necessity, saved.Proportionality, saved.ProportionalityNote, saved.Decision, saved.NonDisclosureOrder, saved.UserNotified));
        var created = Assert.Single(await AuditAsync(app, org.Id, "government-request."));
        Assert.Equal("government-request.created", created.Action);
        Assert.Contains("country DE; type user-data; process court-order", created.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscriber", created.Summary, StringComparison.Ordinal);

        var detail = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/government-requests/{id}"));
        Assert.Contains("Too broad: narrowed to one account", detail, StringComparison.Ordinal);
        var list = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/government-requests?period=2024H1&country=DE&type=user-data"));
        Assert.Contains("1 request(s) match.", list, StringComparison.Ordinal);
        Assert.Contains("0 request(s) match.", await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/government-requests?period=2024H2")), StringComparison.Ordinal);

        var edit = RequestFields(decision: "rejected");
        edit["Input.Version"] = saved.ConcurrencyToken.ToString();
        var updated = await Forms.PostAsync(client, $"/o/{org.Slug}/government-requests/{id}", edit);
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        var afterSave = await HtmlAsync(await client.GetAsync(updated.Headers.Location!.OriginalString));
        Assert.Contains("data-testid=\"saved\"", afterSave, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", afterSave, StringComparison.Ordinal);
        var stale = await Forms.PostAsync(client, $"/o/{org.Slug}/government-requests/{id}", edit);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var preview = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/transparency/2024H1"));
        Assert.Contains("<dd data-testid=\"total-requests\">1</dd>", preview, StringComparison.Ordinal);
        Assert.Contains("Not published", preview, StringComparison.Ordinal);
        var chinese = await app.SignInAsync(owner.Email!);
        chinese.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var chinesePreview = await HtmlAsync(await chinese.GetAsync($"/o/{org.Slug}/transparency/2024H1"));
        Assert.Contains("2024 年上半年", chinesePreview, StringComparison.Ordinal);
        Assert.Contains("德国", chinesePreview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{org.Slug}/transparency/2024H3")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_input_names_the_field_answers_400_and_writes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var fields = RequestFields();
        fields["Input.ReceivedOn"] = "2024-02-30";
        fields["Input.Country"] = "UK";
        fields["Input.Type"] = "wiretap";
        fields["Input.AccountsSpecified"] = "-2";
        fields["Input.Necessity"] = "maybe";
        fields["Input.Authority"] = " ";

        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/government-requests/new", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Received on: “2024-02-30” is not a date in the form YYYY-MM-DD.", html, StringComparison.Ordinal);
        Assert.Contains("Country: “UK” is not an ISO 3166-1 code; if it means GB", html, StringComparison.Ordinal);
        Assert.Contains("Request type: choose one of the listed values.", html, StringComparison.Ordinal);
        Assert.Contains("Accounts specified: “-2” is not a whole number of 0 or more.", html, StringComparison.Ordinal);
        Assert.Contains("International human rights law — necessity", html, StringComparison.Ordinal);
        Assert.Contains("Requesting authority: give a text of 1 to 300 characters.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);

        var rejectedButDisclosed = RequestFields(decision: "rejected");
        rejectedButDisclosed["Input.ItemsDisclosedOrRemoved"] = "4";
        var second = await Forms.PostAsync(client, $"/o/{org.Slug}/government-requests/new", rejectedButDisclosed);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("must be 0 when the decision is “Rejected”", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(0, await CountAsync<GovernmentRequest>(app, org.Id));
        Assert.Empty(await AuditAsync(app, org.Id, "government-request"));
        var period = await client.GetAsync($"/o/{org.Slug}/transparency?period=2024H5");
        Assert.Equal(HttpStatusCode.BadRequest, period.StatusCode);
        Assert.Contains("Period: “2024H5” is not a period", WebUtility.HtmlDecode(await period.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Publishing_freezes_the_numbers_and_withdrawing_takes_the_public_page_down(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var analystClient = await app.SignInAsync(analyst.Email!);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var anonymous = app.CreateBrowserlikeClient();
        await RecordAsync(analystClient, org.Slug, RequestFields());
        await RecordAsync(analystClient, org.Slug, RequestFields("2024-04-01", "BR", "rejected"));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1.csv")).StatusCode);
        var forbidden = await Forms.PostAsync(analystClient, $"/o/{org.Slug}/transparency/2024H1", new Dictionary<string, string> { ["command"] = "publish" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var nothing = await Forms.PostAsync(ownerClient, $"/o/{org.Slug}/transparency/2023H1", new Dictionary<string, string> { ["command"] = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);

        var published = await Forms.PostAsync(ownerClient, $"/o/{org.Slug}/transparency/2024H1", new Dictionary<string, string> { ["command"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<dd data-testid=\"total-requests\">2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("media=\"print\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("script-src", string.Join(" ", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        // Recorded after publication: the live preview counts it, the published page and exports do not.
        await RecordAsync(analystClient, org.Slug, RequestFields("2024-05-01", "IN"));
        Assert.Contains("<dd data-testid=\"total-requests\">2</dd>", await HtmlAsync(await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1")), StringComparison.Ordinal);
        var preview = await HtmlAsync(await ownerClient.GetAsync($"/o/{org.Slug}/transparency/2024H1"));
        Assert.Contains("<dd data-testid=\"total-requests\">3</dd>", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"changed\"", preview, StringComparison.Ordinal);
        var csv = await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', TransparencyDocument.CsvColumns), lines[0]);
        Assert.Equal(["2024H1,BR,user-data,court-order,1,3,0,0,1,0", "2024H1,DE,user-data,court-order,1,3,0,1,0,0"], lines[1..]);
        var json = TransparencyDocument.FromJson(await (await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1.json")).Content.ReadAsStringAsync());
        Assert.Equal((2, org.Slug), (json.Totals.Requests, json.Organization));

        var withdrawn = await Forms.PostAsync(ownerClient, $"/o/{org.Slug}/transparency/2024H1", new Dictionary<string, string> { ["command"] = "withdraw" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/transparency/{org.Slug}/2024H1.json")).StatusCode);
        var audit = await AuditAsync(app, org.Id, "transparency-report.");
        Assert.Equal(["transparency-report.published", "transparency-report.withdrawn"], audit.Select(a => a.Action));
        Assert.Contains("period 2024H1; first publication; requests 2", audit[0].Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_public_report_is_in_the_language_of_its_url_whatever_the_browser_asks_with_links_to_switch(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var ownerClient = await app.SignInAsync(owner.Email!);
        await RecordAsync(ownerClient, org.Slug, RequestFields());
        var published = await Forms.PostAsync(ownerClient, $"/o/{org.Slug}/transparency/2024H1", new Dictionary<string, string> { ["command"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var path = $"/transparency/{org.Slug}/2024H1";
        Assert.Contains($"href=\"{path}?lang=en\"", await HtmlAsync(await ownerClient.GetAsync($"/o/{org.Slug}/transparency/2024H1")), StringComparison.Ordinal);

        var chineseBrowser = app.CreateBrowserlikeClient();
        chineseBrowser.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        foreach (var url in new[] { $"{path}?lang=en", path })
        {
            var english = await HtmlAsync(await chineseBrowser.GetAsync(url));
            Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
            Assert.Contains("First half of 2024", english, StringComparison.Ordinal);
            Assert.DoesNotContain("年上半年", english, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{path}?lang=zh-Hans\" lang=\"zh-Hans\">中文</a>", english, StringComparison.Ordinal);
        }

        var englishBrowser = app.CreateBrowserlikeClient();
        englishBrowser.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en");
        var chinese = await HtmlAsync(await englishBrowser.GetAsync($"{path}?lang=zh-Hans"));
        Assert.Contains("<html lang=\"zh-Hans\">", chinese, StringComparison.Ordinal);
        Assert.Contains("2024 年上半年", chinese, StringComparison.Ordinal);
        Assert.Contains("德国", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("First half of 2024", chinese, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{path}?lang=en\" lang=\"en\">English</a>", chinese, StringComparison.Ordinal);
        Assert.Contains("<dd data-testid=\"total-requests\">1</dd>", chinese, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_import_page_refuses_a_bad_file_whole_and_writes_good_lines_when_asked(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        const string File = "Zeitraum,country,request_type,legal_process,requests,rejected\n2023H2,DE,user-data,court-order,10,4\n2023H2,EL,user-data,court-order,5,1\n";

        async Task<HttpResponseMessage> UploadAsync(params (string Name, string Value)[] fields)
        {
            var html = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/transparency/import"));
            using var content = new MultipartFormDataContent();
            content.Add(new StringContent(Forms.AntiforgeryToken(html)), "__rs_af");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(File));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "Upload", "past-report.csv");
            foreach (var (name, value) in fields)
            {
                content.Add(new StringContent(value), name);
            }

            return await client.PostAsync($"/o/{org.Slug}/transparency/import", content);
        }

        var refused = await UploadAsync(("Mapping", "Zeitraum=period"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("past-report.csv:3: country: “EL” is not an ISO 3166-1 code; if it means GR, map it with EL=GR.", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<GovernmentRequestAggregate>(app, org.Id));
        Assert.Empty(await AuditAsync(app, org.Id, "government-requests."));

        var mapped = await UploadAsync(("Mapping", "Zeitraum=period"), ("CountryMap", "EL=GR"));
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        Assert.Contains("2 count(s) added", await mapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await UploadAsync(("Mapping", "Zeitraum=period"), ("CountryMap", "EL=GR"));
        Assert.Contains("0 count(s) added, 2 count(s) replaced", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync<GovernmentRequestAggregate>(app, org.Id));
        var imports = await AuditAsync(app, org.Id, "government-requests.");
        Assert.Equal(2, imports.Count);
        Assert.Contains("file past-report.csv; kind aggregates; rows 2", imports[0].Summary, StringComparison.Ordinal);
        var preview = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/transparency/2023H2"));
        Assert.Contains("<dd data-testid=\"total-requests\">15</dd>", preview, StringComparison.Ordinal);

        var skipped = await UploadAsync(("Mapping", "Zeitraum=period"), ("SkipBadRows", "true"));
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Contains("1 bad line(s) skipped", await skipped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
