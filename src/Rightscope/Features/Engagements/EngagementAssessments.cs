using Rightscope.Core.Assessments;
using Rightscope.Core.Engagements;
using Rightscope.Features.Assessments;
using Rightscope.Features.Companies;

namespace Rightscope.Features.Engagements;

/// <summary>An approved assessment an engagement may rest on, and its gaps.</summary>
public sealed record RestedOnAssessment(LoadedAssessment Loaded, IReadOnlyList<AssessmentGap> Gaps);

/// <summary>The assessment side of an engagement; which assessments are the company's is <see cref="CompanyAssessments"/>' call.</summary>
public sealed class EngagementAssessments(AssessmentStore store, CompanyAssessments companies)
{
    /// <summary>The company's current approved assessment, the one a new engagement rests on by default.</summary>
    public async Task<Guid?> CurrentAsync(Company company, CancellationToken cancellationToken) =>
        (await companies.CurrentAsync([company], cancellationToken)).GetValueOrDefault(company.Id)?.Id;

    /// <summary>The assessment with its gaps when it is an approved assessment of <paramref name="company"/>; otherwise null.</summary>
    public async Task<RestedOnAssessment?> ApprovedOfAsync(Company company, Guid assessmentId, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(assessmentId, track: false, cancellationToken);
        if (loaded is null || loaded.Assessment.Status != AssessmentStatus.Approved || !Names(company, loaded.Assessment))
        {
            return null;
        }

        return new RestedOnAssessment(loaded, GapsOf(loaded));
    }

    /// <summary>The assessment as it is now (approved or since superseded), for showing an engagement's gap objectives.</summary>
    public Task<LoadedAssessment?> LoadAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        store.LoadAsync(assessmentId, track: false, cancellationToken);

    public static IReadOnlyList<AssessmentGap> GapsOf(LoadedAssessment loaded) =>
        AssessmentGaps.Find(loaded.Methodology, loaded.Answers.Select(a => (a.ItemKey, a.Component, a.OptionKey)));

    private static bool Names(Company company, Assessment assessment) =>
        assessment.CompanyId is { } id
            ? id == company.Id
            : CompanyAssessments.SubjectKeys(assessment.SubjectName).Any(k => k == company.NormalizedName || k == company.NormalizedAltName);
}
