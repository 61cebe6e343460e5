using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;
using Rightscope.Infrastructure.Jobs;

namespace Rightscope.Features.Portfolios;

/// <summary>
/// Deletes holdings uploads whose hour between preview and confirm has passed, in every organization, so a file
/// nobody confirmed does not stay in the database (encrypted, but still the organization's holdings).
/// </summary>
public sealed class HoldingsUploadCleanup(RightscopeDbContext db, TimeProvider clock) : IRecurringJob
{
    public const string Name = "holdings-upload-cleanup";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deleted = await db.HoldingsUploads.IgnoreQueryFilters().Where(u => u.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{deleted} expired upload(s) deleted");
    }
}
