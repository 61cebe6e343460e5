using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Demo;

/// <summary>
/// The civil-society demo's defender-incident channel: fictional incidents whose statistics show numbers and both
/// kinds of suppression, and which the demo case handler can open with the printed password.
/// </summary>
public sealed partial class DemoStatisticsTests
{
    [GeneratedRegex(@"^\s+demo-civil-society\s+case-handler\s+(\S+@\S+)\s+([a-z0-9-]{29})\s*$", RegexOptions.Multiline)]
    private static partial Regex HandlerLine();

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_civil_society_demo_has_defender_incidents_whose_statistics_show_counts_and_suppression(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var credentials = HandlerLine().Match(app.ConsoleOutput);
        Assert.True(credentials.Success, "The demo civil society's case handler is printed.");
        var handler = await app.SignInAsync(credentials.Groups[1].Value, credentials.Groups[2].Value);
        Assert.Contains($"/report/{DemoDefenderIncidents.Slug}", app.ConsoleOutput, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var organization = await db.Organizations.SingleAsync(o => o.Slug == "demo-civil-society");
            var cases = await db.Cases.IgnoreQueryFilters().AsNoTracking().Where(c => c.OrganizationId == organization.Id).ToListAsync();
            Assert.Equal(DemoDefenderIncidents.IncidentCount, cases.Count);
            Assert.All(cases, c => Assert.True(c.Defender && c.Perpetrator is not null && c.Category is not null && c.ViolationTypes.Count > 0));
            // Some incidents record two violation types, so the table by type shows rows that overlap.
            Assert.Contains(cases, c => c.ViolationTypes.Count == 2);
            Assert.Equal(DemoDefenderIncidents.IncidentCount, await db.CaseRecipientEnvelopes.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == organization.Id));
            // Besides the demo company's, no other demo organization has cases.
            var company = await db.Organizations.SingleAsync(o => o.Slug == "demo-company");
            Assert.Equal(0, await db.Cases.IgnoreQueryFilters().CountAsync(c => c.OrganizationId != organization.Id && c.OrganizationId != company.Id));
        }

        var page = WebUtility.HtmlDecode(await (await handler.GetAsync("/o/demo-civil-society/statistics")).Content.ReadAsStringAsync());
        var perpetrators = Regex.Match(page, @"data-testid=""statistics-DefenderIncidents-Perpetrator"">[\s\S]*?</table>").Value;
        Assert.Contains("<td><5</td>", perpetrators, StringComparison.Ordinal);
        Assert.Matches(@"<td>\d{2}</td>", perpetrators);
        Assert.Contains("<td>withheld</td>", page, StringComparison.Ordinal);
        var byViolation = Regex.Match(page, @"data-testid=""statistics-DefenderIncidents-ViolationType"">[\s\S]*?</table>").Value;
        Assert.Contains("<tr data-key=\"OnlineHarassment\">", byViolation, StringComparison.Ordinal);
        Assert.Contains("Cases (each counted once)", byViolation, StringComparison.Ordinal);

        // Every CSV line whose counts are all shown adds up to its total; the yearly totals add up to the grand total.
        var csv = await (await handler.GetAsync("/o/demo-civil-society/statistics?handler=csv&population=DefenderIncidents&by=Perpetrator")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(5, lines.Count);
        foreach (var line in lines.Where(l => l.Skip(2).All(v => int.TryParse(v, out _))))
        {
            var numbers = line.Skip(2).Select(int.Parse).ToList();
            Assert.Equal(numbers[^1], numbers.SkipLast(1).Sum());
        }

        Assert.Equal(DemoDefenderIncidents.IncidentCount.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[^1][^1]);

        // The incidents are real encrypted submissions: the handler opens one with the printed password.
        var unlock = await Forms.PostAsync(handler, "/account/case-keys/unlock", new Dictionary<string, string> { ["Password"] = credentials.Groups[2].Value, ["ReturnUrl"] = "/orgs" });
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var list = await (await handler.GetAsync("/o/demo-civil-society/cases")).Content.ReadAsStringAsync();
        var caseId = Regex.Match(list, "/o/demo-civil-society/cases/([0-9a-f-]{36})").Groups[1].Value;
        var detail = WebUtility.HtmlDecode(await (await handler.GetAsync($"/o/demo-civil-society/cases/{caseId}")).Content.ReadAsStringAsync());
        Assert.Matches("Fictional demo incident \\d+|虚构演示事件 \\d+", detail);
    }
}
