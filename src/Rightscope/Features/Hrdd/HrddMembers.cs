using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>The organization's members as owners and leads are chosen among them, named for display.</summary>
public static class HrddMembers
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> ListAsync(RightscopeDbContext db, CancellationToken cancellationToken)
    {
        var members = await (
            from m in db.Memberships.AsNoTracking()
            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
            select new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return [.. members
            .Select(m => (m.Id, m.DisplayName.Length > 0 ? m.DisplayName : m.Email ?? m.Id.ToString()))
            .DistinctBy(m => m.Id)
            .OrderBy(m => m.Item2, StringComparer.CurrentCulture)];
    }

    /// <summary>Whether <paramref name="userId"/> is a member of the request's organization (the tenant filter applies).</summary>
    public static Task<bool> IsMemberAsync(RightscopeDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken);

    public static string NameOf(IReadOnlyList<(Guid Id, string Name)> members, Guid? id) =>
        id is { } wanted && members.FirstOrDefault(m => m.Id == wanted) is { Name: { } name } ? name : "—";
}
