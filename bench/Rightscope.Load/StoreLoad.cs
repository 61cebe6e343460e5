using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Features.Remedy;
using Rightscope.Hosting;

namespace Rightscope.Load;

/// <summary>
/// <c>--mode store</c>, "encryption and storage alone": the application host built in-process exactly as
/// <c>serve --demo</c> builds it (SQLite in a fresh data directory, migrations, the demo channel and its case handler),
/// with the demo channel's receipt cost set to the smallest Argon2id (8 KiB, 1 pass), so the reporter's derivation —
/// the cost measured by the other modes — is all but excluded; its remaining time is measured and printed. Each
/// client then stores complete cases through <see cref="CaseIntake.SubmitAsync(Channel, string, CancellationToken)"/>:
/// a new case key, the report encrypted, the key sealed to every recipient and wrapped for the reporter, a case
/// number, and the insert committed.
/// </summary>
public static class StoreLoad
{
    private static readonly KeyDerivationCost Minimal = KeyDerivationCost.Reduced(KeyDerivationCost.AbsoluteMinimumMemoryKiB, 1);

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Files > 0)
        {
            await Console.Error.WriteLineAsync("--mode store stores reports without files; use --files 0.");
            return 64;
        }

        var temporary = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("rightscope-store-").FullName;
        try
        {
            return await RunAsync(options, dataDirectory, cancellationToken);
        }
        finally
        {
            if (temporary)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static async Task<int> RunAsync(LoadOptions options, string dataDirectory, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        string[] settings =
        [
            $"--DataDirectory={dataDirectory}",
            $"--Remedy:KeyDerivation:MemoryKiB={Minimal.MemoryKiB.ToString(c)}",
            $"--Remedy:KeyDerivation:Passes={Minimal.Passes.ToString(c)}",
            "--Remedy:KeyDerivation:Reduced=true",
            "--Jobs:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ];
        await using var app = RightscopeWebApp.Build(settings, new ServeOptions(Demo: true), new OperatorConsole(TextWriter.Null), "http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);

        Channel channel;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            channel = await db.Channels.IgnoreQueryFilters().AsNoTracking().SingleAsync(ch => ch.Slug == DemoChannel.Slug, cancellationToken);
        }

        var recipients = await CountAsync(app.Services, channel, db => db.ChannelRecipients.CountAsync(r => r.ChannelId == channel.Id, cancellationToken));
        var derivationMicroseconds = MeasureDerivation(channel);

        var recorder = new Recorder();
        var stopAt = options.Count is null ? options.Duration.TotalSeconds : double.MaxValue;
        var clients = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var iteration = 0;
            var language = options.LanguageOf(client);
            while (recorder.Now < stopAt && recorder.TryStart(options.Count) is not null && !cancellationToken.IsCancellationRequested)
            {
                iteration++;
                var start = recorder.Now;
                var answers = PublicForms.Answers(language, client, iteration).ToDictionary(a => a.Key, a => (string?)a.Value, StringComparer.Ordinal);
                var document = Questionnaire.ToDocument(channel.Questionnaire, language, answers);
                try
                {
                    using var scope = app.Services.CreateScope();
                    scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(channel.OrganizationId);
                    var submitted = await scope.ServiceProvider.GetRequiredService<CaseIntake>().SubmitAsync(channel, document, cancellationToken);
                    using var receipt = submitted.Receipt;
                    if (receipt is null)
                    {
                        recorder.Error(start, submitted.Busy ? "derivation queue full" : "no recipients");
                        continue;
                    }

                    recorder.Success(start, 0);
                }
                catch (DbUpdateException e)
                {
                    recorder.Error(start, $"database: {e.InnerException?.GetType().Name ?? e.GetType().Name}");
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(clients);

        var windowEnd = options.Count is null ? options.Duration.TotalSeconds : recorder.Now;
        var windowStart = Math.Min(options.Warmup.TotalSeconds, windowEnd / 2);
        Console.WriteLine(recorder.Summary("Encryption and storage alone (in-process CaseIntake, SQLite)", options, windowStart, windowEnd, "cases"));

        var stored = await CountAsync(app.Services, channel, db => db.Cases.CountAsync(cancellationToken));
        var numbers = await CountAsync(app.Services, channel, db => db.Cases.Select(x => x.Number).Distinct().CountAsync(cancellationToken));
        Console.WriteLine(string.Create(c,
            $"- channel recipients (each case key sealed to each): {recipients}; reporter Argon2id at {Minimal} (left in): {derivationMicroseconds:F0} µs per derivation, measured alone"));
        Console.WriteLine(string.Create(c, $"- cases in the database after the run: {stored}, distinct case numbers: {numbers}"));
        await app.StopAsync(CancellationToken.None);
        return recorder.Errors == 0 && stored == numbers ? 0 : 2;
    }

    private static async Task<int> CountAsync(IServiceProvider services, Channel channel, Func<RightscopeDbContext, Task<int>> count)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(channel.OrganizationId);
        return await count(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    // The median of 200 derivations at the channel's (minimal) cost: what is left of the reporter's Argon2id in this mode.
    private static double MeasureDerivation(Channel channel)
    {
        var cost = KeyDerivationCost.Parse(channel.ReceiptCost);
        var times = new double[200];
        using var receipt = Receipt.Generate();
        for (var i = 0; i < times.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var access = ReporterAccessKey.Derive(receipt, channel.ReceiptSalt, cost);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
