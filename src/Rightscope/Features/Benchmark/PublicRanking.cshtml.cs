using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Charts;

namespace Rightscope.Features.Benchmark;

/// <summary>The ranking of a published edition: rank, total, category scores and change since the previous edition.</summary>
[AllowAnonymous]
public sealed class PublicRankingModel(PublicBenchmark benchmark, IStringLocalizer<BenchmarkText> text) : PageModel
{
    public PublicEdition Found { get; private set; } = null!;

    public PublishedEdition Snapshot => Found.Snapshot;

    public async Task<IActionResult> OnGetAsync(string org, string edition, CancellationToken cancellationToken)
    {
        var found = await benchmark.FindAsync(org, edition, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Found = found;
        return Page();
    }

    public static string Score(double? value) => value?.ToString("0.0", CultureInfo.CurrentCulture) ?? "—";

    public static string Change(double? value) => value is { } v ? v.ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture) : "—";

    public string TotalsChart() => BarChart.Render(
        new ChartText("ranking-chart", text["Ranking.ChartTitle"], text["Ranking.ChartDescription"]),
        [.. Snapshot.Companies.Select(c => new Bar(c.Name, c.Total ?? 0, Score(c.Total), new ChartStyle("default")))]);
}
