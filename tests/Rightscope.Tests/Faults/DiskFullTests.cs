using System.Net;
using Rightscope.Cli;
using Rightscope.Demo;
using Rightscope.Hosting;
using Rightscope.Tests.Cli;
using Rightscope.Tests.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Faults;

/// <summary>
/// Issue 8, "Disk full … at start: a clear error, not a crash loop", and a disk that fills while the server runs: a data
/// directory on a tiny tmpfs. <c>serve</c> refuses to start with one line and a non-zero exit; a public submission that
/// cannot be stored gets a page saying so (503), nothing of it is stored, and the server goes on serving.
/// </summary>
public sealed class DiskFullTests
{
    [Fact]
    public async Task Serve_on_a_full_data_directory_exits_with_one_line_saying_it_is_full()
    {
        FaultTestGate.SkipUnlessEnabled();
        await using var disk = await DiskFullMount.MountAsync(2);
        var dataDirectory = Path.Combine(disk.Path, "data");
        Directory.CreateDirectory(dataDirectory);
        disk.Fill();

        var result = await ServeAsync(dataDirectory);

        // The first write is the generated keys' (or, with keys configured, the preflight's probe): either names the path.
        result.AssertFailedWith(dataDirectory);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("..", result.Error.Replace(dataDirectory, "", StringComparison.Ordinal), StringComparison.Ordinal);

        var withKeys = await ServeAsync(dataDirectory, $"--Rightscope:AuditKey={TestKeys.AuditKey}", $"--Rightscope:EncryptionKey={TestKeys.EncryptionKey}");

        withKeys.AssertFailedWith($"The data directory {dataDirectory} is full", "RIGHTSCOPE_DATA_DIR");
        Assert.DoesNotContain("   at ", withKeys.Out + withKeys.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataDirectory, "rightscope.db")));
    }

    [Fact]
    public async Task Serve_with_too_little_free_space_exits_with_one_line_giving_what_is_free_and_needed()
    {
        FaultTestGate.SkipUnlessEnabled();
        await using var disk = await DiskFullMount.MountAsync(8);
        var dataDirectory = Path.Combine(disk.Path, "data");

        var result = await ServeAsync(dataDirectory);

        result.AssertFailedWith($"The data directory {dataDirectory} has only", $"needs at least {DataDirectoryPreflight.MinimumFreeBytes / 1024 / 1024} MiB", "RIGHTSCOPE_DATA_DIR");
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataDirectory, "rightscope.db")));
    }

    [Fact]
    public async Task A_submission_when_the_disk_is_full_gets_a_page_saying_nothing_was_saved_and_the_server_keeps_serving()
    {
        FaultTestGate.SkipUnlessEnabled();
        await using var disk = await DiskFullMount.MountAsync(256);
        var configuration = new Dictionary<string, string?>
        {
            ["DATA_DIR"] = Path.Combine(disk.Path, "data"),
            ["Database:Provider"] = ProviderData.Sqlite,
            ["Rightscope:AuditKey"] = TestKeys.AuditKey,
            ["Rightscope:EncryptionKey"] = TestKeys.EncryptionKey,
        };
        var started = DateOnly.FromDateTime(DateTime.UtcNow);
        var receipts = new List<string>();
        var refused = 0;
        await using (var server = await ServerProcess.StartAsync(configuration, demo: true))
        {
            using var client = server.CreateBrowserlikeClient();
            disk.Fill();

            // SQLite may still have room in pages and journal it already holds: report until a write needs a new block.
            for (var i = 0; i < 200 && refused == 0; i++)
            {
                var (response, html, receipt) = await RemedySteps.SubmitAsync(client, DemoChannel.Slug, $"Disk full report {i}: wages withheld in hall 3.");
                if (response.StatusCode == HttpStatusCode.OK && receipt is not null)
                {
                    receipts.Add(receipt);
                    continue;
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"HTTP {(int)response.StatusCode} on a full disk:\n{server.Output}");
                Assert.Contains("The server has no disk space left, so nothing of what you sent was saved.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
                refused++;
            }

            Assert.True(refused > 0, "200 reports were stored on a full disk");
            Assert.Equal(HttpStatusCode.OK, await server.HealthAsync());

            disk.Free();
            var (after, _, afterReceipt) = await RemedySteps.SubmitAsync(client, DemoChannel.Slug, "After the disk was freed: wages withheld in hall 3.");
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            receipts.Add(Assert.IsType<string>(afterReceipt));
            Assert.Empty(await SubmissionLoad.ReceiptsThatDoNotOpenAsync(server, receipts));
        }

        var (cases, incomplete) = await SubmissionLoad.CheckCasesAsync(configuration, started);
        Assert.Empty(incomplete);
        Assert.Equal(receipts.Count, cases);
    }

    private static async Task<CliResult> ServeAsync(string dataDirectory, params string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var run = RightscopeCli.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", $"--DATA_DIR={dataDirectory}", "--Database:Provider=Sqlite", .. settings],
            new CliIo(new StringReader(""), output, error));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(ReferenceEquals(run, finished), "serve kept running on a full data directory");
        return new CliResult(await run, output.ToString(), error.ToString());
    }
}
