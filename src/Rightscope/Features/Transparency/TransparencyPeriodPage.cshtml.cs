using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Transparency;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Transparency;

/// <summary>
/// One period's transparency report: the live preview computed from the register and imports, the published snapshot
/// when there is one (and whether the register changed since), and publish / withdraw for members with
/// <see cref="Permission.Publish"/> (POST needs it; the matrix says so).
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class TransparencyPeriodPageModel(TransparencyReports reports, OrganizationContext context, IStringLocalizer<TransparencyText> text) : PageModel
{
    [FromRoute(Name = "period")]
    public string PeriodText { get; set; } = "";

    public TransparencyPeriod Period { get; private set; } = null!;

    public TransparencyDocument Preview { get; private set; } = null!;

    public TransparencyReport? Report { get; private set; }

    public TransparencyDocument? Published { get; private set; }

    public TransparencyFigures Figures { get; private set; } = null!;

    public string Slug => context.Current.Slug;

    public bool CanPublish => context.Allows(Permission.Publish);

    public string? Done { get; private set; }

    /// <summary>Whether the published numbers differ from the live ones (the register changed after publication).</summary>
    public bool Changed => Published is not null && Published.Totals with { ShareSomeDataProduced = null } != Preview.Totals with { ShareSomeDataProduced = null }
        || Published is not null && Published.Cells.Count != Preview.Cells.Count;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (!TransparencyPeriod.TryParse(PeriodText, out var period))
        {
            return NotFound();
        }

        Done = done is "published" or "withdrawn" ? done : null;
        await LoadAsync(period, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        if (!TransparencyPeriod.TryParse(PeriodText, out var period))
        {
            return NotFound();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = command switch
        {
            "publish" => await reports.PublishAsync(actor, context.Current, period, cancellationToken),
            "withdraw" => await reports.WithdrawAsync(actor, period, cancellationToken),
            _ => CommandOutcome.Refused(text["Report.UnknownCommand"]),
        };
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Message!);
            await LoadAsync(period, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/o/{Slug}/transparency/{period}?done={(command == "publish" ? "published" : "withdrawn")}");
    }

    private async Task LoadAsync(TransparencyPeriod period, CancellationToken cancellationToken)
    {
        Period = period;
        Figures = await reports.FiguresAsync(period, cancellationToken);
        Preview = TransparencyDocument.Create(Figures, context.Current.Slug, context.Current.Name, null);
        Report = await reports.ReportAsync(period, cancellationToken);
        Published = Report is null ? null : TransparencyDocument.FromJson(Report.Snapshot);
    }
}
