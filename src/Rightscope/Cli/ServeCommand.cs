using System.CommandLine;
using Rightscope.Hosting;

namespace Rightscope.Cli;

/// <summary><c>rightscope serve [--urls URL] [--demo]</c>, also what runs when no command is given.</summary>
public static class ServeCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("serve", $"Serve the web application (default {ServeOptions.DefaultUrl}).");
        Configure(command, io);
        return command;
    }

    public static void ConfigureAsDefault(RootCommand root, CliIo io) => Configure(root, io);

    private static void Configure(Command command, CliIo io)
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on, separated by ';' (default {ServeOptions.DefaultUrl})." };
        var demo = new Option<bool>("--demo") { Description = "Create the demo organizations and users if they do not exist yet, and print their sign-in details." };
        command.Options.Add(urls);
        command.Options.Add(demo);

        // Extra `--Key=value` tokens are ASP.NET Core configuration, as with any ASP.NET Core host (and how
        // WebApplicationFactory passes its settings). Anything else is a mistake: a mistyped command must not
        // start a server.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            if (parse.UnmatchedTokens.FirstOrDefault(token => !IsConfigurationSetting(token)) is { } unknown)
            {
                return io.Fail($"unknown command or option '{unknown}'; run `rightscope --help` for the list of commands.");
            }

            await using var app = RightscopeWebApp.Build(
                parse.UnmatchedTokens.ToArray(),
                new ServeOptions(parse.GetValue(demo)),
                new OperatorConsole(io.Out),
                parse.GetValue(urls));
            DataDirectoryPreflight.Check(app.Services);
            await app.RunAsync();
            return ExitCodes.Success;
        }));
    }

    private static bool IsConfigurationSetting(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf('=', StringComparison.Ordinal) > 2;
}
