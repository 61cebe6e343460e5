using Rightscope.Core.Remedy;
using Rightscope.Infrastructure;
using Rightscope.Infrastructure.Jobs;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The organization-wide service levels given to new channels (<c>Remedy:Sla:AcknowledgeDays</c>,
/// <c>Remedy:Sla:FeedbackMonths</c>) and how many days before a due day a deadline counts as due soon
/// (<c>Remedy:Sla:WarningDays</c>).
/// </summary>
public sealed record CaseDeadlineSettings(ServiceLevel Default, int WarningDays)
{
    public const int DefaultWarningDays = 2;

    public static CaseDeadlineSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(RemedySettings.Section).GetSection("Sla");
        var acknowledge = RemedySettings.Int(section, "AcknowledgeDays", ServiceLevel.Default.AcknowledgeDays);
        var feedback = RemedySettings.Int(section, "FeedbackMonths", ServiceLevel.Default.FeedbackMonths);
        var warning = RemedySettings.Int(section, "WarningDays", DefaultWarningDays);
        if (!ServiceLevel.IsValidAcknowledgeDays(acknowledge))
        {
            throw new StartupException($"{section.Path}:AcknowledgeDays must be between {ServiceLevel.MinAcknowledgeDays} and {ServiceLevel.MaxAcknowledgeDays}.");
        }

        if (!ServiceLevel.IsValidFeedbackMonths(feedback))
        {
            throw new StartupException($"{section.Path}:FeedbackMonths must be between {ServiceLevel.MinFeedbackMonths} and {ServiceLevel.MaxFeedbackMonths}.");
        }

        if (warning is < 0 or > CaseDeadlines.MaxWarningDays)
        {
            throw new StartupException($"{section.Path}:WarningDays must be between 0 and {CaseDeadlines.MaxWarningDays}.");
        }

        return new CaseDeadlineSettings(new ServiceLevel(acknowledge, feedback), warning);
    }
}

public static class CaseDeadlineServices
{
    public static IServiceCollection AddCaseDeadlines(this IServiceCollection services)
    {
        services.AddSingleton(sp => CaseDeadlineSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddHostedService<CaseDeadlineSettingsCheck>();
        services.AddScoped<CaseDeadlineBoard>();
        services.AddRecurringJob<CaseReminderJob>(CaseReminderJob.Name, CaseReminderJob.Interval);
        return services;
    }
}

/// <summary>Reads the service-level settings when the server starts, so a bad value stops it with a clear message.</summary>
public sealed class CaseDeadlineSettingsCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<CaseDeadlineSettings>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
