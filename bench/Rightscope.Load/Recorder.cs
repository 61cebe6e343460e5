using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Rightscope.Load;

/// <summary>
/// Every operation's outcome with its start and end on one clock. Throughput is counted over the steady window: from
/// the end of the warm-up to the moment clients stop starting new operations (or the last completion, with --count).
/// </summary>
public sealed class Recorder
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _started;

    private readonly record struct Sample(double Start, double End, bool Ok, double PostSeconds);

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>How many operations were started; with a count limit, the next number or null when the count is reached.</summary>
    public int? TryStart(int? limit)
    {
        var n = Interlocked.Increment(ref _started);
        return limit is { } max && n > max ? null : n;
    }

    public double Now => _clock.Elapsed.TotalSeconds;

    public void Success(double start, double postSeconds) => _samples.Enqueue(new Sample(start, Now, true, postSeconds));

    public void Error(double start, string kind)
    {
        _samples.Enqueue(new Sample(start, Now, false, 0));
        _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public int Errors => _errors.Values.Sum();

    /// <summary>A Markdown summary: counts, errors by kind, throughput over the steady window, latency percentiles.</summary>
    public string Summary(string title, LoadOptions options, double windowStart, double windowEnd, string operation)
    {
        var samples = _samples.ToArray();
        var ok = samples.Where(s => s.Ok).ToArray();
        var inWindow = ok.Count(s => s.End >= windowStart && s.End <= windowEnd);
        var window = Math.Max(windowEnd - windowStart, 1e-9);
        var latencies = ok.Where(s => s.End >= windowStart && s.End <= windowEnd).Select(s => s.End - s.Start).Order().ToArray();
        var posts = ok.Where(s => s.End >= windowStart && s.End <= windowEnd && s.PostSeconds > 0).Select(s => s.PostSeconds).Order().ToArray();
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"### {title}");
        text.AppendLine();
        text.AppendLine(c, $"- clients: {options.Clients}; mode: {options.Mode}; files per submission: {options.Files}; language: {options.Language}");
        text.AppendLine(c, $"- run: {Now:F1} s in all; steady window {windowStart:F1} s → {windowEnd:F1} s ({window:F1} s)");
        text.AppendLine(c, $"- completed: {ok.Length} ({inWindow} in the steady window); errors: {Errors}");
        foreach (var (kind, count) in _errors.OrderByDescending(e => e.Value))
        {
            text.AppendLine(c, $"  - {kind}: {count}");
        }

        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(c, $"| throughput ({operation}/s, steady window) | {inWindow / window:F1} |");
        AppendLatencies(text, $"latency of a whole {operation.TrimEnd('s')}", latencies);
        if (posts.Length > 0)
        {
            AppendLatencies(text, "latency of its POST alone", posts);
        }

        return text.ToString();
    }

    private static void AppendLatencies(StringBuilder text, string what, double[] sorted)
    {
        foreach (var p in new[] { 50, 90, 99 })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {what}, p{p} (ms) | {Percentile(sorted, p) * 1000:F0} |");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values (NaN when there are none).</summary>
    public static double Percentile(double[] sorted, int percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
