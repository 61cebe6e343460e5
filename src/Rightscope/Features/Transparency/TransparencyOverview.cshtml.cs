using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Transparency;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Transparency;

/// <summary>The transparency reports by period: what the register and imports hold for each, and which are published.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class TransparencyOverviewModel(TransparencyReports reports, OrganizationContext context, IStringLocalizer<TransparencyText> text) : PageModel
{
    /// <summary>The period typed in the "open a period" form; a valid one redirects to its report.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public IReadOnlyList<PeriodRow> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Period is not null)
        {
            if (TransparencyPeriod.TryParse(Period, out var period))
            {
                return Redirect($"/o/{Slug}/transparency/{period}");
            }

            ModelState.AddModelError("period", text["Field.PeriodInvalid", Period]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Periods = await reports.PeriodsAsync(cancellationToken);
        return Page();
    }
}
