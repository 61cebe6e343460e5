using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// The due diligence cycle at a glance: how many GP16 elements of the commitment are met, HRIA projects and salient
/// issues by status (counted by the database), and the five most severe issues that are not closed.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class DueDiligenceModel(RightscopeDbContext db, PolicyCommitmentCommands commitments, SalientIssueRegister register, OrganizationContext context) : PageModel
{
    public string Slug => context.Current.Slug;

    public CommitmentView Commitment { get; private set; } = null!;

    public IReadOnlyDictionary<HriaStatus, int> Hrias { get; private set; } = new Dictionary<HriaStatus, int>();

    public IReadOnlyDictionary<SalientIssueStatus, int> Issues { get; private set; } = new Dictionary<SalientIssueStatus, int>();

    public IReadOnlyList<RegisterRow> Top { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Commitment = await commitments.LoadAsync(track: false, cancellationToken);
        Hrias = await db.HriaProjects.AsNoTracking().GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Issues = await db.SalientIssues.AsNoTracking().GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Top = await register.TopOpenAsync(5, cancellationToken);
    }
}
