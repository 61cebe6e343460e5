using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Features.Audit;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Features.Indicators;
using Rightscope.Tests.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;
using static Rightscope.Tests.Features.Transparency.GovernmentRequestsTests;

namespace Rightscope.Tests.Data;

/// <summary>
/// Figures kept between changes (<see cref="AggregateCache"/>): any save through the application gives the area a new
/// stamp, on every instance sharing the database; a write that bypasses the change tracker is not seen until it touches
/// the stamp, which shows the figures really are kept.
/// </summary>
public sealed class AggregateCacheTests
{
    private static async Task<string> RegisterCountAsync(HttpClient client, string slug)
    {
        var html = await HtmlAsync(await client.GetAsync($"/o/{slug}/government-requests"));
        var start = html.IndexOf("data-testid=\"request-count\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the register shows no count");
        return html[(start + "data-testid=\"request-count\">".Length)..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Kept_figures_change_with_every_save_on_any_instance_and_only_then(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        await using var second = app.Restart();
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(analyst.Email!);
        await RecordAsync(client, org.Slug, RequestFields());
        await RecordAsync(client, org.Slug, RequestFields(country: "FR"));
        Assert.Equal("2 request(s) match.", await RegisterCountAsync(client, org.Slug));

        // A save on this instance, then one on another instance against the same database.
        await RecordAsync(client, org.Slug, RequestFields(country: "BR"));
        Assert.Equal("3 request(s) match.", await RegisterCountAsync(client, org.Slug));
        var elsewhere = await second.SignInAsync(analyst.Email!);
        await RecordAsync(elsewhere, org.Slug, RequestFields(country: "BR"));
        Assert.Equal("4 request(s) match.", await RegisterCountAsync(client, org.Slug));

        // Deleted behind the change tracker's back: the kept count stands until the stamp is touched.
        await QueryAsync(app, db => db.GovernmentRequests.IgnoreQueryFilters().Where(r => r.OrganizationId == org.Id && r.CountryCode == "BR").ExecuteDeleteAsync());
        Assert.Equal("4 request(s) match.", await RegisterCountAsync(client, org.Slug));
        await QueryAsync(app, async db =>
        {
            await AggregateStampInterceptor.TouchAsync(db, org.Id, AggregateArea.Transparency, CancellationToken.None);
            return 0;
        });
        Assert.Equal("2 request(s) match.", await RegisterCountAsync(client, org.Slug));

        // Another organization's figures have stamps of their own.
        var (other, _) = await app.CreateOrganizationAsync();
        var otherAnalyst = await app.SignInAsync((await app.AddMemberAsync(other, Role.Analyst)).Email!);
        Assert.Equal("0 request(s) match.", await RegisterCountAsync(otherAnalyst, other.Slug));
        Assert.Equal("2 request(s) match.", await RegisterCountAsync(client, org.Slug));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_public_report_and_a_case_deletion_each_give_the_cases_a_new_stamp(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        Task<long?> StampAsync() => QueryAsync(app, db => db.AggregateStamps.AsNoTracking()
            .Where(s => s.OrganizationId == setup.Organization.Id && s.Area == AggregateArea.Cases).Select(s => (long?)s.Stamp).SingleOrDefaultAsync());

        // Creating the channel (with its recipient) was already a change of the area.
        var beforeReport = await StampAsync();
        Assert.NotNull(beforeReport);
        Assert.NotNull((await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "a report")).Receipt);
        var afterReport = await StampAsync();
        Assert.NotNull(afterReport);
        Assert.NotEqual(beforeReport, afterReport);

        var caseId = await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == setup.Organization.Id).Select(c => c.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(setup.Organization.Id);
            await scope.ServiceProvider.GetRequiredService<CaseDeletion>()
                .DeleteAsync(setup.Organization.Id, caseId, CaseDeletionReason.Manual, null, AuditActor.System, CancellationToken.None);
            Assert.Empty(await db.Cases.ToListAsync());
        }

        var afterDeletion = await StampAsync();
        Assert.NotNull(afterDeletion);
        Assert.NotEqual(afterReport, afterDeletion);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Importing_and_publishing_indicator_data_each_give_the_indicators_a_new_stamp(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var client = await app.SignInAsync(owner.Email!);
        Task<long?> StampAsync() => QueryAsync(app, db => db.AggregateStamps.AsNoTracking()
            .Where(s => s.OrganizationId == org.Id && s.Area == AggregateArea.Indicators).Select(s => (long?)s.Stamp).SingleOrDefaultAsync());

        Assert.Null(await StampAsync());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await IndicatorSteps.UploadAsync(client, org.Slug, "connectivity", IndicatorSteps.GoodCsv)).StatusCode);
        var imported = await StampAsync();
        Assert.NotNull(imported);
        await IndicatorSteps.PublishAsync(app, client, org.Slug, "connectivity");
        var published = await StampAsync();
        Assert.NotNull(published);
        Assert.NotEqual(imported, published);
    }
}
