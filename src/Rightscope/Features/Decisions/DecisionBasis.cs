using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Assessments;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Portfolios;

namespace Rightscope.Features.Decisions;

/// <summary>
/// The approved assessments of a company, newest first, that a decision may rest on. Until assessments name a
/// registry company, an assessment is the company's when its subject name is one of the company's names, as in
/// <see cref="PortfolioExport.CurrentAssessmentsAsync"/>.
/// </summary>
public sealed class DecisionBasis(RightscopeDbContext db, MethodologyRegistry registry)
{
    public async Task<IReadOnlyList<AssessmentBasis>> ApprovedAssessmentsAsync(Company company, CancellationToken cancellationToken)
    {
        var names = new[] { company.NormalizedName, company.NormalizedAltName }.Where(n => !string.IsNullOrEmpty(n)).ToHashSet(StringComparer.Ordinal);
        var approved = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Approved)
            .OrderByDescending(a => a.ApprovedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.SubjectName, a.Tier, a.MethodologyKey, a.MethodologyVersion, a.ApprovedAt })
            .ToListAsync(cancellationToken);
        var mine = approved.Where(a => PortfolioExport.SubjectKeys(a.SubjectName).Any(names.Contains)).ToList();
        if (mine.Count == 0)
        {
            return [];
        }

        var available = await registry.AvailableAsync(db, cancellationToken);
        return [.. mine.Select(a =>
        {
            var id = $"{a.MethodologyKey}@{a.MethodologyVersion}";
            var rule = MethodologyRegistry.Find(available, id)?.Methodology.Decisions.FirstOrDefault(d => d.Tier == a.Tier);
            return new AssessmentBasis(
                a.Id, a.SubjectName, id, a.Tier, rule is null ? null : DecisionKinds.From(rule.Decision), rule?.Title,
                a.ApprovedAt is { } at ? DateOnly.FromDateTime(at) : null);
        })];
    }
}
