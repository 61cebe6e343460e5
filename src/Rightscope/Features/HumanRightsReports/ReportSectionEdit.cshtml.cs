using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// One section of a report (for part C, of one salient issue: <c>?issue=</c>): the framework's guiding question, the
/// facts the records contribute, and the narrative in English and Chinese, editable while the report is a draft.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ReportSectionEditModel(RightscopeDbContext db, OrganizationContext context, ReportAssembler assembler, HumanRightsReportCommands commands)
    : ReportPage(context)
{
    public HumanRightsReport Report { get; private set; } = null!;

    public ReportContent ReportContent { get; private set; } = null!;

    public SectionRef Place { get; private set; }

    public ReportIssue? Issue { get; private set; }

    [BindProperty(Name = "textEn")]
    public string? TextEn { get; set; }

    [BindProperty(Name = "textZh")]
    public string? TextZh { get; set; }

    [BindProperty(Name = "version")]
    public Guid? Version { get; set; }

    public bool CanEdit => Context.Allows(Permission.EditWorkspace) && ReportWorkflow.CanEdit(Report.Status);

    public IReadOnlyList<ReportBlock> Facts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string section, string? issue, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, section, issue, cancellationToken))
        {
            return NotFound();
        }

        var narrative = ReportContent.Narrative(Place);
        (TextEn, TextZh, Version) = (narrative.En, narrative.Zh, Report.ConcurrencyToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, string? issue, CancellationToken cancellationToken)
    {
        if (!Context.Allows(Permission.EditWorkspace))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, section, issue, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await commands.SaveSectionAsync(Actor, id, Version, Place, TextEn, TextZh, ReportContent.Issues, cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/human-rights-reports/{id}") : Failed(outcome);
    }

    private async Task<bool> LoadAsync(Guid id, string section, string? issue, CancellationToken cancellationToken)
    {
        var report = await db.HumanRightsReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var definition = ReportFramework.Find(section);
        if (report is null || definition is null || definition.PerIssue != !string.IsNullOrEmpty(issue))
        {
            return false;
        }

        Report = report;
        ReportContent = await assembler.ContentAsync(report, OrganizationName, cancellationToken);
        Place = new SectionRef(definition.Key, definition.PerIssue ? issue : null);
        Issue = Place.IssueId is { } issueId ? ReportContent.Issues.FirstOrDefault(i => i.Id == issueId) : null;
        if (definition.PerIssue && Issue is null)
        {
            return false;
        }

        Facts = FactBlocks(ReportContent, Place, Language);
        return true;
    }

    /// <summary>The facts of one section laid out as the public report shows them.</summary>
    public static IReadOnlyList<ReportBlock> FactBlocks(ReportContent content, SectionRef place, string language)
    {
        var only = content with { Narratives = new Dictionary<string, NarrativeText>(), Facts = [.. content.FactsOf(place)] };
        return [.. ReportOutline.Build(only, language).Blocks.Where(b => b is FigureBlock or ListBlock or TableBlock)];
    }
}
