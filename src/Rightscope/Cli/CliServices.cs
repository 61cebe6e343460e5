using Microsoft.Extensions.DependencyInjection.Extensions;
using Rightscope.Hosting;

namespace Rightscope.Cli;

/// <summary>
/// The services a non-serving command needs, without a web host: same configuration sources as <c>serve</c>
/// (appsettings.json, <c>RIGHTSCOPE_</c> environment variables), plus overrides from tests.
/// </summary>
public static class CliServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables("RIGHTSCOPE_")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(options => options.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        services.TryAddSingleton<IHostEnvironment>(new CliHostEnvironment(environment));
        services.AddRightscopeCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class CliHostEnvironment(string environmentName) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environmentName;

        public string ApplicationName { get; set; } = "Rightscope";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
