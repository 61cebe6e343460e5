using Rightscope.Core.Assessments;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Decisions;

/// <summary>
/// The approved assessments of a company, newest first, that a decision may rest on (which assessments are the
/// company's is <see cref="CompanyAssessments"/>' call).
/// </summary>
public sealed class DecisionBasis(RightscopeDbContext db, MethodologyRegistry registry, CompanyAssessments assessments)
{
    public async Task<IReadOnlyList<AssessmentBasis>> ApprovedAssessmentsAsync(Company company, CancellationToken cancellationToken)
    {
        var mine = (await assessments.AllAsync(company, cancellationToken))
            .Where(a => a.Status == AssessmentStatus.Approved)
            .OrderByDescending(a => a.ApprovedAt).ThenByDescending(a => a.Id)
            .ToList();
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
