using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Remedy.CaseWorkflowSteps;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>
/// The coarse victim profile of triage (perpetrator type, victim's sex and age band): plaintext, checked against fixed
/// code lists on the server, and counted by the statistics.
/// </summary>
public sealed class CaseVictimProfileTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_victim_profile_is_refused_field_by_field_when_not_a_listed_value_then_saved_and_counted(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var open = await SubmitAndUnlockAsync(app);
        var handler = open.Setup.HandlerClient;

        var form = await HtmlAsync(await handler.GetAsync(open.CaseUrl));
        Assert.Contains("<option value=\"NonState\">Non-State</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"SixtyOrOlder\">60 or older</option>", form, StringComparison.Ordinal);

        var invalid = await PostAsync(handler, open.CaseUrl, "Triage", new Dictionary<string, string>
        {
            ["Triage.Category"] = "ThreatToDefender",
            ["Triage.Urgency"] = "High",
            ["Triage.Perpetrator"] = "Aliens",
            ["Triage.VictimSex"] = "1",
            ["Triage.VictimAgeBand"] = "From18To29, From30To44",
            ["Triage.ViolationTypes"] = "Beheading",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = await HtmlAsync(invalid);
        Assert.Contains("Perpetrator type: choose State, non-State or unknown, or leave it not set.", html, StringComparison.Ordinal);
        Assert.Contains("Victim’s sex: choose one of the listed values, or leave it not set.", html, StringComparison.Ordinal);
        Assert.Contains("Victim’s age band: choose one of the listed bands, or leave it not set.", html, StringComparison.Ordinal);
        Assert.Contains("Violation types: choose only types from the list.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Triage_ViolationTypes-error\"", html, StringComparison.Ordinal);
        foreach (var field in new[] { "Perpetrator", "VictimSex", "VictimAgeBand" })
        {
            Assert.Contains($"aria-describedby=\"Triage_Profile-hint Triage_{field}-error\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"Triage_{field}-error\"", html, StringComparison.Ordinal);
        }

        var unchanged = await CaseAsync(app, open.CaseId);
        Assert.Null(unchanged.Category);
        Assert.Null(unchanged.Perpetrator);
        Assert.Empty(unchanged.ViolationTypes);

        var saved = await PostAsync(handler, open.CaseUrl, "Triage", new Dictionary<string, string>
        {
            ["Triage.Category"] = "ThreatToDefender",
            ["Triage.Urgency"] = "High",
            ["Triage.Defender"] = "true",
            ["Triage.Perpetrator"] = "State",
            ["Triage.VictimSex"] = "Female",
            ["Triage.VictimAgeBand"] = "From30To44",
            ["Triage.ViolationTypes[0]"] = "Spyware",
            ["Triage.ViolationTypes[1]"] = "ArbitraryDetention",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await CaseAsync(app, open.CaseId);
        Assert.Equal(PerpetratorType.State, stored.Perpetrator);
        Assert.Equal(VictimSex.Female, stored.VictimSex);
        Assert.Equal(AgeBand.From30To44, stored.VictimAgeBand);
        Assert.Equal([ViolationType.ArbitraryDetention, ViolationType.Spyware], stored.ViolationTypes);
        Assert.Contains("value=\"Spyware\" checked=\"checked\"", await HtmlAsync(await handler.GetAsync(open.CaseUrl)), StringComparison.Ordinal);
        Assert.Contains("<option value=\"State\" selected=\"selected\">State</option>", await HtmlAsync(await handler.GetAsync(open.CaseUrl)), StringComparison.Ordinal);
        var summary = await ReadAsync(app, db => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == open.CaseId.ToString("N") && e.Action == "case.triaged").Select(e => e.Summary).SingleAsync());
        Assert.Contains("victim profile 3 of 3 set, 2 violation type(s)", summary, StringComparison.Ordinal);

        // Counted as one defender incident by a State actor: shown as "<5", never as 1.
        var csv = await (await handler.GetAsync($"/o/{open.Setup.Organization.Slug}/statistics?handler=csv&population=DefenderIncidents&by=Perpetrator")).Content.ReadAsStringAsync();
        Assert.Contains("defender_incidents,State,0,0,0,0,<5,<5", csv, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,not_recorded,0,0,0,0,0,0", csv, StringComparison.Ordinal);
        var byViolation = await (await handler.GetAsync($"/o/{open.Setup.Organization.Slug}/statistics?handler=csv&population=DefenderIncidents&by=ViolationType")).Content.ReadAsStringAsync();
        Assert.Contains("defender_incidents,Spyware,0,0,0,0,<5,<5", byViolation, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,ArbitraryDetention,0,0,0,0,<5,<5", byViolation, StringComparison.Ordinal);
        Assert.Contains("defender_incidents,Killing,0,0,0,0,0,0", byViolation, StringComparison.Ordinal);

        // Cleared again: "not set" is allowed and stored as not recorded.
        var cleared = await PostAsync(handler, open.CaseUrl, "Triage", new Dictionary<string, string>
        {
            ["Triage.Urgency"] = "High",
            ["Triage.Perpetrator"] = "",
            ["Triage.VictimSex"] = "",
            ["Triage.VictimAgeBand"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        var clearedCase = await CaseAsync(app, open.CaseId);
        Assert.Null(clearedCase.VictimSex);
        Assert.Empty(clearedCase.ViolationTypes);

        // The labels come in Chinese too.
        var chinese = new HttpRequestMessage(HttpMethod.Get, open.CaseUrl);
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        var chineseForm = await HtmlAsync(await handler.SendAsync(chinese));
        Assert.Contains("施害者类型", chineseForm, StringComparison.Ordinal);
        Assert.Contains("受害者年龄段", chineseForm, StringComparison.Ordinal);
        Assert.Contains("侵害类型", chineseForm, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_defender_report_prefills_the_profile_from_its_answers_until_the_handler_saves_the_triage(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app, "defender-incident");
        var submitted = await Forms.PostAsync(app.CreateBrowserlikeClient(), $"/report/{setup.Channel}", new Dictionary<string, string>
        {
            ["Answers[description]"] = "Fictional test incident.",
            ["Answers[perpetrator]"] = "non-state",
            ["Answers[violation]"] = "doxxing",
            ["Answers[sex]"] = "prefer-not-to-say",
            ["Answers[age]"] = "60-plus",
            ["Answers[group]"] = "journalist",
        });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await RemedySteps.UnlockAsync(setup.HandlerClient);
        var id = Assert.Single(await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization));
        var caseUrl = $"/o/{setup.Organization.Slug}/cases/{id}";

        var page = await HtmlAsync(await setup.HandlerClient.GetAsync(caseUrl));
        Assert.Contains("data-testid=\"profile-suggested\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"NonState\" selected=\"selected\">Non-State</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"SixtyOrOlder\" selected=\"selected\">60 or older</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"Female\" selected", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Doxxing\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Spyware\" checked", page, StringComparison.Ordinal);
        // Suggested, not stored: nothing is counted until the handler confirms.
        Assert.Null((await CaseAsync(app, Guid.Parse(id))).Perpetrator);
        Assert.Empty((await CaseAsync(app, Guid.Parse(id))).ViolationTypes);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(setup.HandlerClient, caseUrl, "Triage", new Dictionary<string, string>
        {
            ["Triage.Category"] = "PrivacyAndData",
            ["Triage.Urgency"] = "Normal",
            ["Triage.Perpetrator"] = "",
            ["Triage.VictimAgeBand"] = "SixtyOrOlder",
            ["Triage.ViolationTypes"] = "Doxxing",
        })).StatusCode);
        var stored = await CaseAsync(app, Guid.Parse(id));
        Assert.Null(stored.Perpetrator);
        Assert.Equal(AgeBand.SixtyOrOlder, stored.VictimAgeBand);
        Assert.Equal([ViolationType.Doxxing], stored.ViolationTypes);
        // Once triaged, a field left not set stays not set.
        var after = await HtmlAsync(await setup.HandlerClient.GetAsync(caseUrl));
        Assert.DoesNotContain("data-testid=\"profile-suggested\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"NonState\" selected", after, StringComparison.Ordinal);
    }
}
