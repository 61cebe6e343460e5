using System.Net;

namespace Rightscope.Tests.Faults;

/// <summary>
/// Issue 8, "Faults": PostgreSQL restarts (an immediate stop, as a crash) while public submissions arrive. The app
/// reports unhealthy while it is down and healthy again afterwards without being restarted, takes reports again, and
/// loses no acknowledged one.
/// </summary>
public sealed class PostgresRestartTests
{
    private const int Reporters = 8;

    [Fact]
    public async Task The_app_reports_unhealthy_while_PostgreSQL_is_down_recovers_by_itself_and_loses_no_acknowledged_report()
    {
        FaultTestGate.SkipUnlessEnabled();
        await using var postgres = await PrivatePostgres.StartAsync();
        var configuration = postgres.Configuration();
        var started = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var server = await ServerProcess.StartAsync(configuration, demo: true);

        var load = SubmissionLoad.Start(() => server.Url, int.MaxValue, Reporters);
        try
        {
            await load.WaitForReceiptsAsync(100);
            await postgres.StopAsync();
            await server.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            var beforeRestart = load.Receipts.Count;

            await postgres.StartServerAsync();
            await server.WaitForHealthAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(60));
            // Recovered by itself: reports are acknowledged again, by the same process.
            await load.WaitForReceiptsAsync(beforeRestart + 100);
            Assert.False(load.Completion.IsCompleted, $"the load ended early: {load.Failures}");
        }
        finally
        {
            load.Stop();
            await load.Completion;
        }

        var acknowledged = load.Receipts.ToList();
        Assert.True(load.Failures.Length > 0, "no submission failed: the database was never down under load");
        Assert.Empty(await SubmissionLoad.ReceiptsThatDoNotOpenAsync(server, acknowledged));
        var (cases, incomplete) = await SubmissionLoad.CheckCasesAsync(configuration, started);
        Assert.Empty(incomplete);
        Assert.InRange(cases, acknowledged.Count, load.Attempted);
    }
}
