using Rightscope.Hosting;

namespace Rightscope.Features.Remedy;

public static class RemedyServices
{
    public static IServiceCollection AddRemedy(this IServiceCollection services)
    {
        services.AddSingleton(sp => RemedySettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ServeOptions>()));
        services.AddHostedService<RemedySettingsCheck>();
        services.AddSingleton<KeyDerivationQueue>();
        services.AddScoped<HandlerSession>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseHandling>();
        services.AddScoped<RecipientAccess>();
        services.AddScoped<ChannelCaseSharing>();
        services.AddScoped<CaseAttachments>();
        services.AddScoped<CaseArchive>();
        services.AddScoped<PublicFormReader>();
        services.AddSingleton<PublicChannelLimiter>();
        services.AddSingleton<ReceiptAttempts>();
        services.AddCaseDeadlines();
        return services;
    }
}
