using System.CommandLine;
using Rightscope.Data;

namespace Rightscope.Cli;

/// <summary><c>rightscope migrate</c>: applies pending database migrations and exits.</summary>
public static class MigrateCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var command = new Command("migrate", "Apply pending database migrations (also done when the server starts).");
        command.SetAction(async (_, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var settings = services.GetRequiredService<DatabaseSettings>();
            io.Out.WriteLine(applied.Count == 0
                ? $"The {settings.Provider} database is up to date."
                : $"Applied {applied.Count} migration(s) to the {settings.Provider} database: {string.Join(", ", applied)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
