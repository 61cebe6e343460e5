using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Assessments;

/// <summary>Salient impacts on a <c>ungp-hria</c> assessment: validation, GP24 order, severity floors on the tier.</summary>
public sealed class SalientImpactsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Impacts_are_listed_most_severe_first_and_a_severe_irremediable_one_floors_the_tier(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(analyst.Email!);
        var id = await StartHriaAsync(client, org);

        // A potential, remediable impact: severity 3, no floor fires.
        var first = await PostImpactAsync(client, org, id, Impact("equality-non-discrimination", "3", "3", "2", potential: "5", groups: ["women-and-girls"]));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var afterFirst = await AssessmentsTests.AssessmentAsync(app, id);
        Assert.Null(afterFirst.Tier);

        // An actual impact of severity 5 that cannot be remedied: most severe, listed first, floors the tier at 3.
        var second = await PostImpactAsync(client, org, id, Impact("privacy", "5", "2", "5", potential: null, groups: ["human-rights-defenders", "journalists-and-media-workers"]));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var afterSecond = await AssessmentsTests.AssessmentAsync(app, id);
        Assert.Equal(3, afterSecond.Tier);

        var page = WebUtility.HtmlDecode(await (await client.GetAsync($"/o/{org.Slug}/assessments/{id}/impacts")).Content.ReadAsStringAsync());
        var privacy = page.IndexOf("Right to privacy", StringComparison.Ordinal);
        var discrimination = page.IndexOf("non-discrimination", StringComparison.OrdinalIgnoreCase);
        Assert.True(privacy > 0 && discrimination > 0, "both impacts are listed");
        Assert.True(privacy < discrimination, "the severe, irremediable impact comes first (UNGP 24)");
        Assert.Contains("Irremediable", page, StringComparison.Ordinal);

        var overview = WebUtility.HtmlDecode(await (await client.GetAsync($"/o/{org.Slug}/assessments/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("2 recorded; the most severe: 5", overview, StringComparison.Ordinal);
        Assert.Contains("Severity floor: severity 5 or more", overview, StringComparison.Ordinal);
        Assert.Equal(2, (await AssessmentsTests.AuditAsync(app, org.Id, "assessment.impact-recorded")).Count);

        // The API returns the impacts rated and in the same order.
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));
        using (var json = System.Text.Json.JsonDocument.Parse(await (await api.GetAsync($"/api/v1/orgs/{org.Slug}/assessments/{id}")).Content.ReadAsStringAsync()))
        {
            var rated = json.RootElement.GetProperty("impacts").EnumerateArray().ToList();
            Assert.Equal(["privacy", "equality-non-discrimination"], rated.Select(i => i.GetProperty("right").GetString()));
            Assert.Equal(5, rated[0].GetProperty("severity").GetDouble());
            Assert.True(rated[0].GetProperty("irremediable").GetBoolean());
            Assert.False(rated[1].GetProperty("severe").GetBoolean());
            Assert.Equal("contribute", rated[1].GetProperty("involvement").GetString());
        }

        // Removing the severe impact lifts the floor.
        var severe = await ImpactsAsync(app, id);
        var removed = await Forms.PostAsync(
            client, $"/o/{org.Slug}/assessments/{id}/impacts",
            new Dictionary<string, string> { ["impactId"] = severe.Single(i => i.RightKey == "privacy").Id.ToString() },
            $"/o/{org.Slug}/assessments/{id}/impacts?handler=remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await AssessmentsTests.AssessmentAsync(app, id)).Tier);
        Assert.Single(await ImpactsAsync(app, id));
        Assert.Single(await AssessmentsTests.AuditAsync(app, org.Id, "assessment.impact-removed"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_invalid_impact_is_refused_field_by_field_and_nothing_is_saved(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(analyst.Email!);
        var id = await StartHriaAsync(client, org);

        var fields = Impact("no-such-right", "6", "0", "x", potential: "", groups: ["no-such-group"]);
        fields["Input.Involvement"] = "owns";
        fields["Input.Description"] = "";
        var response = await PostImpactAsync(client, org, id, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Choose a right from the list.", html, StringComparison.Ordinal);
        Assert.Contains("Choose up to 12 groups from the list.", html, StringComparison.Ordinal);
        Assert.Contains("Choose cause, contribute or directly linked.", html, StringComparison.Ordinal);
        Assert.Contains("Describe the impact in 1 to 2000 characters.", html, StringComparison.Ordinal);
        // Scale, scope, irremediable character and the likelihood of a potential impact: four 1-to-5 errors.
        Assert.Equal(4, CountOf(html, "<p class=\"field-error\">Choose a value from 1 to 5.</p>"));
        Assert.Empty(await ImpactsAsync(app, id));
        Assert.Empty(await AssessmentsTests.AuditAsync(app, org.Id, "assessment.impact-recorded"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_viewer_reads_impacts_but_cannot_record_one_and_a_methodology_without_impacts_has_no_impact_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var analystClient = await app.SignInAsync(analyst.Email!);
        var id = await StartHriaAsync(analystClient, org);
        Assert.Equal(HttpStatusCode.Redirect, (await PostImpactAsync(analystClient, org, id, Impact("privacy", "4", "4", "2", potential: "3", groups: ["users"]))).StatusCode);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        var read = await viewerClient.GetAsync($"/o/{org.Slug}/assessments/{id}/impacts");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var html = await read.Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Input.RightKey\"", html, StringComparison.Ordinal);
        var refused = await Forms.PostAsync(
            viewerClient, $"/o/{org.Slug}/assessments/{id}/impacts", Impact("privacy", "1", "1", "1", potential: "1", groups: ["users"]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(await ImpactsAsync(app, id));

        var investorAssessment = await AssessmentsTests.StartAsync(analystClient, org);
        Assert.Equal(HttpStatusCode.NotFound, (await analystClient.GetAsync($"/o/{org.Slug}/assessments/{investorAssessment}/impacts")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_impact_is_corrected_in_place_and_the_tier_follows(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(analyst.Email!);
        var id = await StartHriaAsync(client, org);
        await PostImpactAsync(client, org, id, Impact("freedom-of-expression", "4", "3", "2", potential: "2", groups: ["journalists-and-media-workers"]));
        Assert.Equal(2, (await AssessmentsTests.AssessmentAsync(app, id)).Tier);
        var impact = Assert.Single(await ImpactsAsync(app, id));

        var form = await client.GetAsync($"/o/{org.Slug}/assessments/{id}/impacts?edit={impact.Id}");
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Contains($"name=\"ImpactId\" value=\"{impact.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"4\" selected=\"selected\">4</option>", html, StringComparison.Ordinal);

        var fields = Impact("freedom-of-expression", "2", "3", "2", potential: "2", groups: ["journalists-and-media-workers"]);
        fields["ImpactId"] = impact.Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await PostImpactAsync(client, org, id, fields)).StatusCode);

        var changed = Assert.Single(await ImpactsAsync(app, id));
        Assert.Equal(2, changed.Scale);
        Assert.Null((await AssessmentsTests.AssessmentAsync(app, id)).Tier);
        Assert.Single(await AssessmentsTests.AuditAsync(app, org.Id, "assessment.impact-changed"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Another_organization_cannot_see_or_change_the_impacts(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var id = await StartHriaAsync(await app.SignInAsync(analyst.Email!), org);
        var (other, otherOwner) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync(otherOwner.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/assessments/{id}/impacts")).StatusCode);
        var posted = await Forms.PostAsync(
            outsider, $"/o/{other.Slug}/assessments", Impact("privacy", "5", "5", "5", potential: null, groups: ["users"]),
            $"/o/{other.Slug}/assessments/{id}/impacts");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Empty(await ImpactsAsync(app, id));
    }

    internal static Dictionary<string, string> Impact(string right, string scale, string scope, string irremediability, string? potential, string[] groups)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.RightKey"] = right,
            ["Input.Involvement"] = "contribute",
            ["Input.Description"] = "Fictional: location data shared with a security agency.",
            ["Input.Occurrence"] = potential is null ? "actual" : "potential",
            ["Input.Scale"] = scale,
            ["Input.Scope"] = scope,
            ["Input.Irremediability"] = irremediability,
        };
        if (potential is not null)
        {
            fields["Input.Likelihood"] = potential;
        }

        for (var i = 0; i < groups.Length; i++)
        {
            fields[$"Input.Groups[{i}]"] = groups[i];
        }

        return fields;
    }

    internal static Task<HttpResponseMessage> PostImpactAsync(HttpClient client, Organization org, Guid id, Dictionary<string, string> fields) =>
        Forms.PostAsync(client, $"/o/{org.Slug}/assessments/{id}/impacts", fields, $"/o/{org.Slug}/assessments/{id}/impacts");

    internal static async Task<Guid> StartHriaAsync(HttpClient client, Organization org)
    {
        var response = await Forms.PostAsync(
            client,
            $"/o/{org.Slug}/assessments/new?methodology=ungp-hria",
            new Dictionary<string, string>
            {
                ["Input.Methodology"] = "ungp-hria@1.0.0",
                ["Input.SubjectKind"] = "Product",
                ["Input.SubjectName"] = "Fictional Locator App",
                ["Input.Attributes[lifecycle-stage]"] = "deployment",
            },
            $"/o/{org.Slug}/assessments/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task<List<SalientImpact>> ImpactsAsync(RightscopeFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().SalientImpacts.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.AssessmentId == id).ToListAsync();
    }
}
