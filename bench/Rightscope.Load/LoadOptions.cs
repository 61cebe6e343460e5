using System.Globalization;

namespace Rightscope.Load;

/// <summary>What the generator does: which mode, against what, with how many clients, for how long.</summary>
public sealed record LoadOptions
{
    public string Mode { get; init; } = "submit";

    public int Clients { get; init; } = 8;

    /// <summary>How long clients keep starting new submissions (when <see cref="Count"/> is not set).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Completions in the first seconds are not counted in the throughput (JIT, connection set-up, caches).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Total operations instead of a duration; null means run for <see cref="Duration"/>.</summary>
    public int? Count { get; init; }

    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    public string Channel { get; init; } = "demo";

    /// <summary>Files sent with each submission: 0 or 1 (a small text file).</summary>
    public int Files { get; init; }

    /// <summary><c>en</c>, <c>zh-Hans</c>, or <c>both</c> (clients alternate).</summary>
    public string Language { get; init; } = "both";

    /// <summary>Store mode: the data directory of the in-process instance (a fresh temporary one when null).</summary>
    public string? DataDirectory { get; init; }

    public const string Usage = """
        Rightscope.Load: public submission load generator (see BENCHMARKS.md, "Public submissions").

          --mode submit|follow-up|store   submit: GET the form, POST a complete report, expect a receipt (default)
                                          follow-up: open receipts (made first, uncounted) at /report/{channel}/follow-up
                                          store: in-process, CaseIntake.SubmitAsync into a fresh SQLite data directory
                                                 with a minimal reporter Argon2id cost (encryption and storage alone)
          --clients N                     concurrent clients (default 8)
          --duration 30s|2m               how long clients start new operations (default 30s)
          --count N                       total operations instead of a duration
          --warmup 5s                     completions before this are not counted in the throughput (default 5s)
          --url http://127.0.0.1:5080     server (HTTP modes)
          --channel demo                  channel slug (HTTP modes)
          --files 0|1                     attach one small text file to each submission (default 0)
          --lang en|zh-Hans|both          form language (default both: clients alternate)
          --data DIR                      store mode: data directory (default: a new temporary directory, deleted after)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new OptionException("");
            }

            if (i + 1 >= args.Length)
            {
                throw new OptionException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--mode" when value is "submit" or "follow-up" or "store" => options with { Mode = value },
                "--clients" => options with { Clients = Positive(name, value) },
                "--duration" => options with { Duration = Time(name, value) },
                "--warmup" => options with { Warmup = value is "0" ? TimeSpan.Zero : Time(name, value) },
                "--count" => options with { Count = Positive(name, value) },
                "--url" when Uri.TryCreate(value, UriKind.Absolute, out var url) => options with { Url = url },
                "--channel" when value.Length > 0 => options with { Channel = value },
                "--files" when value is "0" or "1" => options with { Files = value == "1" ? 1 : 0 },
                "--lang" when value is "en" or "zh-Hans" or "both" => options with { Language = value },
                "--data" => options with { DataDirectory = value },
                _ => throw new OptionException($"{name} {value}: unknown option or invalid value."),
            };
        }

        return options;
    }

    /// <summary>The language of the <paramref name="client"/>-th client's forms.</summary>
    public string LanguageOf(int client) => Language == "both" ? (client % 2 == 0 ? "en" : "zh-Hans") : Language;

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new OptionException($"{name} must be a whole number of at least 1, not '{value}'.");

    private static TimeSpan Time(string name, string value)
    {
        var (number, unit) = value.EndsWith('m') ? (value[..^1], 60.0) : value.EndsWith('s') ? (value[..^1], 1.0) : (value, 1.0);
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n > 0
            ? TimeSpan.FromSeconds(n * unit)
            : throw new OptionException($"{name} must be a duration such as 30s or 2m, not '{value}'.");
    }
}

public sealed class OptionException(string message) : Exception(message);
