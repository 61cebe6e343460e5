namespace Rightscope.Features.Benchmark;

public static class BenchmarkServices
{
    public static IServiceCollection AddBenchmark(this IServiceCollection services)
    {
        services.AddScoped<BenchmarkEditions>();
        services.AddScoped<PublicBenchmark>();
        return services;
    }
}
