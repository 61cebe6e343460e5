using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>What the workflow routes share: GET goes to the report, POST runs one command and returns to the report.</summary>
public abstract class ReportStepPage(RightscopeDbContext db, OrganizationContext context) : ReportPage(context)
{
    protected RightscopeDbContext Db => db;

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.HumanRightsReports.AnyAsync(r => r.Id == id, cancellationToken) ? Redirect($"/o/{Slug}/human-rights-reports/{id}") : NotFound();

    protected async Task<IActionResult> RunAsync(Guid id, Func<Task<CommandOutcome>> command)
    {
        Id = id;
        var outcome = await command();
        return outcome.Succeeded ? Redirect($"/o/{Slug}/human-rights-reports/{id}") : Failed(outcome);
    }
}

/// <summary>Submits a draft for review.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class ReportSubmitModel(RightscopeDbContext db, OrganizationContext context, HumanRightsReportCommands commands) : ReportStepPage(db, context)
{
    public Task<IActionResult> OnPostAsync(Guid id, Guid? version, CancellationToken cancellationToken) =>
        RunAsync(id, () => commands.SubmitAsync(Actor, id, version, cancellationToken));
}

/// <summary>Approves a submitted report (four eyes, required sections) or returns it to draft with a reason.</summary>
[RequirePermission(Permission.Review)]
public sealed class ReportReviewModel(RightscopeDbContext db, OrganizationContext context, HumanRightsReportCommands commands, IStringLocalizer<HumanRightsReportsText> text)
    : ReportStepPage(db, context)
{
    public Task<IActionResult> OnPostAsync(Guid id, string? command, Guid? version, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, async () => command switch
        {
            "approve" => await commands.ApproveAsync(Actor, id, version, OrganizationName, cancellationToken),
            "return" => await commands.ReturnToDraftAsync(Actor, id, version, reason, cancellationToken),
            _ => await Db.HumanRightsReports.AnyAsync(r => r.Id == id, cancellationToken) ? CommandOutcome.Refused(text["Workflow.CommandInvalid"]) : CommandOutcome.NotFound(),
        });
}

/// <summary>Publishes an approved report (freezing its snapshot) or withdraws a published one with a reason.</summary>
[RequirePermission(Permission.Publish)]
public sealed class ReportPublishModel(RightscopeDbContext db, OrganizationContext context, HumanRightsReportCommands commands, IStringLocalizer<HumanRightsReportsText> text)
    : ReportStepPage(db, context)
{
    public Task<IActionResult> OnPostAsync(Guid id, string? command, Guid? version, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, async () => command switch
        {
            "publish" => await commands.PublishAsync(Actor, id, version, OrganizationName, cancellationToken),
            "withdraw" => await commands.WithdrawAsync(Actor, id, version, reason, cancellationToken),
            _ => await Db.HumanRightsReports.AnyAsync(r => r.Id == id, cancellationToken) ? CommandOutcome.Refused(text["Workflow.CommandInvalid"]) : CommandOutcome.NotFound(),
        });
}
