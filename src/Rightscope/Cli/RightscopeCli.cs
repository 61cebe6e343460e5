using System.CommandLine;

namespace Rightscope.Cli;

/// <summary>
/// The <c>rightscope</c> command line. <c>serve</c> is the default command; every other command works on the
/// configured database without starting the web server.
/// </summary>
public static class RightscopeCli
{
    public static async Task<int> RunAsync(string[] args, CliIo io, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var root = new RootCommand("Rightscope: human rights due diligence for the technology sector.");
        ServeCommand.ConfigureAsDefault(root, io);
        root.Subcommands.Add(ServeCommand.Create(io));
        root.Subcommands.Add(MigrateCommand.Create(io, configuration));
        root.Subcommands.Add(AdminCommands.Create(io, configuration));
        root.Subcommands.Add(OrgCommands.Create(io, configuration));
        root.Subcommands.Add(AuditCommands.Create(io, configuration));
        root.Subcommands.Add(MethodologyCommands.Create(io, configuration));
        root.Subcommands.Add(RescoreCommand.Create(io, configuration));
        root.Subcommands.Add(ImportCommands.Create(io, configuration));
        root.Subcommands.Add(ExportCommands.Create(io, configuration));
        root.Subcommands.Add(DemoCommand.Create(io, configuration));
        root.Subcommands.Add(BackupCommands.Backup(io, configuration));
        root.Subcommands.Add(BackupCommands.Restore(io, configuration));

        var invocation = new InvocationConfiguration { Output = io.Out, Error = io.Error };
        return await root.Parse(args).InvokeAsync(invocation);
    }

    /// <summary>Runs a command body and turns expected failures into a one-line reason and a non-zero exit code.</summary>
    internal static async Task<int> Guarded(CliIo io, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Infrastructure.StartupException e)
        {
            return io.Fail(e.Message);
        }
        catch (FormatException e)
        {
            return io.Fail(e.Message);
        }
        catch (IOException e)
        {
            return io.Fail(e.Message);
        }
    }
}
