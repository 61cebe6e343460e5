using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rightscope.Features.Portfolios;
using Rightscope.Infrastructure.Jobs;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;

namespace Rightscope.Tests.Jobs;

/// <summary>Recurring jobs: due runs, one runner per due job across instances, recorded outcomes, and the upload clean-up.</summary>
public sealed class RecurringJobTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static async Task<Guid> AddUploadAsync(RightscopeFactory app, Guid organizationId, DateTime expiresAt)
    {
        var portfolio = new Portfolio { OrganizationId = organizationId, Name = $"Portfolio {Guid.NewGuid():N}", BaseCurrency = "EUR" };
        var upload = new HoldingsUpload
        {
            OrganizationId = organizationId,
            PortfolioId = portfolio.Id,
            UserId = Guid.NewGuid(),
            FileName = "holdings.csv",
            Content = [1, 2, 3],
            ExpiresAt = expiresAt,
        };
        await QueryAsync(app, db =>
        {
            db.Portfolios.Add(portfolio);
            db.HoldingsUploads.Add(upload);
            return db.SaveChangesAsync();
        });
        return upload.Id;
    }

    private static JobLeases Leases(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<JobLeases>();

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_cleanup_deletes_expired_uploads_of_every_organization_keeps_fresh_ones_and_records_its_outcome(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (first, _) = await app.CreateOrganizationAsync();
        var (second, _) = await app.CreateOrganizationAsync(slug: "second-org");
        var now = DateTime.UtcNow;
        await AddUploadAsync(app, first.Id, now.AddMinutes(-5));
        await AddUploadAsync(app, second.Id, now.AddMinutes(-1));
        var fresh = await AddUploadAsync(app, first.Id, now.AddMinutes(30));

        var runner = app.Services.GetRequiredService<JobRunner>();
        var job = Assert.Single(runner.Jobs, j => j.Name == HoldingsUploadCleanup.Name);
        var result = await runner.RunAsync(job, CancellationToken.None);

        Assert.Equal(JobRunStatus.Succeeded, result.Status);
        Assert.Equal("2 expired upload(s) deleted", result.Outcome);
        Assert.Equal([fresh], await QueryAsync(app, db => db.HoldingsUploads.IgnoreQueryFilters().Select(u => u.Id).ToListAsync()));
        var lease = await QueryAsync(app, db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == HoldingsUploadCleanup.Name));
        Assert.Equal(("2 expired upload(s) deleted", false, 0, null), (lease.LastOutcome, lease.LastRunFailed, lease.ConsecutiveFailures, lease.Holder));

        // Run again at once: not due, so nothing runs and the record stays.
        Assert.Equal(JobRunStatus.Skipped, (await runner.RunAsync(job, CancellationToken.None)).Status);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Of_two_instances_over_one_database_only_one_holds_a_due_job_and_a_lease_left_by_a_crash_expires(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        await using var second = app.Restart();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = second.Services.CreateAsyncScope();
        var a = new JobLeases(scopeA.ServiceProvider.GetRequiredService<Rightscope.Data.RightscopeDbContext>(), clock);
        var b = new JobLeases(scopeB.ServiceProvider.GetRequiredService<Rightscope.Data.RightscopeDbContext>(), clock);
        const string Name = "test-job";

        Assert.True(await a.TryAcquireAsync(Name, "instance-a", Hour, TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.False(await b.TryAcquireAsync(Name, "instance-b", Hour, TimeSpan.FromMinutes(15), CancellationToken.None));

        // A finishes; the job is not due again for an hour, for either instance.
        await a.ReleaseAsync(Name, "instance-a", failed: false, "done", CancellationToken.None);
        Assert.False(await b.TryAcquireAsync(Name, "instance-b", Hour, TimeSpan.FromMinutes(15), CancellationToken.None));
        clock.Advance(Hour);
        Assert.True(await b.TryAcquireAsync(Name, "instance-b", Hour, TimeSpan.FromMinutes(15), CancellationToken.None));

        // B crashes while holding the lease: A cannot run the job until the lease expires, then it can.
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False(await a.TryAcquireAsync(Name, "instance-a", Hour, TimeSpan.FromMinutes(15), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await a.TryAcquireAsync(Name, "instance-a", Hour, TimeSpan.FromMinutes(15), CancellationToken.None));

        // B's late release does not touch A's lease; A's failure is recorded and counted.
        await b.ReleaseAsync(Name, "instance-b", failed: false, "late", CancellationToken.None);
        await a.ReleaseAsync(Name, "instance-a", failed: true, "failed: IOException", CancellationToken.None);
        await a.TryAcquireAsync(Name, "instance-a", TimeSpan.Zero, TimeSpan.FromMinutes(15), CancellationToken.None);
        await a.ReleaseAsync(Name, "instance-a", failed: true, "failed: IOException", CancellationToken.None);
        var lease = await QueryAsync(app, db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == Name));
        Assert.Equal(("failed: IOException", true, 2), (lease.LastOutcome, lease.LastRunFailed, lease.ConsecutiveFailures));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Two_instances_racing_for_a_jobs_first_run_both_succeed_in_asking_and_exactly_one_wins(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        await using var second = app.Restart();
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = second.Services.CreateAsyncScope();
        var results = await Task.WhenAll(
            Leases(scopeA).TryAcquireAsync("first-run", "instance-a", Hour, Hour, CancellationToken.None),
            Leases(scopeB).TryAcquireAsync("first-run", "instance-b", Hour, Hour, CancellationToken.None));
        Assert.Single(results, won => won);
    }
}
