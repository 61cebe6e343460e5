using Microsoft.Extensions.Options;

namespace Rightscope.Infrastructure.Jobs;

public enum JobRunStatus
{
    Succeeded,
    Failed,

    /// <summary>Not due yet, or another instance holds the lease.</summary>
    Skipped,
}

public sealed record JobRunResult(string Name, JobRunStatus Status, string? Outcome);

/// <summary>
/// Runs the registered recurring jobs when they are due, each in its own scope under a lease (<see cref="JobLeases"/>),
/// catching, logging and recording the outcome of every run, so one failing job neither stops the others nor the
/// server.
/// </summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<JobRegistration> registrations,
    IOptions<JobSettings> settings,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    /// <summary>This instance, as lease holders are told apart.</summary>
    public string Holder { get; } = NewHolder();

    public IReadOnlyList<JobRegistration> Jobs { get; } = [.. registrations];

    /// <summary>Runs every due job once; what a poll of the background loop does.</summary>
    public async Task<IReadOnlyList<JobRunResult>> RunDueAsync(CancellationToken cancellationToken)
    {
        var results = new List<JobRunResult>();
        foreach (var job in Jobs)
        {
            results.Add(await RunAsync(job, cancellationToken));
        }

        return results;
    }

    public async Task<JobRunResult> RunAsync(JobRegistration job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(job.Name, Holder, job.Interval, TimeSpan.FromMinutes(settings.Value.LeaseMinutes), cancellationToken))
        {
            return new JobRunResult(job.Name, JobRunStatus.Skipped, null);
        }

        string outcome;
        var failed = false;
        try
        {
            var instance = (IRecurringJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            outcome = await instance.RunAsync(cancellationToken);
            LogSucceeded(logger, job.Name, outcome);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only in the record: a message may quote data, and the log has the full exception.
            failed = true;
            outcome = $"failed: {exception.GetType().Name}";
            LogFailed(logger, exception, job.Name);
        }

        // Recorded even when the server is stopping, so the lease does not wait for its expiry.
        await leases.ReleaseAsync(job.Name, Holder, failed, outcome, CancellationToken.None);
        return new JobRunResult(job.Name, failed ? JobRunStatus.Failed : JobRunStatus.Succeeded, outcome);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled || Jobs.Count == 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.Value.InitialDelaySeconds), clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.Value.PollSeconds)), clock);
            do
            {
                try
                {
                    await RunDueAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database is unreachable, for example: try again at the next poll.
                    LogPollFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static string NewHolder()
    {
        var holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return holder.Length <= JobLease.HolderMaxLength ? holder : holder[^JobLease.HolderMaxLength..];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} ran: {Outcome}")]
    private static partial void LogSucceeded(ILogger logger, string job, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for due jobs; trying again at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
