using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Benchmark;

/// <summary>The organization's benchmark editions, newest first.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class EditionListModel(RightscopeDbContext db, OrganizationContext context) : PageModel
{
    public sealed record Row(BenchmarkEdition Edition, int Companies);

    public IReadOnlyList<Row> Editions { get; private set; } = [];

    public string Slug => context.Current.Slug;

    public bool CanImport => context.Allows(Permission.EditWorkspace);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var editions = await db.BenchmarkEditions.AsNoTracking().OrderByDescending(e => e.Year).ThenByDescending(e => e.ImportedAt).ToListAsync(cancellationToken);
        var counts = await db.BenchmarkEntries.AsNoTracking().GroupBy(e => e.EditionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Editions = [.. editions.Select(e => new Row(e, counts.GetValueOrDefault(e.Id)))];
    }
}
