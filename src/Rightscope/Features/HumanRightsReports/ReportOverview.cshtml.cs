using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Decisions;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>One report: its status and people, the completeness of every section, and the workflow steps the member may take.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ReportOverviewModel(RightscopeDbContext db, OrganizationContext context, ReportAssembler assembler) : ReportPage(context)
{
    public HumanRightsReport Report { get; private set; } = null!;

    public ReportContent ReportContent { get; private set; } = null!;

    public IReadOnlyList<SectionCompleteness> Sections { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public int Missing => Sections.Count(s => s.Missing);

    public bool CanEdit => Context.Allows(Permission.EditWorkspace) && ReportWorkflow.CanEdit(Report.Status);

    public bool CanSubmit => Context.Allows(Permission.EditWorkspace) && ReportWorkflow.Submit(Report.Status).Succeeded;

    /// <summary>A reviewer who neither wrote nor submitted it sees approve (four eyes; the server checks again).</summary>
    public bool CanApprove => Context.Allows(Permission.Review) && Report.Status == ReportStatus.Submitted && !IsAuthor;

    public bool IsAuthor => Report.Authors().Contains(UserId);

    public bool CanReturn => Context.Allows(Permission.Review) && ReportWorkflow.ReturnToDraft(Report.Status).Succeeded;

    public bool CanPublish => Context.Allows(Permission.Publish) && ReportWorkflow.Publish(Report.Status).Succeeded;

    public bool CanWithdraw => Context.Allows(Permission.Publish) && ReportWorkflow.Withdraw(Report.Status).Succeeded;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await db.HumanRightsReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        ReportContent = await assembler.ContentAsync(report, OrganizationName, cancellationToken);
        Sections = ReportCompleteness.Of(ReportContent);
        People = await DecisionPeople.NamesAsync(db, [report.CreatedByUserId, report.SubmittedByUserId, report.ApprovedByUserId, report.PublishedByUserId], cancellationToken);
        return Page();
    }

    public string SectionLink(SectionRef place) =>
        $"/o/{Slug}/human-rights-reports/{Report.Id}/sections/{place.Section}{(place.IssueId is null ? "" : $"?issue={place.IssueId}")}";

    public string SectionName(SectionRef place) =>
        place.Definition.Title.In(Language) + (place.IssueId is { } issue ? $" — {ReportContent.Issues.FirstOrDefault(i => i.Id == issue)?.Title}" : "");
}
