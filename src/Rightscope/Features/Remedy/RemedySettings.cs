using System.Globalization;
using Rightscope.Core.Remedy;
using Rightscope.Hosting;
using Rightscope.Infrastructure;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Remedy configuration: the Argon2id cost for handler keys (<c>Remedy:KeyDerivation:*</c>) and for new channels'
/// receipts (<c>Remedy:ReceiptKeyDerivation:*</c>), how many derivations may run and wait at once, and the per-channel
/// rate limit of the public forms.
/// </summary>
/// <param name="Cost">The cost of deriving a key from a handler's password (human-chosen, so the heavier one).</param>
public sealed record RemedySettings(
    KeyDerivationCost Cost,
    int MaxConcurrentDerivations,
    int MaxWaitingDerivations,
    int PostsPerChannelPerMinute)
{
    public const string Section = "Remedy";

    /// <summary>
    /// Wrong receipts one channel's follow-up page takes per 15 minutes before every follow-up of the channel waits
    /// (<c>Remedy:RateLimit:FailedReceiptsPerChannel</c>; see <see cref="ReceiptAttempts"/> for the arithmetic).
    /// </summary>
    public int FailedReceiptsPerChannel { get; init; } = 100;

    /// <summary>
    /// The cost of deriving a reporter's access from a receipt, recorded on each new channel. Without its own section it
    /// is <see cref="KeyDerivationCost.ReceiptDefault"/>, or the handler cost when that is a reduced (test/demo) one.
    /// </summary>
    public KeyDerivationCost ReceiptCost { get; init; } = KeyDerivationCost.ReceiptDefault;

    /// <summary>Limits of files sent through the public channel (<c>Remedy:Uploads:*</c>).</summary>
    public UploadLimits Uploads { get; init; } = UploadLimits.Default;

    /// <summary>Reads and checks the settings; a reduced cost is refused unless the environment is Testing or the server runs the demo.</summary>
    public static RemedySettings From(IConfiguration configuration, IHostEnvironment environment, ServeOptions serve)
    {
        var section = configuration.GetSection(Section);
        var derivation = section.GetSection("KeyDerivation");
        var production = !(environment.IsEnvironment("Testing") || serve.Demo);
        var cost = ReadCost(derivation, KeyDerivationCost.Default, production);
        var receiptSection = section.GetSection("ReceiptKeyDerivation");
        var receiptCost = receiptSection.Exists()
            ? ReadCost(receiptSection, KeyDerivationCost.ReceiptDefault, production)
            : cost.IsReduced ? cost : KeyDerivationCost.ReceiptDefault;

        var uploads = section.GetSection("Uploads");
        var maxFileBytes = Positive(uploads, "MaxFileBytes", (int)UploadLimits.Default.MaxFileBytes);
        var maxFiles = Positive(uploads, "MaxFiles", UploadLimits.Default.MaxFiles);
        if (maxFileBytes > UploadLimits.LargestFileBytes || maxFiles > UploadLimits.MostFiles)
        {
            // Each file is held encrypted in memory until the case is stored: these bounds keep one request's memory bounded.
            throw new StartupException(
                $"Remedy:Uploads allows at most {UploadLimits.MostFiles} files (MaxFiles) of at most {UploadLimits.LargestFileBytes} bytes (MaxFileBytes).");
        }

        return new RemedySettings(
            cost,
            // Each derivation holds its memory cost (32 MiB for a receipt, 64 MiB for a password by default) while it runs: at most four at once by default.
            Positive(derivation, "MaxConcurrent", Math.Min(Environment.ProcessorCount, 4)),
            Positive(derivation, "MaxWaiting", 4 * Environment.ProcessorCount),
            Positive(section.GetSection("RateLimit"), "PostsPerChannelPerMinute", 600))
        {
            ReceiptCost = receiptCost,
            Uploads = new UploadLimits(maxFileBytes, maxFiles),
            FailedReceiptsPerChannel = Positive(section.GetSection("RateLimit"), "FailedReceiptsPerChannel", 100),
        };
    }

    private static KeyDerivationCost ReadCost(IConfigurationSection section, KeyDerivationCost fallback, bool production)
    {
        var memory = Int(section, "MemoryKiB", fallback.MemoryKiB);
        var passes = Int(section, "Passes", fallback.Passes);
        var reduced = string.Equals(section["Reduced"], "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            return KeyDerivationCost.FromSettings(memory, passes, KeyDerivationCost.SupportedParallelism, reduced, production);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new StartupException(
                $"{section.Path} (MemoryKiB={memory}, Passes={passes}, Reduced={reduced}) is refused: {e.Message} " +
                "A reduced cost is allowed only in the Testing environment or with serve --demo.");
        }
    }

    /// <summary>A whole-number setting, <paramref name="fallback"/> when absent; anything else stops the start with its path.</summary>
    internal static int Int(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StartupException($"{section.Path}:{key} must be a whole number, not '{text}'.");
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var value = Int(section, key, fallback);
        return value > 0 ? value : throw new StartupException($"{section.Path}:{key} must be at least 1.");
    }
}

/// <summary>How many files one public post may carry, and how large each may be.</summary>
public sealed record UploadLimits(long MaxFileBytes, int MaxFiles)
{
    public const long LargestFileBytes = 100L * 1024 * 1024;

    public const int MostFiles = 20;

    public static readonly UploadLimits Default = new(10L * 1024 * 1024, 5);

    /// <summary>The largest multipart post: every file at its limit, the part headers, and the text of the form.</summary>
    public long MaxRequestBytes => MaxFiles * (MaxFileBytes + 8 * 1024) + PublicChannelPage.MaxRequestBytes;

    /// <summary>The per-file limit in whole MiB (rounded down), for messages.</summary>
    public long MaxFileMiB => Math.Max(1, MaxFileBytes / (1024 * 1024));
}

/// <summary>Reads the Remedy settings when the server starts, so a refused cost stops it with a clear message.</summary>
public sealed class RemedySettingsCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<RemedySettings>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
