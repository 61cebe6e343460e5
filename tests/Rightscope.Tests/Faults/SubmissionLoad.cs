using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Cli;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Tests.Features.Remedy;

namespace Rightscope.Tests.Faults;

/// <summary>
/// Anonymous reporters posting complete reports to the demo channel at once, as browsers without JavaScript do. A
/// submission counts as acknowledged only when the page showed its receipt; everything else (refused connections
/// while the server or the database is down, errors) is counted and otherwise ignored.
/// </summary>
public sealed class SubmissionLoad
{
    private readonly ConcurrentQueue<string> _receipts = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly int _total;
    private int _next = -1;
    private volatile bool _stopped;

    private SubmissionLoad(int total) => _total = total;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public IReadOnlyCollection<string> Receipts => _receipts;

    public int Attempted => Math.Min(Volatile.Read(ref _next) + 1, _total);

    public string Failures => string.Join("; ", _failures.Select(f => $"{f.Key} × {f.Value}"));

    /// <summary>Starts <paramref name="clients"/> reporters that post until <paramref name="total"/> reports were attempted or <see cref="Stop"/>.</summary>
    public static SubmissionLoad Start(Func<Uri> server, int total, int clients)
    {
        var load = new SubmissionLoad(total);
        load.Completion = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => load.ReporterAsync(server))));
        return load;
    }

    public void Stop() => _stopped = true;

    /// <summary>Waits until <paramref name="count"/> receipts were shown (or the load ended); fails after two minutes.</summary>
    public async Task WaitForReceiptsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (_receipts.Count < count && !Completion.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{_receipts.Count} of {count} receipts within two minutes; failures: {Failures}");
            await Task.Delay(20);
        }
    }

    private async Task ReporterAsync(Func<Uri> server)
    {
        while (!_stopped)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= _total)
            {
                return;
            }

            try
            {
                using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
                {
                    BaseAddress = server(),
                    Timeout = TimeSpan.FromSeconds(30),
                };
                var (response, _, receipt) = await RemedySteps.SubmitAsync(
                    client, DemoChannel.Slug, string.Create(CultureInfo.InvariantCulture, $"Fault test report {index}: wages withheld for six weeks in hall 3."));
                if (receipt is not null && response.StatusCode == HttpStatusCode.OK)
                {
                    _receipts.Enqueue(receipt);
                }
                else
                {
                    Fail($"HTTP {(int)response.StatusCode} without a receipt");
                }
            }
            catch (Exception e)
            {
                // The server or its database is down on purpose; such a report was never acknowledged.
                Fail(e is HttpRequestException request ? $"connection: {request.HttpRequestError}" : e.GetType().Name);
                await Task.Delay(50);
            }
        }
    }

    private void Fail(string kind) => _failures.AddOrUpdate(kind, 1, (_, count) => count + 1);

    /// <summary>Opens every receipt on the demo channel's follow-up page; returns the receipts that did not open the case.</summary>
    public static async Task<List<string>> ReceiptsThatDoNotOpenAsync(ServerProcess server, IReadOnlyCollection<string> receipts)
    {
        var failed = new ConcurrentBag<string>();
        var queue = new ConcurrentQueue<string>(receipts);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var client = server.CreateBrowserlikeClient();
            while (queue.TryDequeue(out var receipt))
            {
                var response = await RemedySteps.FollowUpAsync(client, DemoChannel.Slug, receipt);
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || !html.Contains("data-testid=\"case-status\"", StringComparison.Ordinal))
                {
                    failed.Add($"{receipt} (HTTP {(int)response.StatusCode})");
                }
            }
        })));
        return [.. failed];
    }

    /// <summary>
    /// Every stored case, with what a complete one has: the encrypted report, the reporter's envelope (what the receipt
    /// opens) and at least one recipient's envelope. Returns the number of cases and a description of each incomplete one.
    /// </summary>
    /// <summary>
    /// Every case's completeness, and how many cases the load's channel received since <paramref name="since"/> (the
    /// demo seeds cases of its own, dated in earlier years, in that channel and others).
    /// </summary>
    public static async Task<(int Cases, List<string> Incomplete)> CheckCasesAsync(IReadOnlyDictionary<string, string?> configuration, DateOnly since)
    {
        await using var services = CliServices.Build(configuration);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var channel = await db.Channels.IgnoreQueryFilters().Where(c => c.Slug == DemoChannel.Slug).Select(c => c.Id).SingleAsync();
        var cases = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Select(c => new { c.Id, c.ChannelId, c.ReceivedOn, c.Number, c.Report, c.ReporterEnvelope, c.LookupId })
            .ToListAsync();
        var envelopes = (await db.CaseRecipientEnvelopes.IgnoreQueryFilters().AsNoTracking()
                .Select(e => new { e.CaseId, e.SealedKey })
                .ToListAsync())
            .Where(e => e.SealedKey.Length > 0)
            .ToLookup(e => e.CaseId);
        var incomplete = cases
            .Where(c => c.Report.Length == 0 || c.ReporterEnvelope.Length == 0 || c.LookupId.Length == 0 || !envelopes[c.Id].Any())
            .Select(c => string.Create(
                CultureInfo.InvariantCulture,
                $"case {c.Number}: report {c.Report.Length} B, reporter envelope {c.ReporterEnvelope.Length} B, {envelopes[c.Id].Count()} recipient envelope(s)"))
            .ToList();
        return (cases.Count(c => c.ChannelId == channel && c.ReceivedOn >= since), incomplete);
    }
}
