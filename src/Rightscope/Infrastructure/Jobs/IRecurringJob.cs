namespace Rightscope.Infrastructure.Jobs;

/// <summary>
/// Work the server does by itself on a schedule (DESIGN §9.11): at-least-once, so a run must be idempotent — running
/// it twice, or after a crash half-way, has the effect of running it once. Resolved in its own scope for every run.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Does the work and says what it did in a short line with counts, never content (it is logged and stored).</summary>
    Task<string> RunAsync(CancellationToken cancellationToken);
}
