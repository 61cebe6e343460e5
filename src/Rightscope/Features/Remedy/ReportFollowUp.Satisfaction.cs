using Microsoft.AspNetCore.Mvc;
using Rightscope.Core.Remedy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// After closure the reporter is asked how satisfied they are with how the report was handled (UNGP 31: effectiveness
/// is judged with the people it serves). Only the chosen value is stored; the answer can be changed while the case
/// stays closed.
/// </summary>
public sealed partial class ReportFollowUpModel
{
    public string? Satisfaction { get; set; }

    public bool SatisfactionSaved { get; private set; }

    public Task<IActionResult> OnPostSatisfactionAsync(CancellationToken cancellationToken) => OpenAsync(PostKind.Satisfaction, cancellationToken);

    private async Task AnswerSatisfactionAsync(CancellationToken cancellationToken)
    {
        if (Case!.Status != CaseStatus.Closed)
        {
            ModelState.AddModelError(nameof(Satisfaction), text["Satisfaction.NotClosed"]);
            return;
        }

        if (!EnumInput.TryParse<ReporterSatisfaction>(Satisfaction, out var answer))
        {
            ModelState.AddModelError(nameof(Satisfaction), text["Satisfaction.Invalid"]);
            return;
        }

        await intake.RecordSatisfactionAsync(Case, answer, cancellationToken);
        SatisfactionSaved = true;
    }
}
