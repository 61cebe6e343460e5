using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Faults;

/// <summary>
/// Issue 8, "Faults": the server is killed (SIGKILL, no shutdown code runs) while 1,000 public submissions are in flight.
/// After a restart every submission whose receipt was shown opens on the follow-up page, and no case is half-stored.
/// </summary>
public sealed class SigkillDuringSubmissionsTests
{
    private const int Submissions = 1000;
    private const int Reporters = 16;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Every_receipt_shown_before_a_SIGKILL_opens_after_the_restart_and_no_case_is_half_stored(string provider)
    {
        await using var database = await FaultTestGate.DatabaseAsync(provider);
        var configuration = database.Configuration();
        var started = DateOnly.FromDateTime(DateTime.UtcNow);
        var server = await ServerProcess.StartAsync(configuration, demo: true);
        SubmissionLoad load;
        try
        {
            load = SubmissionLoad.Start(() => server.Url, Submissions, Reporters);
            await load.WaitForReceiptsAsync(Submissions / 3);
            await server.KillAsync();
            await load.Completion;
        }
        finally
        {
            await server.DisposeAsync();
        }

        // The kill came mid-way: some reports were acknowledged, and some reporters saw the connection fail.
        var acknowledged = load.Receipts.ToList();
        Assert.InRange(acknowledged.Count, Submissions / 3, Submissions - 1);
        Assert.True(load.Failures.Length > 0, "no submission failed: the kill did not interrupt the load");

        await using var restarted = await ServerProcess.StartAsync(configuration, demo: true);
        Assert.Empty(await SubmissionLoad.ReceiptsThatDoNotOpenAsync(restarted, acknowledged));
        var (cases, incomplete) = await SubmissionLoad.CheckCasesAsync(configuration, started);
        Assert.Empty(incomplete);
        // Cases stored in the instant between the commit and the receipt reaching the reporter may exist without one.
        Assert.InRange(cases, acknowledged.Count, load.Attempted);
    }
}
