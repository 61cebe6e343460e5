using Rightscope.Core.Indicators;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure;

namespace Rightscope.Features.Indicators;

public static class IndicatorsServices
{
    /// <summary>The indicator catalog (loaded once; an invalid file stops start-up), the dataset writer and the queries.</summary>
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            var path = MethodologyRegistry.DefaultCatalogPath(configuration);
            var catalog = IndicatorCatalog.Load(path, out var errors);
            return errors.Count == 0
                ? catalog
                : throw new StartupException($"The indicator catalog at {path} is invalid; fix these and start again:{Environment.NewLine}  "
                    + string.Join(Environment.NewLine + "  ", errors));
        });
        services.AddScoped<IndicatorDatasets>();
        services.AddScoped<RemedyStatisticsQuery>();
        return services;
    }
}
