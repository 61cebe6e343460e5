namespace Rightscope.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobSettings
{
    /// <summary>Whether this instance runs recurring jobs at all (another instance may run them instead).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after start-up the first jobs run, so start-up and migrations are not slowed.</summary>
    public int InitialDelaySeconds { get; set; } = 60;

    /// <summary>How often the runner looks for due jobs.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>How long a lease lasts; a crashed holder's job becomes runnable again after it.</summary>
    public int LeaseMinutes { get; set; } = 15;
}
