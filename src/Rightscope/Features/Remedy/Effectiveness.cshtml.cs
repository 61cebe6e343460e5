using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Charts;
using Rightscope.Core.Remedy;
using Rightscope.Core.Statistics;
using Rightscope.Data;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The effectiveness dashboard of the grievance mechanism against the criteria of UNGP 31 (issue 5), for owners and
/// case handlers. It reads only clear metadata (days, states, triage, referral and remedy types, satisfaction
/// answers) of every case of the organization received in one calendar year, never an encrypted column, and shows
/// only counts passed through small-cell suppression. Owners and handlers see the same organization-wide figures:
/// a narrower view for handlers (their channels only) would let someone holding both views subtract one from the other.
/// </summary>
[RequirePermission(Permission.ViewCaseMetrics)]
public sealed class EffectivenessModel(
    RightscopeDbContext db,
    OrganizationContext context,
    TimeProvider clock,
    MethodologyRegistry registry,
    IStringLocalizer<RemedyText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public bool HandlesCases => context.Allows(Permission.HandleCases);

    [FromQuery(Name = "year")]
    public string? YearValue { get; set; }

    public EffectivenessReport Report { get; private set; } = null!;

    /// <summary>Years to choose from: from the first case received up to this year.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> CompanyNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var period = new ReportingPeriod(today.Year);
        if (!string.IsNullOrEmpty(YearValue) && !ReportingPeriod.TryParse(YearValue, today, out period))
        {
            ModelState.AddModelError("year", text["Effectiveness.YearInvalid", ReportingPeriod.FirstYear, today.Year]);
        }

        var first = await db.Cases.AsNoTracking().MinAsync(c => (DateOnly?)c.ReceivedOn, cancellationToken);
        var firstYear = Math.Max(ReportingPeriod.FirstYear, Math.Min(first?.Year ?? today.Year, period.Year));
        Years = [.. Enumerable.Range(firstYear, today.Year - firstYear + 1).Reverse()];
        var facts = await new EffectivenessQuery(db).LoadAsync(period, cancellationToken);
        Report = EffectivenessCalculator.Compute(facts, period, today);
        var companies = Report.RepeatIssues.Select(r => r.CompanyId).Distinct().ToList();
        var lang = MethodologyLanguage.Current;
        CompanyNames = (await db.Companies.AsNoTracking().Where(c => companies.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => c.DisplayName(lang));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>A published count as the reader sees it: the number, "&lt;5", or withheld.</summary>
    public string Show(PublishedCount count) => count.Suppression switch
    {
        Suppression.Primary => text["Effectiveness.Under", Report.Threshold],
        Suppression.Complementary => text["Effectiveness.Withheld"],
        _ => count.Value!.Value.ToString(CultureInfo.CurrentCulture),
    };

    public string Show(DayStatistics days, bool percentile) => days switch
    {
        { TooFew: true } => text["Effectiveness.TooFew", Report.Threshold],
        { Median: null } => "—",
        _ => percentile
            ? days.Percentile90!.Value.ToString(CultureInfo.CurrentCulture)
            : days.Median!.Value.ToString("0.#", CultureInfo.CurrentCulture),
    };

    public string KeyName(Disaggregation by, string? key)
    {
        if (key is null)
        {
            return text["Effectiveness.NotRecorded"];
        }

        return by switch
        {
            Disaggregation.Group => CatalogTitle(CaseHandling.GroupsCatalog, key),
            Disaggregation.Sex => text[$"Option.sex.{key}"],
            _ => key,
        };
    }

    public string RightName(string key) => CatalogTitle(CaseHandling.RightsCatalog, key);

    public string CompanyName(Guid id) => CompanyNames.TryGetValue(id, out var name) ? name : "—";

    private string CatalogTitle(string catalog, string key) =>
        registry.Shipped.Reference(catalog)?.Entries.FirstOrDefault(e => e.Key == key)?.Title.In(MethodologyLanguage.Current) ?? key;

    /// <summary>A bar per row of a one-way table; a suppressed count is drawn as an empty bar, so the drawing cannot tell it either.</summary>
    public string Chart(string id, string title, string description, SuppressedTable table, IReadOnlyList<string> labels, string tone) =>
        BarChart.Render(
            new ChartText(id, title, description),
            [.. table.Counts.Select((count, i) => new Bar(labels[i], count.Value ?? 0, Show(count), new ChartStyle(tone, count.IsSuppressed ? ChartPattern.Dots : ChartPattern.None)))]);

    /// <summary>Referrals per mechanism stacked by status; suppressed segments are left out and named in the totals.</summary>
    public string ReferralChart() => StackedBarChart.Render(
        new ChartText("referral-chart", text["Effectiveness.Referrals.Title"], text["Effectiveness.Referrals.ChartDescription"]),
        [.. EffectivenessReport.ReferralStatusOrder.Select((s, i) => new StackSeries(text[$"ReferralStatus.{s}"], new ChartStyle(Tones[i % Tones.Length], Patterns[i % Patterns.Length])))],
        [.. EffectivenessReport.MechanismOrder.Select((m, r) => new StackRow(
            text[$"Mechanism.{m}"],
            [.. EffectivenessReport.ReferralStatusOrder.Select((_, c) => (double)(Report.Referrals.Cell(r, c).Value ?? 0))],
            Show(Report.Referrals.RowTotal(r))))]);

    private static readonly string[] Tones = ["default", "unassessed", "default", "unassessed", "default"];

    private static readonly ChartPattern[] Patterns = [ChartPattern.None, ChartPattern.Diagonal, ChartPattern.CrossHatch, ChartPattern.Dots, ChartPattern.Horizontal];
}
