using System.Globalization;
using Rightscope.Core.Decisions;
using Rightscope.Features.Assessments;

namespace Rightscope.Features.Decisions;

/// <summary>The decision form's fields, shared by the propose and revise pages (<c>_DecisionFields</c>).</summary>
public sealed class DecisionForm
{
    public string? Kind { get; set; }

    public string? ExclusionMode { get; set; }

    public string? DivestBy { get; set; }

    public string? EffectiveOn { get; set; }

    public string? Rationale { get; set; }

    public string? AssessmentId { get; set; }

    /// <summary>The concurrency token the revise form was shown with.</summary>
    public Guid? Version { get; set; }

    public DecisionInput ToInput() => new(Kind, ExclusionMode, DivestBy, EffectiveOn, Rationale, AssessmentId);

    /// <summary>A new proposal starts from the latest approved assessment and its recommendation, effective today.</summary>
    public static DecisionForm Recommended(AssessmentBasis? latest, DateOnly today) => new()
    {
        AssessmentId = latest?.Id.ToString(),
        Kind = latest?.Recommended?.ToCode(),
        EffectiveOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static DecisionForm From(Decision d) => new()
    {
        Kind = d.Kind.ToCode(),
        ExclusionMode = d.ExclusionMode?.ToCode(),
        DivestBy = d.DivestBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EffectiveOn = d.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Rationale = d.Rationale,
        AssessmentId = d.AssessmentId.ToString(),
        Version = d.ConcurrencyToken,
    };

    /// <summary>A command's field key as this form names it: <c>divestBy</c> → <c>Input.DivestBy</c>.</summary>
    public static string Field(string key) => AssessmentCommandPage.InputField(key);
}
