using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Core.Statistics;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The company page's grievance signals (GP31(g), the learning loop of DESIGN §9.3): how many of the organization's
/// cases are linked to the company, which categories, rights and remedy types they concern — plaintext triage only,
/// never content, with small counts suppressed as on the effectiveness dashboard. A handler also sees the numbers of the linked cases they can open.
/// </summary>
public sealed class CompanyGrievanceSignalsViewComponent(RightscopeDbContext db, OrganizationContext context) : ViewComponent
{
    public sealed record Model(
        string Slug,
        bool Any,
        PublishedCount Total,
        PublishedCount Open,
        PublishedCount Closed,
        IReadOnlyList<CaseCategory> Categories,
        IReadOnlyList<string> Rights,
        IReadOnlyList<RemedyType> RemedyTypes,
        IReadOnlyList<(Guid Id, int Number, CaseStatus Status)> Openable);

    public async Task<IViewComponentResult> InvokeAsync(Guid companyId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var cases = await db.Cases.AsNoTracking().Where(c => c.CompanyId == companyId)
            .Select(c => new { c.Id, c.Number, c.Status, c.Category, c.RightKeys })
            .ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var remedyTypes = ids.Count == 0
            ? []
            : await db.CaseRemedyOutcomes.AsNoTracking().Where(o => ids.Contains(o.CaseId)).Select(o => o.Type).Distinct().ToListAsync(cancellationToken);

        IReadOnlyList<(Guid, int, CaseStatus)> openable = [];
        if (ids.Count > 0 && context.Allows(Permission.HandleCases) && context.Membership is { } membership)
        {
            var mine = await db.CaseRecipientEnvelopes.AsNoTracking()
                .Where(e => e.UserId == membership.UserId && ids.Contains(e.CaseId))
                .Select(e => e.CaseId).ToListAsync(cancellationToken);
            openable = [.. cases.Where(c => mine.Contains(c.Id)).OrderByDescending(c => c.Number).Select(c => (c.Id, c.Number, c.Status))];
        }

        var open = cases.Count(c => CaseWorkflow.IsOpen(c.Status));
        var counts = SmallCellSuppression.Apply(CountTable.OneWay([open, cases.Count - open]));
        var model = new Model(
            context.Current.Slug,
            cases.Count > 0,
            counts.GrandTotal,
            counts.Cell(0, 0),
            counts.Cell(1, 0),
            [.. cases.Where(c => c.Category is not null).Select(c => c.Category!.Value).Distinct().Order()],
            [.. cases.SelectMany(c => CaseRights(c.RightKeys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. remedyTypes.Order()],
            openable);
        return View("/Features/Remedy/_CompanyGrievanceSignals.cshtml", model);
    }

    private static IReadOnlyList<string> CaseRights(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
