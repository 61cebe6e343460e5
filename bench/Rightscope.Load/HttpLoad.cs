using System.Net;

namespace Rightscope.Load;

/// <summary>The HTTP modes: <c>submit</c> (complete public submissions) and <c>follow-up</c> (opening receipts).</summary>
public static class HttpLoad
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            // Each operation carries its own anti-forgery cookie, like a new reporter.
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(2) };
        var forms = new PublicForms(http, options);

        string[] receipts = [];
        if (options.Mode == "follow-up")
        {
            // One receipt per client, made before the measured run (not counted).
            try
            {
                receipts = await Task.WhenAll(Enumerable.Range(0, options.Clients)
                    .Select(async client => (await forms.SubmitAsync(client, 0, cancellationToken)).Receipt));
            }
            catch (PublicForms.LoadError e)
            {
                await Console.Error.WriteLineAsync($"Could not make the receipts to follow up: {e.Message}");
                return 1;
            }
        }

        var recorder = new Recorder();
        var stopAt = options.Count is null ? options.Duration.TotalSeconds : double.MaxValue;
        var clients = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var iteration = 0;
            while (recorder.Now < stopAt && recorder.TryStart(options.Count) is not null && !cancellationToken.IsCancellationRequested)
            {
                iteration++;
                var start = recorder.Now;
                try
                {
                    var postSeconds = options.Mode == "follow-up"
                        ? await forms.FollowUpAsync(client, receipts[client], cancellationToken)
                        : (await forms.SubmitAsync(client, iteration, cancellationToken)).PostSeconds;
                    recorder.Success(start, postSeconds);
                }
                catch (PublicForms.LoadError e)
                {
                    recorder.Error(start, e.Message);
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    recorder.Error(start, "timeout (2 min)");
                }
                catch (HttpRequestException e)
                {
                    recorder.Error(start, $"connection: {e.HttpRequestError}");
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(clients);

        var windowEnd = options.Count is null ? options.Duration.TotalSeconds : recorder.Now;
        var windowStart = Math.Min(options.Warmup.TotalSeconds, windowEnd / 2);
        var (title, operation) = options.Mode == "follow-up"
            ? ($"Follow-up: opening receipts at {options.Url}report/{options.Channel}/follow-up", "follow-ups")
            : ($"Public submissions to {options.Url}report/{options.Channel}", "submissions");
        Console.WriteLine(recorder.Summary(title, options, windowStart, windowEnd, operation));
        return recorder.Errors == 0 ? 0 : 2;
    }
}
