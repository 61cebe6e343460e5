namespace Rightscope.Infrastructure.Jobs;

/// <summary>
/// One row per recurring job, shared by every app instance over the same database: who runs it now and until when,
/// and how its last run ended. The conditional update in <see cref="JobLeases"/> makes one instance run a due job.
/// </summary>
public sealed class JobLease
{
    public const int OutcomeMaxLength = 500;

    public const int NameMaxLength = 100;

    public const int HolderMaxLength = 100;

    public required string Name { get; set; }

    /// <summary>The app instance holding the lease, or null when released.</summary>
    public string? Holder { get; set; }

    public DateTime LeaseUntil { get; set; }

    /// <summary>When the last run finished, successfully or not; the next one is due an interval later.</summary>
    public DateTime? LastRunAt { get; set; }

    public bool LastRunFailed { get; set; }

    public string? LastOutcome { get; set; }

    /// <summary>Failed runs in a row; reset by a successful one.</summary>
    public int ConsecutiveFailures { get; set; }
}
