using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Hrdd;
using Rightscope.Core.Organizations;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;
using static Rightscope.Tests.Features.Hrdd.HrddTrackingSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>Tracking indicators: one subject, baseline/target rules, measurements with progress, the chart and its table, CSV, edits.</summary>
public sealed class TrackingIndicatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private static List<(string, string)> IndicatorFields(string subject, string kind = "quantitative", string baseline = "40", string target = "10", string direction = "lower-is-better") =>
    [
        ("Input.Subject", subject),
        ("Input.Name", "Days location data is kept"),
        ("Input.Kind", kind),
        ("Input.Unit", "days"),
        ("Input.Baseline", baseline),
        ("Input.BaselineOn", "2025-07-01"),
        ("Input.Target", target),
        ("Input.TargetOn", "2026-12-31"),
        ("Input.Direction", direction),
    ];

    private static List<(string, string)> MeasurementFields(string on, string value, string note = "", string assessment = "") =>
    [
        ("Measurement.MeasuredOn", on),
        ("Measurement.Value", value),
        ("Measurement.Assessment", assessment),
        ("Measurement.Note", note),
        ("Measurement.Source", "Data inventory (fictional)"),
    ];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_quantitative_indicator_shows_progress_a_chart_with_its_table_and_a_safe_csv(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);

        var form = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/tracking-indicators/new?issue={issue.Id}"));
        Assert.Contains($"value=\"issue:{issue.Id}\" selected", form, StringComparison.Ordinal);
        var id = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/new", IndicatorFields($"issue:{issue.Id}")), $"/o/{org.Slug}/tracking-indicators/");
        var page = $"/o/{org.Slug}/tracking-indicators/{id}";
        foreach (var (on, value, note) in new[] { ("2025-10-01", "40", ""), ("2026-01-15", "25", "=HYPERLINK(\"http://x\")"), ("2026-04-01", "4", "") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, page, MeasurementFields(on, value, note))).StatusCode);
        }

        var html = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"trend-chart-title\">Trend of “Days location data is kept”</title>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Measurements of “Days location data is kept”</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2026-01-15</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>25 days</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>50 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("100 % (beyond the target)", html, StringComparison.Ordinal);
        Assert.Contains("0 %", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/o/{org.Slug}/salient-issues/{issue.Id}\"", html, StringComparison.Ordinal);

        var csv = await client.GetAsync($"{page}/measurements.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "indicator,measured_on,value,unit,assessment,progress_percent,note,source",
                "Days location data is kept,2025-10-01,40,days,,0,,Data inventory (fictional)",
                "Days location data is kept,2026-01-15,25,days,,50,\"'=HYPERLINK(\"\"http://x\"\")\",Data inventory (fictional)",
                "Days location data is kept,2026-04-01,4,days,,120,,Data inventory (fictional)",
            ],
            lines);

        var stored = await QueryAsync(timed, db => db.TrackingIndicators.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((issue.Id, (Guid?)null, 40.0, 10.0, TrackingDirection.LowerIsBetter), (stored.SalientIssueId!.Value, stored.ActionId, stored.BaselineValue!.Value, stored.TargetValue!.Value, stored.Direction));
        Assert.Single(await AuditAsync(timed, org.Id, "tracking-indicator.created"));
        Assert.Equal(3, (await AuditAsync(timed, org.Id, "tracking-measurement.added")).Count);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_measurement_is_corrected_and_a_stale_correction_is_refused_with_409(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var client = await app.SignInAsync(owner.Email!);
        var id = RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/new", IndicatorFields($"issue:{issue.Id}")), $"/o/{org.Slug}/tracking-indicators/");
        await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/{id}", MeasurementFields("2025-10-01", "40"));
        var measurementId = await QueryAsync(app, db => db.TrackingMeasurements.IgnoreQueryFilters().Where(m => m.IndicatorId == id).Select(m => m.Id).SingleAsync());
        var page = $"/o/{org.Slug}/tracking-indicators/{id}/measurements/{measurementId}";
        var stale = VersionIn(await HtmlAsync(await client.GetAsync(page)), "Measurement.Version");

        var fixedFields = MeasurementFields("2025-10-01", "38.5");
        fixedFields.Add(("Measurement.Version", stale));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, page, fixedFields)).StatusCode);
        var again = MeasurementFields("2025-10-01", "12");
        again.Add(("Measurement.Version", stale));
        var conflict = await SubmitAsync(client, page, again);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("value=\"38.5\"", await HtmlAsync(conflict), StringComparison.Ordinal);
        var stored = await QueryAsync(app, db => db.TrackingMeasurements.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == measurementId));
        Assert.Equal(38.5, stored.Value);
        Assert.Single(await AuditAsync(app, org.Id, "tracking-measurement.updated"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_indicators_and_measurements_name_the_field_answer_400_and_write_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var foreign = await IssueAsync(app, other.Id, otherOwner.Id);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);
        var newPage = $"/o/{org.Slug}/tracking-indicators/new";

        var wrongWay = await SubmitAsync(client, newPage, IndicatorFields($"issue:{issue.Id}", baseline: "10", target: "40"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongWay.StatusCode);
        Assert.Contains("Target: when lower is better, the target cannot be above the baseline.", await HtmlAsync(wrongWay), StringComparison.Ordinal);
        var strangers = await SubmitAsync(client, newPage, IndicatorFields($"issue:{foreign.Id}", baseline: "ten"));
        var strangersHtml = await HtmlAsync(strangers);
        Assert.Equal(HttpStatusCode.BadRequest, strangers.StatusCode);
        Assert.Contains("Tracks: choose one salient issue or one action of this organization.", strangersHtml, StringComparison.Ordinal);
        Assert.Contains("Baseline: “ten” is not a number", strangersHtml, StringComparison.Ordinal);
        var qualitative = await SubmitAsync(client, newPage, IndicatorFields($"issue:{issue.Id}", "qualitative", baseline: " ", target: ""));
        Assert.Contains("Baseline: enter a text of at most 500 characters.", await HtmlAsync(qualitative), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<TrackingIndicator>(timed, org.Id));

        var id = RedirectedId(await SubmitAsync(client, newPage, IndicatorFields($"issue:{issue.Id}")), $"/o/{org.Slug}/tracking-indicators/");
        var badMeasurement = await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/{id}", MeasurementFields("2026-06-16", "1,5"));
        Assert.Equal(HttpStatusCode.BadRequest, badMeasurement.StatusCode);
        var badHtml = await HtmlAsync(badMeasurement);
        Assert.Contains("Date measured: a measurement cannot be dated in the future.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Value: “1,5” is not a number", badHtml, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<TrackingMeasurement>(timed, org.Id));
        Assert.Empty(await AuditAsync(timed, org.Id, "tracking-measurement."));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_qualitative_indicator_of_an_action_is_listed_on_the_action_and_assessed_in_words(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var actionId = RedirectedId(
            await SubmitAsync(client, $"/o/{org.Slug}/actions/new",
            [
                ("Input.Title", "Train sales staff on end-use red flags"), ("Input.Kind", "prevention"), ("Input.Function", "sales"),
                ("Input.DueOn", "2030-01-01"), ("Input.Status", "in-progress"),
            ]),
            $"/o/{org.Slug}/actions/");
        var id = RedirectedId(
            await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/new", IndicatorFields($"action:{actionId}", "qualitative", "Staff unaware of red flags", "Staff escalate red flags unprompted")),
            $"/o/{org.Slug}/tracking-indicators/");

        var missing = await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/{id}", MeasurementFields("2025-12-01", ""));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Assessment: enter a text", await HtmlAsync(missing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, $"/o/{org.Slug}/tracking-indicators/{id}", MeasurementFields("2025-12-01", "", assessment: "Half the team escalated a test case"))).StatusCode);

        var detail = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/tracking-indicators/{id}"));
        Assert.DoesNotContain("<svg", detail, StringComparison.Ordinal);
        Assert.Contains("<td>Half the team escalated a test case</td>", detail, StringComparison.Ordinal);
        var action = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/actions/{actionId}"));
        Assert.Contains($"href=\"/o/{org.Slug}/tracking-indicators/{id}\">Days location data is kept</a>", action, StringComparison.Ordinal);
        Assert.Contains("2025-12-01: Half the team escalated a test case", action, StringComparison.Ordinal);
        var csv = await (await client.GetAsync($"/o/{org.Slug}/tracking-indicators/{id}/measurements.csv")).Content.ReadAsStringAsync();
        Assert.Contains("Days location data is kept,2025-12-01,,days,Half the team escalated a test case,,,Data inventory (fictional)", csv, StringComparison.Ordinal);
    }
}
