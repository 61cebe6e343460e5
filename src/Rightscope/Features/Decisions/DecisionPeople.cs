using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Features.Decisions;

/// <summary>Display names of the members who proposed and reviewed decisions, so pages name people, not ids.</summary>
public static class DecisionPeople
{
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(RightscopeDbContext db, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
        return await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id.ToString() : u.DisplayName, cancellationToken);
    }

    public static string Of(IReadOnlyDictionary<Guid, string> names, Guid? id) =>
        id is { } known ? names.GetValueOrDefault(known) ?? known.ToString("N")[..8] : "—";
}
