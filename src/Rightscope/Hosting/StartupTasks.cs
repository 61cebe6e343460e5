using Microsoft.EntityFrameworkCore;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Features.Accounts;

namespace Rightscope.Hosting;

/// <summary>
/// Runs before the server accepts requests: migrations, then the demo data when asked for, then the
/// one-time setup token when the database has no organization yet.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, ServeOptions serve, SetupToken setupToken, OperatorConsole console) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loading the catalog first: an invalid methodology stops the server before it accepts requests.
        services.GetRequiredService<Features.Methodologies.MethodologyRegistry>();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

        if (serve.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(console, cancellationToken);
        }

        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        if (!await db.Organizations.AnyAsync(cancellationToken))
        {
            var token = setupToken.Issue();
            console.WriteLine("Rightscope has no organization yet. Open /setup and enter this one-time setup token:");
            console.WriteLine($"    {token}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
