using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>The organization's human rights reports, one per year, and the form that starts a new draft.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ReportListModel(RightscopeDbContext db, OrganizationContext context, HumanRightsReportCommands commands, TimeProvider clock)
    : ReportPage(context)
{
    public IReadOnlyList<HumanRightsReport> Reports { get; private set; } = [];

    public bool CanCreate => Context.Allows(Permission.EditWorkspace);

    [BindProperty(Name = "year")]
    public string? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // The latest full year is the one most reports are about.
        Year ??= (clock.GetUtcNow().UtcDateTime.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanCreate)
        {
            return Forbid();
        }

        var outcome = await commands.CreateAsync(Actor, Year, cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/o/{Slug}/human-rights-reports/{outcome.Id}");
        }

        await LoadAsync(cancellationToken);
        return Failed(outcome);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Reports = await db.HumanRightsReports.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
}
