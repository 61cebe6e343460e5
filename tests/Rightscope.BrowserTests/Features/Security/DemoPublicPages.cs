using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Transparency;

namespace Rightscope.BrowserTests.Features.Security;

/// <summary>The public pages of the demo server with content: its channels, published reports and benchmark editions.</summary>
public static class DemoPublicPages
{
    public static async Task<List<string>> EntryPointsAsync(DemoServer server)
    {
        var pages = new List<string> { "/", "/account/sign-in", "/benchmark", "/open-data/" };
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var slugs = await db.Organizations.IgnoreQueryFilters().ToDictionaryAsync(o => o.Id, o => o.Slug);
        foreach (var channel in await db.Channels.IgnoreQueryFilters().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync())
        {
            pages.AddRange([$"/report/{channel}", $"/report/{channel}?lang=zh-Hans", $"/report/{channel}/follow-up"]);
        }

        foreach (var report in await db.HumanRightsReports.IgnoreQueryFilters().Where(r => r.Status == ReportStatus.Published).ToListAsync())
        {
            pages.Add($"/human-rights-reports/{slugs[report.OrganizationId]}/{report.Year}");
        }

        foreach (var report in await db.TransparencyReports.IgnoreQueryFilters().Where(r => r.Status == TransparencyReportStatus.Published).ToListAsync())
        {
            pages.Add($"/transparency/{slugs[report.OrganizationId]}/{report.Period}");
        }

        return pages;
    }
}
