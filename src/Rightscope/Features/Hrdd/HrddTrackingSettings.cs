using System.Globalization;
using Rightscope.Core.Hrdd;
using Rightscope.Infrastructure;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// Settings of the action plans and engagement log: <c>Hrdd:EngagementFatigueThreshold</c>, the number of engagements
/// of one stakeholder organization in twelve months at which the fatigue view flags it (default 4).
/// </summary>
public sealed record HrddTrackingSettings(int FatigueThreshold)
{
    public const string Key = "Hrdd:EngagementFatigueThreshold";

    public static HrddTrackingSettings From(IConfiguration configuration)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(EngagementFatigue.DefaultThreshold);
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 1000
            ? new(value)
            : throw new StartupException($"{Key} must be a whole number from 1 to 1000, not '{text}'.");
    }
}

public static class HrddTrackingServices
{
    /// <summary>The settings, checked at start-up so a wrong threshold stops the server rather than a page.</summary>
    public static IServiceCollection AddHrddTracking(this IServiceCollection services)
    {
        services.AddSingleton(sp => HrddTrackingSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddHostedService<HrddTrackingSettingsCheck>();
        return services;
    }
}

public sealed class HrddTrackingSettingsCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<HrddTrackingSettings>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
