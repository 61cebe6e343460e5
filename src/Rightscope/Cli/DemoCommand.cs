using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Demo;
using Spectre.Console;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope demo --scale small|large [--org SLUG]</c>: generates the deterministic investor dataset of issue 8 into
/// the configured database (<see cref="ScaleSeeder"/>), with a progress bar on a terminal and plain lines otherwise.
/// <c>--scale tiny</c> exists for tests and is not listed.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var scale = new Option<string>("--scale") { Description = "How much data: small (2,000 companies) or large (20,000 companies, issue 8).", Required = true };
        var org = new Option<string>("--org") { Description = $"The slug of the organization to create for the data (default {ScaleSeeder.DefaultSlug})." };
        var command = new Command("demo", "Generate a deterministic fictional investor dataset at scale, for benchmarks (serve --demo seeds the small demo).")
        {
            scale, org,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var sizeName = parse.GetValue(scale)!.Trim().ToLowerInvariant();
            if (ScaleSize.All.FirstOrDefault(s => s.Name == sizeName) is not { } size)
            {
                return io.Fail($"--scale: '{parse.GetValue(scale)}' is not a size; give small or large.");
            }

            var slug = (parse.GetValue(org) ?? ScaleSeeder.DefaultSlug).Trim();
            if (OrganizationSlug.Validate(slug) is { } problem)
            {
                return io.Fail($"--org: '{slug}' is not a valid organization slug: {OrganizationSlug.Describe(problem)}.");
            }

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            await using var services = CliServices.Build(configuration);
            await using (var migrationScope = services.CreateAsyncScope())
            {
                await migrationScope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            }

            await using var scope = services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<ScaleSeeder>();
            var clock = Stopwatch.StartNew();
            var result = await RunAsync(io, progress => seeder.SeedAsync(slug, size, progress, cancellationToken));
            switch (result.Outcome)
            {
                case ScaleSeeder.Outcome.Incomplete:
                    return io.Fail($"organization '{slug}' exists but its scale data is incomplete (an earlier run stopped); use a fresh database or another --org.");
                case ScaleSeeder.Outcome.Exists:
                    io.Out.WriteLine($"The scale data exists already in organization '{slug}'; nothing was written. Its passwords were printed when it was created");
                    io.Out.WriteLine($"(reset one with `rightscope admin reset-password --email {ScaleSeeder.EmailOf(slug, Role.Owner)} --password-stdin`).");
                    break;
                default:
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scale data created in {clock.Elapsed.TotalSeconds:0.0} s: {result.Summary}."));
                    io.Out.WriteLine("Sign in at /account/sign-in with (shown once):");
                    foreach (var member in result.Members)
                    {
                        io.Out.WriteLine($"    {member.Organization,-24} {member.Role.ToCode(),-13} {member.Email,-46} {member.Password}");
                    }

                    break;
            }

            foreach (var page in result.Pages)
            {
                io.Out.WriteLine($"page {page.Purpose} {page.Path}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<ScaleSeeder.Result> RunAsync(CliIo io, Func<ScaleSeeder.Progress, Task<ScaleSeeder.Result>> seed)
    {
        var terminal = ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal)
        {
            var reported = new Dictionary<string, int>(StringComparer.Ordinal);
            return await seed((phase, done, total) =>
            {
                // One line per tenth of a phase, and its end.
                var step = Math.Max(1, total / 10);
                if (done == total || done / step > reported.GetValueOrDefault(phase, -1))
                {
                    reported[phase] = done / step;
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}: {done:N0} of {total:N0}"));
                }
            });
        }

        ScaleSeeder.Result? result = null;
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            result = await seed((phase, done, total) =>
            {
                if (!tasks.TryGetValue(phase, out var task))
                {
                    task = tasks[phase] = context.AddTask(Markup.Escape(phase), maxValue: Math.Max(1, total));
                }

                task.Value = done;
            });
        });
        return result!;
    }
}
