namespace Rightscope.Infrastructure.Jobs;

/// <summary>A recurring job, its stable name (the lease row's key) and how often it is due.</summary>
public sealed record JobRegistration(string Name, Type JobType, TimeSpan Interval);

public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, typeof(TJob), interval));
        return services;
    }
}
