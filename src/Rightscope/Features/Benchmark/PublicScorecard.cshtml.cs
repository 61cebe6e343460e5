using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Charts;

namespace Rightscope.Features.Benchmark;

/// <summary>A company's scorecard in a published edition: categories, indicators, elements with evidence, services, its reply.</summary>
[AllowAnonymous]
public sealed class PublicScorecardModel(PublicBenchmark benchmark, IStringLocalizer<BenchmarkText> text) : PageModel
{
    public PublicEdition Found { get; private set; } = null!;

    public PublishedCompany Company { get; private set; } = null!;

    public PublishedEdition Snapshot => Found.Snapshot;

    public async Task<IActionResult> OnGetAsync(string org, string edition, string company, CancellationToken cancellationToken)
    {
        var found = await benchmark.FindAsync(org, edition, cancellationToken);
        var scorecard = found?.Snapshot.Company(company.ToLowerInvariant());
        if (found is null || scorecard is null)
        {
            return NotFound();
        }

        (Found, Company) = (found, scorecard);
        return Page();
    }

    public string CategoryChart(string language) => BarChart.Render(
        new ChartText("category-chart", text["Scorecard.ChartTitle"], text["Scorecard.ChartDescription"]),
        [.. Snapshot.Categories.Select(c => new Bar(c.In(language), Company.CategoryScores.GetValueOrDefault(c.Key) ?? 0, PublicRankingModel.Score(Company.CategoryScores.GetValueOrDefault(c.Key)), new ChartStyle("default")))]);

    public string Component(string component) => component == Core.Scoring.AssessmentInput.Company ? text["Scorecard.CompanyLevel"] : component;
}
