using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Rightscope.Core.Accounts;
using Rightscope.Features.Engagements;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Api.AssessmentApiTests;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;

namespace Rightscope.Tests.Features.Api;

/// <summary>The engagements API: the same commands, rules, audit and permissions as the engagement pages, as JSON.</summary>
public sealed class EngagementApiTests
{
    private static string Engagements(Organization org) => $"/api/v1/orgs/{org.Slug}/engagements";

    private static HttpClient ApiClient(WebApplicationFactory<Program> app, string secret)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_token_runs_an_engagement_from_gaps_to_an_overdue_milestone_and_an_escalation(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var (timed, clock) = Timed(app, DateTimeOffset.UtcNow);
        var api = ApiClient(timed, await app.CreateApiTokenAsync(org, Role.Analyst, expiresAt: DateTime.UtcNow.AddDays(30), createdBy: owner.Id));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var created = await api.PostAsJsonAsync(Engagements(org), new
        {
            companyId = company.Company.Id,
            title = "Remedy for misuse",
            assessmentId = company.AssessmentId,
            startedOn = "2026-01-05",
            gaps = new[] { company.ItemByAnswer["no"], company.ItemByAnswer["reversed-yes"] },
            objectives = new[] { "Publish a grievance channel" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var engagement = await JsonAsync(created);
        var id = engagement.GetProperty("id").GetGuid();
        Assert.Equal($"{Engagements(org)}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(owner.Id, engagement.GetProperty("leadUserId").GetGuid());
        Assert.Equal("open", engagement.GetProperty("status").GetString());
        Assert.Equal(
            [company.ItemByAnswer["no"], company.ItemByAnswer["reversed-yes"], null],
            engagement.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("itemKey").GetString()).ToList());
        var ladder = engagement.GetProperty("ladder");
        Assert.Equal("private-dialogue", ladder.GetProperty("current").GetString());
        Assert.Equal(7, ladder.GetProperty("steps").GetArrayLength());
        Assert.Equal("divestment", ladder.GetProperty("steps")[6].GetString());

        var milestone = await api.PostAsJsonAsync($"{Engagements(org)}/{id}/milestones", new { deadline = Iso(today.AddDays(1)), description = "Reply to the letter" });
        Assert.Equal(HttpStatusCode.Created, milestone.StatusCode);
        Assert.False((await JsonAsync(milestone)).GetProperty("milestones")[0].GetProperty("overdue").GetBoolean());
        var interaction = await api.PostAsJsonAsync($"{Engagements(org)}/{id}/interactions", new
        {
            occurredOn = Iso(today),
            type = "collaborative-investor-meeting",
            participants = "Three investors; the company's general counsel",
            summary = "Asked for a remedy channel",
        });
        Assert.Equal(HttpStatusCode.Created, interaction.StatusCode);
        var version = (await JsonAsync(interaction)).GetProperty("version").GetGuid();
        var escalated = await api.PostAsJsonAsync($"{Engagements(org)}/{id}/escalations", new { step = "public-statement", version });
        Assert.Equal(HttpStatusCode.Created, escalated.StatusCode);

        clock.Advance(TimeSpan.FromDays(2));
        var detail = await JsonAsync(await api.GetAsync($"{Engagements(org)}/{id}"));
        Assert.True(detail.GetProperty("milestones")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(1, detail.GetProperty("overdueMilestones").GetInt32());
        Assert.Equal("collaborative-investor-meeting", detail.GetProperty("interactions")[0].GetProperty("type").GetString());
        var history = detail.GetProperty("ladder").GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("fromStep").ValueKind);
        Assert.Equal(("private-dialogue", "public-statement"), (history[1].GetProperty("fromStep").GetString(), history[1].GetProperty("toStep").GetString()));
        Assert.Equal(4, detail.GetProperty("ladder").GetProperty("position").GetInt32());

        var overdue = (await JsonAsync(await api.GetAsync($"{Engagements(org)}?status=overdue"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(id, Assert.Single(overdue).GetProperty("id").GetGuid());
        Assert.Equal(Iso(today.AddDays(1)), overdue[0].GetProperty("nextDeadline").GetString());
        Assert.Empty((await JsonAsync(await api.GetAsync($"{Engagements(org)}?status=closed"))).GetProperty("items").EnumerateArray());
        Assert.Single((await JsonAsync(await api.GetAsync($"{Engagements(org)}?companyId={company.Company.Id}"))).GetProperty("items").EnumerateArray());

        var audit = await AuditAsync(app, org.Id, "engagement.");
        Assert.Equal(["engagement.created", "engagement.milestone-added", "engagement.interaction-added", "engagement.escalated"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("api-token:rs_", e.Actor, StringComparison.Ordinal));
        Assert.All(audit, e => Assert.DoesNotContain("remedy channel", e.Summary, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_requests_name_the_field_and_write_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst, createdBy: owner.Id));

        async Task<JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            Assert.Equal(status, response.StatusCode);
            return await JsonAsync(response);
        }

        var wrongType = await RefusedAsync(await api.PostAsync(Engagements(org), new StringContent("{\"companyId\": 5}", Encoding.UTF8, "application/json")));
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("companyId", out _));
        var notJson = await RefusedAsync(await api.PostAsync(Engagements(org), new StringContent("title=x", Encoding.UTF8, "text/plain")));
        Assert.True(notJson.GetProperty("errors").TryGetProperty("body", out _));
        var unknownCompany = await RefusedAsync(await api.PostAsJsonAsync(Engagements(org), new { companyId = Guid.NewGuid(), title = "x" }));
        Assert.True(unknownCompany.GetProperty("errors").TryGetProperty("companyId", out _));
        var invalid = await RefusedAsync(await api.PostAsJsonAsync(Engagements(org), new
        {
            companyId = company.Company.Id,
            title = "",
            assessmentId = company.AssessmentId,
            gaps = new[] { company.ItemByAnswer["yes"], company.ItemByAnswer["reversed-no"] },
            startedOn = "yesterday",
        }));
        var errors = invalid.GetProperty("errors");
        Assert.Equal("Title: enter a title of at most 300 characters.", errors.GetProperty("title")[0].GetString());
        Assert.Equal(2, errors.GetProperty("gaps").GetArrayLength());
        Assert.Contains("\"yesterday\" is not a date", errors.GetProperty("startedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<Engagement>(app, org.Id));

        var id = (await JsonAsync(await api.PostAsJsonAsync(Engagements(org), new { companyId = company.Company.Id, title = "Freely written", startedOn = "2026-01-05" }))).GetProperty("id").GetGuid();
        var milestone = await RefusedAsync(await api.PostAsJsonAsync($"{Engagements(org)}/{id}/milestones", new { deadline = "2026-02-30", description = "x" }));
        Assert.Contains("Deadline: \"2026-02-30\" is not a date", milestone.GetProperty("errors").GetProperty("deadline")[0].GetString(), StringComparison.Ordinal);
        var interaction = await RefusedAsync(await api.PostAsJsonAsync($"{Engagements(org)}/{id}/interactions", new { occurredOn = "2026-02-01", type = "meeting" }));
        Assert.True(interaction.GetProperty("errors").TryGetProperty("participants", out _));
        Assert.True(interaction.GetProperty("errors").TryGetProperty("summary", out _));
        var same = await RefusedAsync(await api.PostAsJsonAsync($"{Engagements(org)}/{id}/escalations", new { step = "private-dialogue" }));
        Assert.True(same.GetProperty("errors").TryGetProperty("step", out _));
        var unknownStep = await RefusedAsync(await api.PostAsJsonAsync($"{Engagements(org)}/{id}/escalations", new { step = "boycott" }));
        Assert.True(unknownStep.GetProperty("errors").TryGetProperty("step", out _));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"{Engagements(org)}/{id}/escalations", new { step = "divestment" })).StatusCode);
        var down = await RefusedAsync(await api.PostAsJsonAsync($"{Engagements(org)}/{id}/escalations", new { step = "letter-to-board" }));
        Assert.True(down.GetProperty("errors").TryGetProperty("reason", out _));
        await RefusedAsync(await api.PostAsJsonAsync($"{Engagements(org)}/{id}/escalations", new { step = "letter-to-board", reason = "Agreed", version = Guid.NewGuid() }), HttpStatusCode.Conflict);
        await RefusedAsync(await api.GetAsync($"{Engagements(org)}?status=sleeping"));

        Assert.Equal(0, await CountAsync<EngagementMilestone>(app, org.Id));
        Assert.Equal(0, await CountAsync<EngagementInteraction>(app, org.Id));
        Assert.Equal(2, await CountAsync<EscalationEntry>(app, org.Id));
        Assert.Equal(["engagement.created", "engagement.escalated"], (await AuditAsync(app, org.Id, "engagement.")).Select(e => e.Action));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Another_organizations_engagement_is_404_and_a_viewer_token_cannot_write(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var company = await AssessedCompanyAsync(app, org.Id, owner.Id);
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst, createdBy: owner.Id));
        var id = (await JsonAsync(await api.PostAsJsonAsync(Engagements(org), new { companyId = company.Company.Id, title = "Ours" }))).GetProperty("id").GetGuid();

        var (other, otherOwner) = await app.CreateOrganizationAsync();
        var outsider = app.CreateApiClient(await app.CreateApiTokenAsync(other, Role.Analyst, createdBy: otherOwner.Id));
        var viaOwnOrg = $"{Engagements(other)}/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(viaOwnOrg)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{viaOwnOrg}/milestones", new { deadline = "2026-12-31", description = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{viaOwnOrg}/interactions", new { occurredOn = "2026-01-31", type = "call", participants = "x", summary = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{viaOwnOrg}/escalations", new { step = "divestment" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Engagements(org)}/{id}")).StatusCode);
        Assert.Empty((await JsonAsync(await outsider.GetAsync(Engagements(other)))).GetProperty("items").EnumerateArray());
        var foreignCompany = await JsonAsync(await outsider.PostAsJsonAsync(Engagements(other), new { companyId = company.Company.Id, title = "Theirs" }));
        Assert.True(foreignCompany.GetProperty("errors").TryGetProperty("companyId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await outsider.GetAsync($"{Engagements(other)}?companyId={company.Company.Id}")).StatusCode);

        var viewer = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer, createdBy: owner.Id));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Engagements(org)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(Engagements(org), new { companyId = company.Company.Id, title = "Viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"{Engagements(org)}/{id}/escalations", new { step = "divestment" })).StatusCode);
        Assert.Equal(1, await CountAsync<Engagement>(app, org.Id));
        Assert.Equal(1, await CountAsync<EscalationEntry>(app, org.Id));
        Assert.Equal(0, await CountAsync<Engagement>(app, other.Id));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_engagement_operations_with_their_bodies()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var paths = (await JsonAsync(await app.CreateApiClient(null).GetAsync("/openapi/v1.json"))).GetProperty("paths");
        var expected = new (string Path, string Method, string OperationId)[]
        {
            ("/api/v1/orgs/{org}/engagements", "get", "ListEngagements"),
            ("/api/v1/orgs/{org}/engagements", "post", "CreateEngagement"),
            ("/api/v1/orgs/{org}/engagements/{id}", "get", "GetEngagement"),
            ("/api/v1/orgs/{org}/engagements/{id}/milestones", "post", "AddEngagementMilestone"),
            ("/api/v1/orgs/{org}/engagements/{id}/interactions", "post", "AddEngagementInteraction"),
            ("/api/v1/orgs/{org}/engagements/{id}/escalations", "post", "EscalateEngagement"),
        };
        foreach (var (path, method, operationId) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing");
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
            if (method == "post")
            {
                Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), $"{path} has no JSON body");
            }
        }
    }
}
